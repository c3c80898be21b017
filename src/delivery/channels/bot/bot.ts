import type { OnChange } from '../../../inputs/bot-settings.js';
import type { PostRate } from '../../../inputs/inputs.js';
import type { MessageRef } from '../../../model/notice.js';
import { exchange, ExchangeCancelled, realSleep, type RetryPolicy } from '../../../runtime/http.js';
import { redact } from '../../../runtime/secrets.js';
import { currentStateCard } from '../../cards/alert-card.js';
import type { AdaptiveCard, CardPlan } from '../../cards/types.js';
import { failureText, type Channel, type DeliveryResult, type PostContext } from '../channel.js';
import { postPaced, type Sent } from '../pace.js';

/**
 * A Teams channel reached through a bot (teams-delivery: bot), with the Bot Connector REST API: no SDK and
 * no public endpoint, only proactive messages. A new card is a new conversation in the channel (POST
 * /v3/conversations with isGroup and channelData.channel.id), answered 201 with its ids; a follow-up
 * edits that card in place (PUT …/activities/{activityId}) and/or replies in its thread (POST to the
 * conversation `{channel};messageid={activityId}`). A card counts as delivered only on a 2xx that carries
 * an id: the message exists and can be edited. The card is the only attachment and there is never a
 * `text` beside it (Teams splits those into two messages and returns no id).
 * Sources: Bot Framework REST API reference (Create Conversation, Update Activity, Send to
 * Conversation); Teams "Send proactive messages", "Status codes from bot conversational APIs" and
 * "Optimize your bot with rate limiting".
 */

/**
 * Teams' limits per bot and thread (a channel conversation): 7 per second, 8 per 2 s, 60 per 30 s, 1800
 * per hour ("Optimize your bot with rate limiting"). Each window is kept a little longer than Teams' own:
 * Teams counts a message when it arrives, the action when it sends it.
 */
const ARRIVAL_MARGIN_MS = 100;
export const BOT_RATES: PostRate[] = [
  { requests: 7, windowMs: 1_000 + ARRIVAL_MARGIN_MS },
  { requests: 8, windowMs: 2_000 + ARRIVAL_MARGIN_MS },
  { requests: 60, windowMs: 30_000 + ARRIVAL_MARGIN_MS },
  { requests: 1800, windowMs: 3_600_000 + ARRIVAL_MARGIN_MS }
];

/** Retried as Teams' status code guidance says: 412, 429 (Retry-After), 502, 503, 504; and 500 as Graph's. */
export const BOT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxTotalMs: 90_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
  retryStatuses: [408, 412, 429, 500, 502, 503, 504]
};

const MAX_ANSWER_BYTES = 256 * 1024;

export interface BotTarget {
  serviceUrl: string;
  /** The channel id (19:…@thread.tacv2). */
  channelId: string;
  /** The destination's name (route name or `default`): what the channel is called in logs and errors. */
  name: string;
  onChange: OnChange;
  getToken: () => Promise<string>;
}

