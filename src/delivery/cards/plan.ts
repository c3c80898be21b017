import { statusOfSignature } from '../../model/alert.js';
import { about, type Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { alertActions, card, facts, header } from './adaptive.js';
import { ALL_IN_DIGEST, digestCards, OVERFLOW_DIGEST, reminderDigest } from './digest-card.js';
import { RENDERERS } from './renderers.js';
import { cardBytes, MAX_CARD_BYTES, MAX_STORED_BODY_BYTES, storedBodyBytes } from './size.js';
import { humanize, neutralize, truncate } from './text.js';
import type { CardKind, CardPlan, PortalHosts } from './types.js';

/** Which card each notice gets: one each up to max-cards, digests for the rest. Pure. */

/** The renderer-table entry of a notice's own card. */
export function cardKindOf(notice: Notice): CardKind {
  const kind = about(notice);
  if (kind !== 'alert') return kind;
  return notice.kind === 'new' ? 'alert' : 'follow-up';
}

/** One card per notice up to `maxCards`, the rest in digest cards; reminders always go in a reminder digest. */
export function planCards(all: Notice[], maxCards: number, remindAfterMs = 86_400_000, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan[] {
  const notices = all.filter(notice => notice.kind !== 'reminder');
  const reminders = all.filter(notice => notice.kind === 'reminder');
  const plans: CardPlan[] = notices.slice(0, maxCards).map(notice => {
    const kind = cardKindOf(notice);
    let built = RENDERERS[kind].adaptive({ notices: [notice], portalHosts: hosts });
    if (cardBytes(built) > MAX_CARD_BYTES || storedBodyBytes(built) > MAX_STORED_BODY_BYTES) {
      // Evidence-heavy alerts: fall back to the compact form rather than risk a rejected card.
      built = card(
        [header(notice.alert, notice.kind === 'new' ? 'New alert' : humanize(notice.kind)), facts([['Alert ID', notice.alert.id]])],
        alertActions(notice.alert, hosts)
      );
    }
    const status = statusOfSignature(notice.previousSignature ?? '');
    // Cut before neutralising (linear in the label, not the title); logs make it one line.
    const title = neutralize(String(notice.alert.title || notice.alert.id), 100);
    return {
      kind,
      card: built,
      notices: [notice],
      label: `${notice.kind}${status ? ` (was ${neutralize(status, 40)})` : ''}: ${truncate(title, 80)}`,
      portalHosts: hosts
    };
  });
  return [
    ...plans,
    ...digestCards(notices.slice(maxCards), plans.length > 0 ? OVERFLOW_DIGEST : ALL_IN_DIGEST, hosts),
    ...digestCards(reminders, reminderDigest(remindAfterMs), hosts)
  ];
}

/**
 * How many posts fit in `remainingMs` at `rate` (a burst of `requests` per window) and `intervalMs`
 * between posts. Used to see a storm coming: more cards than this cannot all go out in this run.
 */
export function postBudget(remainingMs: number, rate: { requests: number; windowMs: number }, intervalMs: number): number {
  if (remainingMs <= 0) return 0;
  const byRate = rate.requests * Math.ceil(remainingMs / rate.windowMs);
  const byInterval = intervalMs > 0 ? Math.ceil(remainingMs / intervalMs) : Number.POSITIVE_INFINITY;
  return Math.min(byRate, byInterval);
}
