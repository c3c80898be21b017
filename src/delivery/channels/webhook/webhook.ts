import { exchange, ExchangeCancelled, realSleep, type RetryPolicy } from '../../../runtime/http.js';
import { failureText, type Channel, type DeliveryResult, type PostContext } from '../channel.js';
import { postPaced, type Sent } from '../pace.js';
import type { WebhookKind } from '../../../inputs/inputs.js';
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

export type { DeliveryResult, PostContext } from '../channel.js';
/** At most `requests` posts in any `windowMs` (Workflows throttle at about 25 requests per 5 minutes). */
export type { PostRate } from '../../../inputs/inputs.js';

/** A webhook channel's URL and kind, with the run's pacing: what deliverCards takes. */
export interface DeliveryOptions extends PostContext {
  url: string;
  kind: WebhookKind;
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
export function requestBody(plan: CardPlan, kind: WebhookKind): object {
  return kind === 'legacy-connector' ? messageCard(plan) : workflowsEnvelope(plan.card);
}

/** One card to a webhook: the answer, judged as Teams gives it. */
async function postOne(plan: CardPlan, url: string, kind: WebhookKind, context: PostContext): Promise<Sent> {
  try {
    const answer = await exchange(
      { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(requestBody(plan, kind)) },
      {
        policy: context.policy ?? TEAMS_RETRY_POLICY,
        what: `Posting ${plan.label} to Teams`,
        sleep: context.sleep ?? realSleep,
        validate: answer => {
          // The retired connectors answered throttling with HTTP 200 and an error text instead of `1`.
          if (kind === 'legacy-connector' && answer.body.trim() !== '1')
            throw new Error(`connector answered "${answer.body.trim().slice(0, 200)}"`);
        },
        onRetry: (reason, delayMs) => context.onRetry?.(plan.label, reason, delayMs),
        maxBodyBytes: MAX_TEAMS_ANSWER_BYTES,
        signal: context.signal
      }
    );
    if (answer.status >= 200 && answer.status < 300) return { result: { plan, delivered: true } };
    const error = explainStatus(answer.status, answer.body);
    return { result: { plan, delivered: false, error }, fatal: FATAL_STATUSES.has(answer.status) ? error : undefined };
  } catch (error) {
    if (error instanceof ExchangeCancelled) throw error;
    return {
      result: {
        plan,
        delivered: false,
        error: failureText(error)
      }
    };
  }
}

/**
 * A Teams webhook as a channel: a Workflows trigger ("When a Teams webhook request is received"), or a
 * retired Office 365 connector (allow-legacy-connector). Neither returns a message id, so neither can
 * update a card or reply in its thread.
 */
export function webhookChannel(url: string, kind: WebhookKind): Channel {
  return {
    kind,
    accepted:
      kind === 'legacy-connector'
        ? 'HTTP 200 with the body 1: the connector posted the card'
        : 'HTTP 202: the flow was queued; it posts the card afterwards and reports no failure back',
    post: (plans, context) => postPaced(plans, context, plan => postOne(plan, url, kind, context))
  };
}

export async function deliverCards(plans: CardPlan[], options: DeliveryOptions): Promise<DeliveryResult[]> {
  return webhookChannel(options.url, options.kind).post(plans, options);
}
