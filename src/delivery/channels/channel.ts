import type { PostRate } from '../../inputs/inputs.js';
import { HttpError, type RetryPolicy, type Sleep } from '../../runtime/http.js';
import { redact } from '../../runtime/secrets.js';
import type { MessageRef } from '../../model/notice.js';
import type { CardPlan } from '../cards/types.js';

/**
 * What every kind of channel offers the delivery step. A channel posts planned cards, paced and bounded
 * (pace.ts does the pacing for all of them); a channel that returns message ids can also update a posted
 * card and reply in its thread. A new kind of channel is one folder beside webhook/ that implements this
 * interface, and one entry in index.ts.
 */
export interface DeliveryResult {
  plan: CardPlan;
  /** The channel accepted the card (what "accepted" means is the channel's `accepted`). */
  delivered: boolean;
  /** Why delivery failed; never contains a webhook URL or a token. */
  error?: string;
  /**
   * Not attempted, or cut off, because the run ran out of time (max-run-time) or was cancelled: the
   * notices stay owed for the next run, which is not a failure of Teams.
   */
  deferred?: 'deadline' | 'cancelled';
  /** The message the channel confirmed with an id (bot channels): kept in the snapshot for edits and replies. */
  message?: MessageRef;
  /** A posted card was edited in place (a follow-up, teams-delivery: bot). */
  edited?: boolean;
  /** The message to edit no longer exists (404): post a new one and forget the old id. */
  missing?: boolean;
}

/** How one run posts to one channel: pacing, bounds, cancellation and what is logged. */
export interface PostContext {
  /** Minimum pause between two posts. */
  intervalMs: number;
  /** Sliding-window limit on posts to this channel; posts beyond it wait for the window to move. */
  rate?: PostRate;
  /** More such limits, all kept (a bot's per-thread limits: per second, per 30 s, per hour). */
  rates?: PostRate[];
  now?: () => number;
  policy?: RetryPolicy;
  sleep?: Sleep;
  onRetry?: (label: string, reason: string, delayMs: number) => void;
  /** Called when a post waits for the rate window. */
  onPace?: (label: string, delayMs: number) => void;
  /** No post starts at or after this time (ms since the epoch): max-run-time. */
  deadline?: number;
  /** Aborted when the run is cancelled: the post under way is abandoned and no other starts. */
  signal?: AbortSignal;
  /** When earlier posts of this run to the same channel started (ms): the rate counts them too; appended to. */
  sentAt?: number[];
}

export interface Channel {
  /** For logs: the kind of channel (workflows, legacy-connector...). */
  readonly kind: string;
  /** What the channel's success answer means, as the README states it. */
  readonly accepted: string;
  /** Posts the cards one after another, paced; one result per card, in order. */
  post(plans: CardPlan[], context: PostContext): Promise<DeliveryResult[]>;
  /** Replaces a posted card in place (only channels that return message ids). */
  update?(message: MessageRef, plan: CardPlan, context: PostContext): Promise<DeliveryResult>;
  /** Posts a reply in a posted card's thread (only channels that return message ids). */
  reply?(message: MessageRef, plan: CardPlan, context: PostContext): Promise<DeliveryResult>;
}

export function deferredResult(plan: CardPlan, reason: NonNullable<DeliveryResult['deferred']>): DeliveryResult {
  const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
  return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
}

/** Why an exchange failed, for a DeliveryResult: the HTTP client's message, redacted (it may echo a URL or token). */
export function failureText(error: unknown): string {
  return redact(error instanceof HttpError ? error.message : String((error as Error)?.message ?? error));
}
