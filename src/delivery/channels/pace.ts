import { ExchangeCancelled, realSleep } from '../../runtime/http.js';
import type { CardPlan } from '../cards/types.js';
import { deferredResult, type DeliveryResult, type PostContext } from './channel.js';

/** What sending one card gave: its result, and whether every further post to this channel would fail too. */
export interface Sent {
  result: DeliveryResult;
  /** Set when the answer means the channel is gone or unauthorised: the rest is not sent. */
  fatal?: string;
}

/**
 * Sends cards one after another to one channel, for any kind of channel: a pause of intervalMs between
 * posts, at most `rate` posts in any window (counting this run's earlier posts to the channel), no post
 * started at or after the deadline or after a cancellation (the rest is deferred: still owed, not failed),
 * and nothing more after a fatal answer.
 */
export async function postPaced(
  plans: CardPlan[],
  context: PostContext,
  send: (plan: CardPlan) => Promise<Sent>
): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  const sleep = context.sleep ?? realSleep;
  const now = context.now ?? Date.now;
  const sentAt: number[] = context.sentAt ?? [];
  const deadline = context.deadline ?? Number.POSITIVE_INFINITY;
  let fatal: string | undefined;
  /** Why no further post may start, if one may not. */
  const stopped = (): DeliveryResult['deferred'] => (context.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
  for (const [index, plan] of plans.entries()) {
    if (fatal) {
      results.push({ plan, delivered: false, error: `not sent: ${fatal}` });
      continue;
    }
    // The pause follows this call's previous post, or (first post) the run's last post to this channel.
    let wait = index > 0 ? context.intervalMs : sentAt.length > 0 ? Math.max(0, sentAt[sentAt.length - 1] + context.intervalMs - now()) : 0;
    for (const rate of [...(context.rate ? [context.rate] : []), ...(context.rates ?? [])]) {
      // The post that would be one too many in the window waits until the oldest one leaves it.
      if (sentAt.length >= rate.requests) wait = Math.max(wait, sentAt[sentAt.length - rate.requests] + rate.windowMs - now());
    }
    // A wait that would end past the deadline is not started: the rest stays owed for the next run.
    const reason = stopped() ?? (wait > 0 && now() + wait >= deadline ? 'deadline' : undefined);
    if (reason) {
      results.push(...plans.slice(index).map(rest => deferredResult(rest, reason)));
      break;
    }
    if (wait > context.intervalMs) context.onPace?.(plan.label, wait);
    if (wait > 0) await sleep(wait, context.signal);
    const late = stopped();
    if (late) {
      results.push(...plans.slice(index).map(rest => deferredResult(rest, late)));
      break;
    }
    sentAt.push(now());
    try {
      const sent = await send(plan);
      fatal = sent.fatal;
      results.push(sent.result);
    } catch (error) {
      if (!(error instanceof ExchangeCancelled)) throw error;
      // The channel may have taken the card; at-least-once: it is posted again by the next run.
      results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
      break;
    }
  }
  return results;
}