/** The remedy for each documented error code; every one leaves the notices owed. */
export function explainBotError(status: number, body: string, target: Pick<BotTarget, 'name'>): { error: string; fatal: boolean } {
  let code = '';
  let message = '';
  try {
    const data = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    code = typeof data.error?.code === 'string' ? data.error.code : '';
    message = typeof data.error?.message === 'string' ? data.error.message : '';
  } catch {
    // Not the Bot Connector's error shape: the status says enough.
  }
  const said = `Teams answered HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${redact(message).slice(0, 200)}` : ''}`;
  const channel = `channel '${target.name}'`;
  if (status === 401)
    return {
      error: `${said}. The Bot Connector did not accept the bot's token: check teams-bot-app-id and its credential, that the bot is registered for Teams (Teams Developer Portal or an Azure Bot with the Teams channel), and that a single-tenant bot belongs to tenant-id.`,
      fatal: true
    };
  if (code === 'BotNotInConversationRoster')
    return {
      error: `${said}. The Teams app of this bot is not installed in the team of ${channel}: install it in that team (README: set-up for teams-delivery: bot). The notices stay owed and are posted once it is.`,
      fatal: true
    };
  if (code === 'BotDisabledByAdmin')
    return {
      error: `${said}. The tenant's Teams admin blocked this app: allow it in the Teams admin center (Manage apps, app permission policies).`,
      fatal: true
    };
  if (code === 'InvalidBotApiHost')
    return {
      error: `${said}. The tenant is in GCC: set cloud: gcc (the bot host https://smba.infra.gcc.teams.microsoft.com/teams/).`,
      fatal: true
    };
  if (code === 'ConversationBlockedByUser' || code === 'NotEnoughPermissions')
    return { error: `${said}. The bot may not post in ${channel} (moderation or permissions): check the channel's settings.`, fatal: true };
  if (status === 404)
    return {
      error: `${said}. Teams does not know ${channel}: copy its link again (Get link to channel) into teams-channel or the route's channel.`,
      fatal: true
    };
  if (code === 'MessageSizeTooBig' || status === 413)
    return {
      error: `${said}. The card is larger than Teams accepts; it stays owed. Cards are kept under 26 KB, so please report this.`,
      fatal: false
    };
  return { error: `${said}.`, fatal: false };
}

interface Answered {
  status: number;
  body: string;
}

