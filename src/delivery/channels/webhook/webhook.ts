import { exchange, ExchangeCancelled, HttpError, realSleep, type RetryPolicy, type Sleep } from '../../../runtime/http.js';
import type { PostRate, WebhookKind } from '../../../inputs/inputs.js';
import { redact } from '../../../runtime/secrets.js';
import { workflowsEnvelope, type CardPlan } from '../../cards/cards.js';
import { messageCard } from '../../cards/renderers.js';

/**
 * Posts cards to a Teams webhook, one after another, paced, each retried on 429/5xx/resets/time-outs.
 * A card counts as delivered only on a success answer: 202 from Workflows (queued), or 200 with body
 * `1` from a legacy connector (which answers 200 with an error text when it throttles).
 */
export const TEAMS_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxTotalMs: 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
  retryStatuses: [408, 429, 500, 502, 503, 504]
};

export interface DeliveryResult {
  plan: CardPlan;
  delivered: boolean;
  /** Why delivery failed; never contains the webhook URL. */
  error?: string;
  /**
   * Not attempted, or cut off, because the run ran out of time (max-run-time) or was cancelled: the
   * notices stay owed for the next run, which is not a failure of Teams.
   */
  deferred?: 'deadline' | 'cancelled';
}

/** At most `requests` posts in any `windowMs` (Workflows throttle at about 25 requests per 5 minutes). */
export type { PostRate } from '../../../inputs/inputs.js';

export interface DeliveryOptions {
  url: string;
  kind: WebhookKind;
  /** Minimum pause between two posts. */
  intervalMs: number;
  /** Sliding-window limit on posts to this URL; posts beyond it wait for the window to move. */
  rate?: PostRate;
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
  /** When earlier posts of this run to the same URL started (ms): the rate counts them too; appended to. */
  sentAt?: number[];
}

/** Teams answers are short; anything longer is not an answer from Teams. */
const MAX_TEAMS_ANSWER_BYTES = 256 * 1024;

/** Answers that mean every further post to this URL will fail too. */
const FATAL_STATUSES = new Set([401, 403, 404, 410]);

function explainStatus(status: number, body: string): string {
  // The answer may echo the webhook URL or its signature: never let it through.
  const detail = body.trim() ? `: ${redact(body.trim().slice(0, 2000)).slice(0, 300)}` : '';
  if (status === 404 || status === 410)
    return `Teams answered HTTP ${status}${detail}. The workflow behind teams-webhook-url was deleted or turned off; recreate it and update the secret.`;
  if (status === 401 || status === 403)
    return `Teams answered HTTP ${status}${detail}. The webhook URL is no longer authorised (its signature was regenerated or the flow's owner left); copy the current URL from the workflow.`;
  if (status === 400 || status === 413) return `Teams rejected the card (HTTP ${status})${detail}.`;
  return `Teams answered HTTP ${status}${detail}.`;
}

/** Workflows take the Adaptive Card in a message envelope; retired connectors get the MessageCard they render best. */
export function requestBody(plan: CardPlan, kind: DeliveryOptions['kind']): object {
  return kind === 'legacy-connector' ? messageCard(plan) : workflowsEnvelope(plan.card);
}

export async function deliverCards(plans: CardPlan[], options: DeliveryOptions): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const sentAt: number[] = options.sentAt ?? [];
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let fatal: string | undefined;
  /** Why no further post may start, if one may not. */
  const stopped = (): DeliveryResult['deferred'] => (options.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
  for (const [index, plan] of plans.entries()) {
    if (fatal) {
      results.push({ plan, delivered: false, error: `not sent: ${fatal}` });
      continue;
    }
    // The pause follows this call's previous post, or (first post) the run's last post to this URL.
    let wait = index > 0 ? options.intervalMs : sentAt.length > 0 ? Math.max(0, sentAt[sentAt.length - 1] + options.intervalMs - now()) : 0;
    if (options.rate && sentAt.length >= options.rate.requests) {
      // The post that would be one too many in the window waits until the oldest one leaves it.
      wait = Math.max(wait, sentAt[sentAt.length - options.rate.requests] + options.rate.windowMs - now());
    }
    // A wait that would end past the deadline is not started: the rest stays owed for the next run.
    const reason = stopped() ?? (wait > 0 && now() + wait >= deadline ? 'deadline' : undefined);
    if (reason) {
      results.push(...plans.slice(index).map(rest => deferredResult(rest, reason)));
      break;
    }
    if (wait > options.intervalMs) options.onPace?.(plan.label, wait);
    if (wait > 0) await sleep(wait, options.signal);
    const late = stopped();
    if (late) {
      results.push(...plans.slice(index).map(rest => deferredResult(rest, late)));
      break;
    }
    sentAt.push(now());
    try {
      const answer = await exchange(
        {
          method: 'POST',
          url: options.url,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(requestBody(plan, options.kind))
        },
        {
          policy: options.policy ?? TEAMS_RETRY_POLICY,
          what: `Posting ${plan.label} to Teams`,
          sleep,
          validate: answer => {
            // The retired connectors answered throttling with HTTP 200 and an error text instead of `1`.
            if (options.kind === 'legacy-connector' && answer.body.trim() !== '1')
              throw new Error(`connector answered "${answer.body.trim().slice(0, 200)}"`);
          },
          onRetry: (reason, delayMs) => options.onRetry?.(plan.label, reason, delayMs),
          maxBodyBytes: MAX_TEAMS_ANSWER_BYTES,
          signal: options.signal
        }
      );
      if (answer.status >= 200 && answer.status < 300) {
        results.push({ plan, delivered: true });
      } else {
        const error = explainStatus(answer.status, answer.body);
        if (FATAL_STATUSES.has(answer.status)) fatal = error;
        results.push({ plan, delivered: false, error });
      }
    } catch (error) {
      if (error instanceof ExchangeCancelled) {
        // Teams may have taken the card; at-least-once: it is posted again by the next run.
        results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
        break;
      }
      results.push({
        plan,
        delivered: false,
        error: redact(error instanceof HttpError ? error.message : String((error as Error)?.message ?? error))
      });
    }
  }
  return results;
}

function deferredResult(plan: CardPlan, reason: NonNullable<DeliveryResult['deferred']>): DeliveryResult {
  const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
  return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
}
