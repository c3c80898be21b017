import type { Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { card, facts, severityLook } from './adaptive.js';
import { bodyBytes, MAX_DIGEST_BODY_BYTES, MAX_STORED_BODY_BYTES, storedBodyBytes, storedBytes } from './size.js';
import { neutralize, safeUrl, serviceLabel, truncate } from './text.js';
import type { AdaptiveCard, AdaptiveElement, CardPlan, PortalHosts } from './types.js';

/** Cards about many alerts: digests (a burst's overflow, reminders) and the backlog card of a storm. */

const MAX_DIGEST_ROWS = 80;
/** Titles in digest rows are cut to this many characters. */
const DIGEST_TITLE_LENGTH = 110;

const DIGEST_PREFIX: Record<Notice['kind'], string> = { new: '', reminder: '', resolved: '[Resolved] ', updated: '[Updated] ' };

/**
 * One compact row: "HIGH · Defender for Endpoint · " in the severity's colour, then the title, which
 * opens the alert. One RichTextBlock of TextRuns (no markdown) instead of a three-column layout: a third
 * of the bytes, so a digest carries twice the alerts.
 */
function digestRow(notice: Notice, hosts: PortalHosts): AdaptiveElement {
  const alert = notice.alert;
  const look = severityLook(alert.severity);
  const title: Record<string, unknown> = {
    type: 'TextRun',
    text: neutralize(`${DIGEST_PREFIX[notice.kind]}${truncate(String(alert.title || '(untitled alert)'), DIGEST_TITLE_LENGTH)}`, 200)
  };
  const url = safeUrl(alert.alertWebUrl, hosts);
  if (url) title.selectAction = { type: 'Action.OpenUrl', url };
  return {
    type: 'RichTextBlock',
    inlines: [
      {
        type: 'TextRun',
        text: `${look.label.toUpperCase()} · ${serviceLabel(alert.serviceSource) || '—'} · `,
        color: look.color,
        weight: 'Bolder'
      },
      title
    ]
  };
}

/** What a digest is about: the overflow of a burst, or reminders of alerts still open. */
export interface DigestKind {
  heading: (total: number) => string;
  /** Shown as the label in logs. */
  name: string;
}

export const OVERFLOW_DIGEST: DigestKind = { heading: total => `${total} more alert${total === 1 ? '' : 's'}`, name: 'digest' };
/** max-cards: 0 puts every notice in digests: there is nothing they are "more" than. */
export const ALL_IN_DIGEST: DigestKind = { heading: total => `${total} alert${total === 1 ? '' : 's'}`, name: 'digest' };

export function reminderDigest(remindAfterMs: number): DigestKind {
  const after = describeDuration(remindAfterMs);
  return {
    heading: total => `Reminder: ${total} alert${total === 1 ? ' is' : 's are'} still unresolved, with no news for ${after}`,
    name: 'reminder digest'
  };
}

function describeDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  return `${Math.round(ms / 60_000)} minutes`;
}

function digestHeading(part: number, parts: number, total: number, kind: DigestKind): string {
  return parts > 1 ? `${kind.heading(total)} (part ${part} of ${parts})` : kind.heading(total);
}

function digestCard(notices: Notice[], part: number, parts: number, total: number, kind: DigestKind, hosts: PortalHosts): AdaptiveCard {
  return digestCardWith(digestHeading(part, parts, total, kind), notices, hosts);
}

/** A digest card under its heading: one compact row per notice. */
export function digestCardWith(heading: string, notices: Notice[], hosts: PortalHosts): AdaptiveCard {
  return card([
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: 'Select a title to open the alert in Microsoft Defender.', isSubtle: true, size: 'Small', wrap: true },
    ...notices.map(notice => digestRow(notice, hosts))
  ]);
}

/**
 * Splits notices into digest cards of at most MAX_DIGEST_ROWS rows and MAX_DIGEST_BODY_BYTES bytes as
 * sent. Each row is measured once; the fixed part is measured with the longest heading it can have.
 */
