import { followUpCard, newAlertCard } from './alert-card.js';
import { boardCard, legacyBoardCard } from './board-card.js';
import { backlogCard, digestCardWith } from './digest-card.js';
import { incidentCard } from './incident-card.js';
import { legacyAlert, legacyBacklog, legacyDigest, legacyFollowUp, legacyIncident, legacyRule } from './message-card.js';
import { ruleCard } from './rule-card.js';
import { legacyTestCard, testCard } from './set-up-card.js';
import type { AdaptiveCard, CardKind, CardPlan } from './types.js';

/** What a renderer draws from: the notices of one card and the hosts its buttons may open. */
export type CardContent = Pick<CardPlan, 'notices' | 'portalHosts' | 'digestHeading' | 'waiting' | 'runUrl' | 'note' | 'board'>;

export interface Renderer {
  /** The Adaptive Card (Teams Workflows). */
  adaptive(content: CardContent): AdaptiveCard;
  /** The legacy Office 365 connector's MessageCard (allow-legacy-connector: true). */
  legacy(content: CardContent): object;
}

/**
 * The one place that says how each kind of card is drawn, in each format. A new kind of notice adds a
 * row here (and `cardKindOf` in plan.ts says which notices get it); the card tests render every row in
 * every format.
 */
export const RENDERERS: Record<CardKind, Renderer> = {
  alert: { adaptive: c => newAlertCard(c.notices[0].alert, c.portalHosts), legacy: legacyAlert },
  'follow-up': { adaptive: c => followUpCard(c.notices[0], c.portalHosts), legacy: legacyFollowUp },
  incident: { adaptive: c => incidentCard(c.notices[0], c.portalHosts), legacy: legacyIncident },
  rule: { adaptive: c => ruleCard(c.notices[0], c.portalHosts), legacy: legacyRule },
  digest: { adaptive: c => digestCardWith(c.digestHeading ?? '', c.notices, c.portalHosts), legacy: legacyDigest },
  backlog: { adaptive: c => backlogCard(c.waiting ?? [], c.runUrl), legacy: legacyBacklog },
  test: { adaptive: testCard, legacy: legacyTestCard },
  board: { adaptive: boardCard, legacy: legacyBoardCard }
};

/** The MessageCard of a planned card: drawn by the same table entry as its Adaptive Card. */
export function messageCard(plan: CardPlan): object {
  return RENDERERS[plan.kind].legacy(plan);
}
