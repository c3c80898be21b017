import { randomBytes } from 'node:crypto';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';
import { applyFault, json, startHttps, type Fault, type RunningServer } from './https.js';

/**
 * Fake Bot Connector (the Teams service a bot posts to proactively), as Microsoft documents it:
 * - Bot Framework REST API reference ("Create Conversation": POST /v3/conversations answers 201 with a
 *   ConversationResourceResponse {id, activityId}; "Update Activity": PUT
 *   /v3/conversations/{conversationId}/activities/{activityId}; "Send to Conversation": POST
 *   /v3/conversations/{conversationId}/activities), learn.microsoft.com/azure/bot-service/rest-api/
 *   bot-framework-rest-connector-api-reference.
 * - Teams "Send proactive messages" and "Create a conversation in a channel": isGroup true and
 *   channelData.channel.id; the new conversation id is `{channel id};messageid={activity id}`, and a
 *   message sent to that conversation id is a reply in the thread, while one sent to the bare channel id
 *   starts a new top-level post.
 * - Teams "Status codes from bot conversational APIs" (msteams-docs, bots/build-conversational-capability):
 *   401 BotNotRegistered, 403 BotDisabledByAdmin / BotNotInConversationRoster / InvalidBotApiHost (GCC
 *   tenants on the public host), 404 ConversationNotFound / ActivityNotFoundInConversation, 412
 *   PreconditionFailed, 413 MessageSizeTooBig, 429 Throttled with Retry-After; errors as
 *   {"error": {"code", "message"}}.
 * - Teams "Optimize your bot with rate limiting": per bot per thread 7 messages / 1 s, 8 / 2 s, 60 / 30 s,
 *   1800 / 3600 s (a thread: a channel conversation).
 * - Teams "Format your bot messages": a message with both text and an attachment is split by Teams into
 *   two messages; here, as seen in the field, it is then answered 202 with no id (no message to edit).
 * The bearer token must be one the fake Entra issued for the Bot Framework audience, and not expired.
 */
export interface BotMessage {
  activityId: string;
  /** The channel it is in (19:…@thread.tacv2). */
  channel: string;
  /** Undefined for a top-level post; the top-level message's activity id for a reply. */
  replyTo?: string;
  activity: Record<string, any>;
  /** The card as last stored (a PUT replaces it). */
  card?: Record<string, any>;
  /** How often it was replaced. */
  edits: number;
  problems: string[];
}

export interface FakeBotConnector extends RunningServer {
  /** serviceUrl as the action must be given it (teams-service-url). */
  serviceUrl: string;
  messages: BotMessage[];
  requests: Array<{ method: string; path: string; status: number }>;
  faults: Fault[];
  /** Channels the app is installed in (the bot is on the roster); others answer 403 BotNotInConversationRoster. */
  installed: Set<string>;
  /** The tenant admin has blocked the app: every post answers 403 BotDisabledByAdmin. */
  disabledByAdmin: boolean;
  /** A GCC tenant asked on this (public) host: 403 InvalidBotApiHost. */
  gccTenant: boolean;
  /** Stores the message, then resets the connection before answering (the answer is lost in transit). */
  resetAfterStore: number;
  /** Top-level posts in a channel, in order. */
  topLevel(channel?: string): BotMessage[];
  replies(activityId: string): BotMessage[];
  /** Throttled answers given (429). */
  throttled: number;
  /** Answers a post with a fault chosen from its card's JSON (e.g. fail one particular alert). */
  faultFor?: (cardJson: string) => Fault | undefined;
}

/** The audience a Bot Connector token must carry (the global cloud's). */
export const BOT_AUDIENCE = 'https://api.botframework.com';

/** Per thread (channel conversation), as Teams documents them: [messages, window ms]. */
const RATE_LIMITS: Array<[number, number]> = [
  [7, 1_000],
  [8, 2_000],
  [60, 30_000],
  [1800, 3_600_000]
];

/** Teams' message size limit (approximately 28 KB, "Format your bot messages"). */
const MAX_MESSAGE_BYTES = 28 * 1024;