export function digestCards(notices: Notice[], kind: DigestKind = OVERFLOW_DIGEST, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan[] {
  const empty = digestCard([], 99_999, 99_999, 999_999, kind, hosts);
  // Both measures are additive row by row: the body as sent, and as Power Automate stores it (a row's
  // escaped JSON without the two quotes around the whole, plus the comma between rows).
  const fixed = bodyBytes(empty);
  const fixedStored = storedBodyBytes(empty);
  const groups: Notice[][] = [];
  let current: Notice[] = [];
  let bytes = fixed;
  let stored = fixedStored;
  for (const notice of notices) {
    const built = digestRow(notice, hosts);
    const row = Buffer.byteLength(JSON.stringify(built)) + 1;
    const storedRow = storedBytes(built) - 2 + 1;
    if (
      current.length > 0 &&
      (current.length >= MAX_DIGEST_ROWS || bytes + row > MAX_DIGEST_BODY_BYTES || stored + storedRow > MAX_STORED_BODY_BYTES)
    ) {
      groups.push(current);
      current = [];
      bytes = fixed;
      stored = fixedStored;
    }
    current.push(notice);
    bytes += row;
    stored += storedRow;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, index) => ({
    kind: 'digest' as const,
    card: digestCard(group, index + 1, groups.length, notices.length, kind, hosts),
    notices: group,
    digestHeading: digestHeading(index + 1, groups.length, notices.length, kind),
    label: `${kind.name} ${index + 1}/${groups.length} (${group.length} alerts)`,
    portalHosts: hosts
  }));
}

function countBy(notices: Notice[], key: (notice: Notice) => string): string {
  const counts = new Map<string, number>();
  for (const notice of notices) counts.set(key(notice), (counts.get(key(notice)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/**
 * The card a storm gets when its notices cannot all be posted in this run: how many wait, by severity
 * and service, the most severe titles, and a link to the run. It carries no notice: the alerts it
 * counts stay owed and are posted by the next runs.
 */
export function backlogPlan(held: Notice[], runUrl: string | undefined, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan {
  return {
    kind: 'backlog',
    card: backlogCard(held, runUrl),
    notices: [],
    waiting: held,
    runUrl,
    digestHeading: backlogHeading(held),
    label: `backlog card (${held.length} alerts wait)`,
    portalHosts: hosts
  };
}

export function backlogHeading(held: Notice[]): string {
  return `Backlog: ${held.length} more alert${held.length === 1 ? '' : 's'} will follow in the next runs`;
}

/** How many wait, by severity and by service, and the most severe titles (the facts of either format). */
export function backlogFacts(held: Notice[]): Array<[string, string]> {
  const top = held
    .slice(0, 5)
    .map(notice => `${severityLook(notice.alert.severity).label}: ${truncate(String(notice.alert.title || notice.alert.id), 100)}`);
  return [
    ['By severity', countBy(held, notice => severityLook(notice.alert.severity).label)],
    ['By service', countBy(held, notice => serviceLabel(notice.alert.serviceSource) || 'Unknown')],
    ['Most severe', top.join(' · ')]
  ];
}

export const BACKLOG_EXPLANATION =
  'More alerts arrived than Teams accepts in one run; they are posted in order of severity by the following runs. Nothing is dropped.';

/** Its only button opens the workflow run (GitHub), not a portal. */
export function backlogCard(held: Notice[], runUrl: string | undefined): AdaptiveCard {
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: backlogHeading(held), weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: BACKLOG_EXPLANATION, isSubtle: true, size: 'Small', wrap: true },
    facts(backlogFacts(held))
  ];
  const actions = runUrl ? [{ type: 'Action.OpenUrl', title: 'Open the workflow run', url: runUrl }] : [];
  return card(body, actions);
}
