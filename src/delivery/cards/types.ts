import type { BoardContent } from '../../model/board.js';
import type { Notice } from '../../model/notice.js';

/** Hosts a button may open (the configured cloud's Microsoft portals). */
export type PortalHosts = readonly string[];

/**
 * Adaptive Cards (version 1.4: 1.5 fails to render through Teams Workflows) built from alerts. Pure:
 * no I/O. Alert text only ever goes into TextRuns (no markdown) after `neutralize`.
 */
export type AdaptiveElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.4';
  body: AdaptiveElement[];
  actions?: AdaptiveElement[];
  msteams?: { width: 'Full' };
}

/**
 * What a card tells, one entry of the renderer table (renderers.ts): each has an Adaptive Card and a
 * legacy MessageCard renderer.
 */
export type CardKind = 'alert' | 'follow-up' | 'incident' | 'rule' | 'digest' | 'backlog' | 'test' | 'board';

/** A card and the notices it carries: they are delivered, or not, together. */
export interface CardPlan {
  /** Which renderer drew it (renderers.ts): the legacy connector draws its MessageCard with the same entry. */
  kind: CardKind;
  card: AdaptiveCard;
  notices: Notice[];
  /** Set for digest cards: their heading (a digest may carry a single notice too). */
  digestHeading?: string;
  /** Short description for logs and the job summary (no alert text beyond the title). */
  label: string;
  /** Hosts the card's buttons may open; a MessageCard built from this plan uses the same. */
  portalHosts: PortalHosts;
  /** The route the card goes to (undefined: the default channel). */
  channel?: string;
  /** A backlog card: the notices it counts (they stay owed, so they are not in `notices`), and the run's link. */
  waiting?: Notice[];
  runUrl?: string;
  /** A test card (send-test-card): where it was sent from. */
  note?: string;
  /** An open-alerts board or daily digest: what is open in the channel. */
  board?: BoardContent;
}