function refuse(
  res: import('node:http').ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

export async function startFakeBotConnector(tokens: {
  /** What the fake Entra issued: token → audience and expiry. */
  issued: Map<string, { audience: string; expiresAt: number }>;
}): Promise<FakeBotConnector> {
  const fake = {
    messages: [],
    requests: [],
    faults: [],
    installed: new Set<string>(),
    disabledByAdmin: false,
    gccTenant: false,
    resetAfterStore: 0,
    throttled: 0
  } as unknown as FakeBotConnector;
  const sent = new Map<string, number[]>();
  const withinRate = (channel: string): number | undefined => {
    const now = Date.now();
    const times = (sent.get(channel) ?? []).filter(at => at > now - 3_600_000);
    sent.set(channel, times);
    for (const [count, windowMs] of RATE_LIMITS) {
      const recent = times.filter(at => at > now - windowMs);
      if (recent.length >= count) return Math.ceil((recent[recent.length - count] + windowMs - now) / 1000);
    }
    times.push(now);
    return undefined;
  };
  const server = await startHttps(async (req, res, raw) => {
    const record = (status: number) => fake.requests.push({ method: req.method, path: req.url.pathname, status });
    if (await applyFault(fake.faults.shift(), res, raw)) return record(0);
    const answer = (status: number, code: string, message: string, headers?: Record<string, string>) => {
      record(status);
      refuse(res, status, code, message, headers);
    };
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = bearer ? tokens.issued.get(bearer) : undefined;
    // The Bot Connector accepts only tokens for its own audience, within their lifetime.
    if (!token || token.audience !== BOT_AUDIENCE || token.expiresAt < Date.now())
      return answer(401, 'Unauthorized', 'Authorization has been denied for this request.');
    if (fake.gccTenant)
      return answer(
        403,
        'InvalidBotApiHost',
        'Invalid bot api host. For GCC tenants, please call https://smba.infra.gcc.teams.microsoft.com.'
      );
    if (fake.disabledByAdmin) return answer(403, 'BotDisabledByAdmin', 'The tenant admin disabled this bot');
    const parts = req.url.pathname
      .replace(/^\/teams/, '')
      .split('/')
      .map(decodeURIComponent);
    let body: any;
    try {
      body = req.body ? JSON.parse(req.body) : undefined;
    } catch {
      return answer(400, 'BadSyntax', 'The request body is not valid JSON.');
    }
    if (Buffer.byteLength(req.body) > MAX_MESSAGE_BYTES) return answer(413, 'MessageSizeTooBig', 'Message size too large.');
    const activity = req.method === 'POST' && parts.length === 3 ? body?.activity : body;
    const attachments: any[] = Array.isArray(activity?.attachments) ? activity.attachments : [];
    const card = attachments.find(a => a?.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    if (card && (await applyFault(fake.faultFor?.(JSON.stringify(card)), res, raw))) return record(0);
    const store = (channel: string, replyTo?: string): BotMessage => {
      const message: BotMessage = {
        activityId: `${Date.now()}${randomBytes(2).readUInt16BE()}`,
        channel,
        replyTo,
        activity,
        card,
        edits: 0,
        problems: card ? adaptiveCardProblems(card) : []
      };
      fake.messages.push(message);
      return message;
    };
    const lostInTransit = () => {
      if (fake.resetAfterStore <= 0) return false;
      fake.resetAfterStore--;
      record(0);
      raw.socket.destroy();
      return true;
    };
    // POST /v3/conversations: a new top-level post in a channel.
    if (req.method === 'POST' && parts.length === 3 && parts[1] === 'v3' && parts[2] === 'conversations') {
      const channel = body?.channelData?.channel?.id;
      if (body?.isGroup !== true || typeof channel !== 'string')
        return answer(400, 'BadArgument', 'isGroup and channelData.channel.id are required.');
      if (!fake.installed.has(channel)) return answer(403, 'BotNotInConversationRoster', "The bot isn't part of the conversation roster.");
      const retry = withinRate(channel);
      if (retry !== undefined) {
        fake.throttled++;
        return answer(429, 'Throttled', 'Too many requests.', { 'retry-after': String(retry) });
      }
      const message = store(channel);
      if (lostInTransit()) return;
      // Text beside a card: Teams splits them into two messages and gives no id to edit.
      if (activity?.text && card) {
        record(202);
        res.writeHead(202).end();
        return;
      }
      record(201);
      return json(res, 201, { id: `${channel};messageid=${message.activityId}`, activityId: message.activityId });
    }
    // /v3/conversations/{conversation}/activities[/{activityId}]
    if (parts[1] === 'v3' && parts[2] === 'conversations' && parts[4] === 'activities') {
      const [channel, thread] = parts[3].split(';messageid=');
      if (!fake.installed.has(channel)) return answer(403, 'BotNotInConversationRoster', "The bot isn't part of the conversation roster.");
      const retry = withinRate(channel);
      if (retry !== undefined) {
        fake.throttled++;
        return answer(429, 'Throttled', 'Too many requests.', { 'retry-after': String(retry) });
      }
      if (req.method === 'PUT' && parts.length === 6) {
        const original = fake.messages.find(m => m.activityId === parts[5] && m.channel === channel);
        if (!original) return answer(404, 'ActivityNotFoundInConversation', 'Conversation not found.');
        original.activity = activity;
        original.card = card;
        original.edits++;
        original.problems = card ? adaptiveCardProblems(card) : [];
        record(200);
        return json(res, 200, { id: original.activityId });
      }
      if (req.method === 'POST' && parts.length === 5) {
        if (thread !== undefined && !fake.messages.some(m => m.activityId === thread && m.channel === channel && !m.replyTo))
          return answer(404, 'ConversationNotFound', 'Conversation not found.');
        // A message to the bare channel id is a new top-level post, not a reply.
        const message = store(channel, thread);
        if (lostInTransit()) return;
        record(201);
        return json(res, 201, { id: message.activityId });
      }
    }
    answer(404, 'NotFound', 'Not found.');
  });
  fake.serviceUrl = `${server.url}/teams/`;
  fake.topLevel = (channel?: string) => fake.messages.filter(m => !m.replyTo && (channel === undefined || m.channel === channel));
  fake.replies = (activityId: string) => fake.messages.filter(m => m.replyTo === activityId);
  return Object.assign(fake, server);
}