async function call(
  target: BotTarget,
  method: 'POST' | 'PUT',
  path: string,
  body: object,
  label: string,
  context: PostContext
): Promise<Answered> {
  const token = await target.getToken();
  const answer = await exchange(
    {
      method,
      url: `${target.serviceUrl}${path}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    },
    {
      policy: context.policy ?? BOT_RETRY_POLICY,
      what: `Posting ${label} to Teams (bot)`,
      sleep: context.sleep ?? realSleep,
      onRetry: (reason, delayMs) => context.onRetry?.(label, reason, delayMs),
      maxBodyBytes: MAX_ANSWER_BYTES,
      signal: context.signal
    }
  );
  return { status: answer.status, body: answer.body };
}

const cardMessage = (card: AdaptiveCard) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }]
});

/** The ids in a 2xx answer, if it has them. */
function idsOf(body: string): { id?: string; activityId?: string } {
  try {
    const data = JSON.parse(body) as Record<string, unknown>;
    return {
      id: typeof data.id === 'string' ? data.id : undefined,
      activityId: typeof data.activityId === 'string' ? data.activityId : undefined
    };
  } catch {
    return {};
  }
}

/** A new top-level post: delivered only with its ids. */
async function create(target: BotTarget, plan: CardPlan, context: PostContext): Promise<Sent> {
  const answer = await call(
    target,
    'POST',
    'v3/conversations',
    { isGroup: true, channelData: { channel: { id: target.channelId } }, activity: cardMessage(plan.card) },
    plan.label,
    context
  );
  if (answer.status < 200 || answer.status >= 300) {
    const { error, fatal } = explainBotError(answer.status, answer.body, target);
    return { result: { plan, delivered: false, error }, fatal: fatal ? error : undefined };
  }
  const { id, activityId } = idsOf(answer.body);
  if (!id || !activityId)
    return {
      result: {
        plan,
        delivered: false,
        error: `Teams answered HTTP ${answer.status} without a message id: the card cannot be confirmed; it stays owed.`
      }
    };
  return { result: { plan, delivered: true, message: { serviceUrl: target.serviceUrl, conversationId: id, activityId } } };
}

const notFound = (answer: Answered) => answer.status === 404;

/** The thread of a posted card (its conversation), where a reply goes: `…/activities`. */
const threadPath = (ref: MessageRef) => `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`;

/** Replaces a posted card with `card` (PUT …/activities/{id}). */
function putCard(target: BotTarget, ref: MessageRef, card: AdaptiveCard, label: string, context: PostContext): Promise<Answered> {
  return call(
    target,
    'PUT',
    `${threadPath(ref)}/${encodeURIComponent(ref.activityId)}`,
    { ...cardMessage(card), id: ref.activityId },
    `${label} (edit)`,
    context
  );
}

/**
 * A stored message that may be edited in this channel: in the channel's own conversation, with a plain id.
 * A message in another channel (the route now names another) or a planted one is not used.
 */
export function refInChannel(ref: MessageRef | undefined, channelId: string | undefined): ref is MessageRef {
  return Boolean(ref && ref.conversationId.startsWith(`${channelId};messageid=`) && /^[A-Za-z0-9_-]{1,100}$/.test(ref.activityId));
}

/**
 * A follow-up to a card the channel has: the original edited to the alert's current state, a reply in
 * its thread, or both (on-change). An original Teams no longer has (404) gets a new card instead.
 */
async function followUp(target: BotTarget, plan: CardPlan, ref: MessageRef, context: PostContext): Promise<Sent> {
  const notice = plan.notices[0];
  // The token goes only to the configured service (target): a stored service URL is never called.
  let edited = false;
  if (target.onChange !== 'reply') {
    // An incident card already shows the incident's current state and what changed.
    const put = await putCard(target, ref, notice.incident ? plan.card : currentStateCard(notice, plan.portalHosts), plan.label, context);
    if (notFound(put)) return create(target, plan, context);
    if (put.status < 200 || put.status >= 300) {
      const { error, fatal } = explainBotError(put.status, put.body, target);
      return { result: { plan, delivered: false, error }, fatal: fatal ? error : undefined };
    }
    edited = true;
  }
  if (target.onChange !== 'update') {
    const reply = await call(target, 'POST', threadPath(ref), cardMessage(plan.card), `${plan.label} (reply)`, context);
    if (notFound(reply) && !edited) return create(target, plan, context);
    const { id } = idsOf(reply.body);
    if (reply.status < 200 || reply.status >= 300 || !id) {
      const { error, fatal } =
        reply.status >= 300 || reply.status < 200
          ? explainBotError(reply.status, reply.body, target)
          : { error: 'Teams gave the reply no id; it stays owed.', fatal: false };
      return { result: { plan, delivered: false, edited, error }, fatal: fatal ? error : undefined };
    }
  }
  return { result: { plan, delivered: true, edited, message: ref } };
}

/** The card a plan's single notice had in this channel, when the plan is a follow-up about it. */
function originalOf(plan: CardPlan, target: Pick<BotTarget, 'name' | 'channelId'>): MessageRef | undefined {
  const followUp = plan.kind === 'follow-up' || (plan.kind === 'incident' && plan.notices[0]?.kind !== 'new');
  if (!followUp || plan.notices.length !== 1) return undefined;
  const ref = plan.notices[0].messages?.[target.name];
  return refInChannel(ref, target.channelId) ? ref : undefined;
}

export function botChannel(target: BotTarget): Channel {
  const send = async (plan: CardPlan, context: PostContext): Promise<Sent> => {
    try {
      const ref = originalOf(plan, target);
      return ref ? await followUp(target, plan, ref, context) : await create(target, plan, context);
    } catch (error) {
      if (error instanceof ExchangeCancelled) throw error;
      return { result: { plan, delivered: false, error: failureText(error) } };
    }
  };
  return {
    kind: 'bot',
    accepted: 'HTTP 201 with the message id: the card is in the channel (an edit: HTTP 200)',
    post: (plans, context) =>
      postPaced(plans, { ...context, rates: [...(context.rates ?? []), ...BOT_RATES] }, plan => send(plan, context)),
    // Replaces a posted card with the plan's card (the open-alerts board).
    update: async (ref, plan, context) => {
      try {
        const put = await putCard(target, ref, plan.card, plan.label, context);
        if (put.status >= 200 && put.status < 300) return { plan, delivered: true, edited: true, message: ref };
        return { plan, delivered: false, missing: notFound(put), error: explainBotError(put.status, put.body, target).error };
      } catch (error) {
        if (error instanceof ExchangeCancelled) throw error;
        return { plan, delivered: false, error: failureText(error) };
      }
    },
    reply: async (ref, plan, context) => (await followUp({ ...target, onChange: 'reply' }, plan, ref, context)).result
  };
}

export type { DeliveryResult };
