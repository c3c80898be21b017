export const id = 891;
export const ids = [891];
export const modules = {

/***/ 1891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addressOf: () => (/* binding */ addressOf),
  channelFor: () => (/* binding */ channelFor),
  logRetry: () => (/* binding */ logRetry),
  refInChannel: () => (/* reexport */ refInChannel),
  retryPolicyFor: () => (/* binding */ retryPolicyFor)
});

// EXTERNAL MODULE: ./src/runtime/log.ts
var log = __webpack_require__(390);
// EXTERNAL MODULE: ./src/runtime/http.ts + 1 modules
var http = __webpack_require__(4137);
// EXTERNAL MODULE: ./src/runtime/secrets.ts
var secrets = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/delivery/cards/alert-card.ts
var alert_card = __webpack_require__(1309);
;// CONCATENATED MODULE: ./src/delivery/channels/channel.ts


function deferredResult(plan, reason) {
    const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
    return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
}
/** Why an exchange failed, for a DeliveryResult: the HTTP client's message, redacted (it may echo a URL or token). */
function failureText(error) {
    return (0,secrets/* redact */.E$)(error instanceof http/* HttpError */.j$ ? error.message : String(error?.message ?? error));
}

;// CONCATENATED MODULE: ./src/delivery/channels/pace.ts


/**
 * Sends cards one after another to one channel, for any kind of channel: a pause of intervalMs between
 * posts, at most `rate` posts in any window (counting this run's earlier posts to the channel), no post
 * started at or after the deadline or after a cancellation (the rest is deferred: still owed, not failed),
 * and nothing more after a fatal answer.
 */
async function postPaced(plans, context, send) {
    const results = [];
    const sleep = context.sleep ?? http/* realSleep */.uk;
    const now = context.now ?? Date.now;
    const sentAt = context.sentAt ?? [];
    const deadline = context.deadline ?? Number.POSITIVE_INFINITY;
    let fatal;
    /** Why no further post may start, if one may not. */
    const stopped = () => (context.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
    for (const [index, plan] of plans.entries()) {
        if (fatal) {
            results.push({ plan, delivered: false, error: `not sent: ${fatal}` });
            continue;
        }
        // The pause follows this call's previous post, or (first post) the run's last post to this channel.
        let wait = index > 0 ? context.intervalMs : sentAt.length > 0 ? Math.max(0, sentAt[sentAt.length - 1] + context.intervalMs - now()) : 0;
        for (const rate of [...(context.rate ? [context.rate] : []), ...(context.rates ?? [])]) {
            // The post that would be one too many in the window waits until the oldest one leaves it.
            if (sentAt.length >= rate.requests)
                wait = Math.max(wait, sentAt[sentAt.length - rate.requests] + rate.windowMs - now());
        }
        // A wait that would end past the deadline is not started: the rest stays owed for the next run.
        const reason = stopped() ?? (wait > 0 && now() + wait >= deadline ? 'deadline' : undefined);
        if (reason) {
            results.push(...plans.slice(index).map(rest => deferredResult(rest, reason)));
            break;
        }
        if (wait > context.intervalMs)
            context.onPace?.(plan.label, wait);
        if (wait > 0)
            await sleep(wait, context.signal);
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
        }
        catch (error) {
            if (!(error instanceof http/* ExchangeCancelled */.dH))
                throw error;
            // The channel may have taken the card; at-least-once: it is posted again by the next run.
            results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
            break;
        }
    }
    return results;
}

;// CONCATENATED MODULE: ./src/delivery/channels/bot/bot.ts





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
const BOT_RATES = [
    { requests: 7, windowMs: 1_000 + ARRIVAL_MARGIN_MS },
    { requests: 8, windowMs: 2_000 + ARRIVAL_MARGIN_MS },
    { requests: 60, windowMs: 30_000 + ARRIVAL_MARGIN_MS },
    { requests: 1800, windowMs: 3_600_000 + ARRIVAL_MARGIN_MS }
];
/** Retried as Teams' status code guidance says: 412, 429 (Retry-After), 502, 503, 504; and 500 as Graph's. */
const BOT_RETRY_POLICY = {
    maxAttempts: 5,
    maxTotalMs: 90_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    retryStatuses: [408, 412, 429, 500, 502, 503, 504]
};
const MAX_ANSWER_BYTES = 256 * 1024;
/** The remedy for each documented error code; every one leaves the notices owed. */
function explainBotError(status, body, target) {
    let code = '';
    let message = '';
    try {
        const data = JSON.parse(body);
        code = typeof data.error?.code === 'string' ? data.error.code : '';
        message = typeof data.error?.message === 'string' ? data.error.message : '';
    }
    catch {
        // Not the Bot Connector's error shape: the status says enough.
    }
    const said = `Teams answered HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${(0,secrets/* redact */.E$)(message).slice(0, 200)}` : ''}`;
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
async function call(target, method, path, body, label, context) {
    const token = await target.getToken();
    const answer = await (0,http/* exchange */.cv)({
        method,
        url: `${target.serviceUrl}${path}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body)
    }, {
        policy: context.policy ?? BOT_RETRY_POLICY,
        what: `Posting ${label} to Teams (bot)`,
        sleep: context.sleep ?? http/* realSleep */.uk,
        onRetry: (reason, delayMs) => context.onRetry?.(label, reason, delayMs),
        maxBodyBytes: MAX_ANSWER_BYTES,
        signal: context.signal
    });
    return { status: answer.status, body: answer.body };
}
const cardMessage = (card) => ({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }]
});
/** The ids in a 2xx answer, if it has them. */
function idsOf(body) {
    try {
        const data = JSON.parse(body);
        return {
            id: typeof data.id === 'string' ? data.id : undefined,
            activityId: typeof data.activityId === 'string' ? data.activityId : undefined
        };
    }
    catch {
        return {};
    }
}
/** A new top-level post: delivered only with its ids. */
async function create(target, plan, context) {
    const answer = await call(target, 'POST', 'v3/conversations', { isGroup: true, channelData: { channel: { id: target.channelId } }, activity: cardMessage(plan.card) }, plan.label, context);
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
const notFound = (answer) => answer.status === 404;
/** The thread of a posted card (its conversation), where a reply goes: `…/activities`. */
const threadPath = (ref) => `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`;
/** Replaces a posted card with `card` (PUT …/activities/{id}). */
function putCard(target, ref, card, label, context) {
    return call(target, 'PUT', `${threadPath(ref)}/${encodeURIComponent(ref.activityId)}`, { ...cardMessage(card), id: ref.activityId }, `${label} (edit)`, context);
}
/**
 * A stored message that may be edited in this channel: in the channel's own conversation, with a plain id.
 * A message in another channel (the route now names another) or a planted one is not used.
 */
function refInChannel(ref, channelId) {
    return Boolean(ref && ref.conversationId.startsWith(`${channelId};messageid=`) && /^[A-Za-z0-9_-]{1,100}$/.test(ref.activityId));
}
/**
 * A follow-up to a card the channel has: the original edited to the alert's current state, a reply in
 * its thread, or both (on-change). An original Teams no longer has (404) gets a new card instead.
 */
async function followUp(target, plan, ref, context) {
    const notice = plan.notices[0];
    // The token goes only to the configured service (target): a stored service URL is never called.
    let edited = false;
    if (target.onChange !== 'reply') {
        // An incident card already shows the incident's current state and what changed.
        const put = await putCard(target, ref, notice.incident ? plan.card : (0,alert_card/* currentStateCard */.de)(notice, plan.portalHosts), plan.label, context);
        if (notFound(put))
            return create(target, plan, context);
        if (put.status < 200 || put.status >= 300) {
            const { error, fatal } = explainBotError(put.status, put.body, target);
            return { result: { plan, delivered: false, error }, fatal: fatal ? error : undefined };
        }
        edited = true;
    }
    if (target.onChange !== 'update') {
        const reply = await call(target, 'POST', threadPath(ref), cardMessage(plan.card), `${plan.label} (reply)`, context);
        if (notFound(reply) && !edited)
            return create(target, plan, context);
        const { id } = idsOf(reply.body);
        if (reply.status < 200 || reply.status >= 300 || !id) {
            const { error, fatal } = reply.status >= 300 || reply.status < 200
                ? explainBotError(reply.status, reply.body, target)
                : { error: 'Teams gave the reply no id; it stays owed.', fatal: false };
            return { result: { plan, delivered: false, edited, error }, fatal: fatal ? error : undefined };
        }
    }
    return { result: { plan, delivered: true, edited, message: ref } };
}
/** The card a plan's single notice had in this channel, when the plan is a follow-up about it. */
function originalOf(plan, target) {
    const followUp = plan.kind === 'follow-up' || (plan.kind === 'incident' && plan.notices[0]?.kind !== 'new');
    if (!followUp || plan.notices.length !== 1)
        return undefined;
    const ref = plan.notices[0].messages?.[target.name];
    return refInChannel(ref, target.channelId) ? ref : undefined;
}
function botChannel(target) {
    const send = async (plan, context) => {
        try {
            const ref = originalOf(plan, target);
            return ref ? await followUp(target, plan, ref, context) : await create(target, plan, context);
        }
        catch (error) {
            if (error instanceof http/* ExchangeCancelled */.dH)
                throw error;
            return { result: { plan, delivered: false, error: failureText(error) } };
        }
    };
    return {
        kind: 'bot',
        accepted: 'HTTP 201 with the message id: the card is in the channel (an edit: HTTP 200)',
        post: (plans, context) => postPaced(plans, { ...context, rates: [...(context.rates ?? []), ...BOT_RATES] }, plan => send(plan, context)),
        // Replaces a posted card with the plan's card (the open-alerts board).
        update: async (ref, plan, context) => {
            try {
                const put = await putCard(target, ref, plan.card, plan.label, context);
                if (put.status >= 200 && put.status < 300)
                    return { plan, delivered: true, edited: true, message: ref };
                return { plan, delivered: false, missing: notFound(put), error: explainBotError(put.status, put.body, target).error };
            }
            catch (error) {
                if (error instanceof http/* ExchangeCancelled */.dH)
                    throw error;
                return { plan, delivered: false, error: failureText(error) };
            }
        },
        reply: async (ref, plan, context) => (await followUp({ ...target, onChange: 'reply' }, plan, ref, context)).result
    };
}

// EXTERNAL MODULE: ./src/delivery/cards/cards.ts + 2 modules
var cards = __webpack_require__(4470);
// EXTERNAL MODULE: ./src/delivery/cards/renderers.ts + 2 modules
var renderers = __webpack_require__(6351);
;// CONCATENATED MODULE: ./src/delivery/channels/webhook/webhook.ts






/**
 * Posts cards to a Teams webhook, one after another, paced, each retried on 429/5xx/resets/time-outs.
 * A card counts as delivered only on a success answer: 202 from Workflows (queued), or 200 with body
 * `1` from a legacy connector (which answers 200 with an error text when it throttles).
 */
const TEAMS_RETRY_POLICY = {
    maxAttempts: 4,
    maxTotalMs: 60_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    retryStatuses: [408, 429, 500, 502, 503, 504]
};
/** Teams answers are short; anything longer is not an answer from Teams. */
const MAX_TEAMS_ANSWER_BYTES = 256 * 1024;
/** Answers that mean every further post to this URL will fail too. */
const FATAL_STATUSES = new Set([401, 403, 404, 410]);
function explainStatus(status, body) {
    // The answer may echo the webhook URL or its signature: never let it through.
    const detail = body.trim() ? `: ${(0,secrets/* redact */.E$)(body.trim().slice(0, 2000)).slice(0, 300)}` : '';
    if (status === 404 || status === 410)
        return `Teams answered HTTP ${status}${detail}. The workflow behind teams-webhook-url was deleted or turned off; recreate it and update the secret.`;
    if (status === 401 || status === 403)
        return `Teams answered HTTP ${status}${detail}. The webhook URL is no longer authorised (its signature was regenerated or the flow's owner left); copy the current URL from the workflow.`;
    if (status === 400 || status === 413)
        return `Teams rejected the card (HTTP ${status})${detail}.`;
    return `Teams answered HTTP ${status}${detail}.`;
}
/** Workflows take the Adaptive Card in a message envelope; retired connectors get the MessageCard they render best. */
function requestBody(plan, kind) {
    return kind === 'legacy-connector' ? (0,renderers/* messageCard */.W)(plan) : (0,cards.workflowsEnvelope)(plan.card);
}
/** One card to a webhook: the answer, judged as Teams gives it. */
async function postOne(plan, url, kind, context) {
    try {
        const answer = await (0,http/* exchange */.cv)({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(requestBody(plan, kind)) }, {
            policy: context.policy ?? TEAMS_RETRY_POLICY,
            what: `Posting ${plan.label} to Teams`,
            sleep: context.sleep ?? http/* realSleep */.uk,
            validate: answer => {
                // The retired connectors answered throttling with HTTP 200 and an error text instead of `1`.
                if (kind === 'legacy-connector' && answer.body.trim() !== '1')
                    throw new Error(`connector answered "${answer.body.trim().slice(0, 200)}"`);
            },
            onRetry: (reason, delayMs) => context.onRetry?.(plan.label, reason, delayMs),
            maxBodyBytes: MAX_TEAMS_ANSWER_BYTES,
            signal: context.signal
        });
        if (answer.status >= 200 && answer.status < 300)
            return { result: { plan, delivered: true } };
        const error = explainStatus(answer.status, answer.body);
        return { result: { plan, delivered: false, error }, fatal: FATAL_STATUSES.has(answer.status) ? error : undefined };
    }
    catch (error) {
        if (error instanceof http/* ExchangeCancelled */.dH)
            throw error;
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
function webhookChannel(url, kind) {
    return {
        kind,
        accepted: kind === 'legacy-connector'
            ? 'HTTP 200 with the body 1: the connector posted the card'
            : 'HTTP 202: the flow was queued; it posts the card afterwards and reports no failure back',
        post: (plans, context) => postPaced(plans, context, plan => postOne(plan, url, kind, context))
    };
}
async function deliverCards(plans, options) {
    return webhookChannel(options.url, options.kind).post(plans, options);
}

;// CONCATENATED MODULE: ./src/delivery/channels/index.ts



/** The address a destination is delivered to (a webhook URL, or a channel id), if it has one. */
function addressOf(destination) {
    return destination.kind === 'bot' ? destination.channelId : destination.url;
}
function channelFor(destination, needs = {}) {
    switch (destination.kind) {
        case 'workflows':
        case 'legacy-connector':
            return webhookChannel(destination.url, destination.kind);
        case 'bot':
            return botChannel({
                serviceUrl: needs.bot.settings.serviceUrl,
                channelId: destination.channelId,
                name: destination.name,
                onChange: needs.bot.settings.onChange,
                getToken: needs.bot.getToken
            });
    }
}

/** The run's retry policy for Teams (the bot's or the webhooks'), each attempt within request-timeout. */
function retryPolicyFor(settings) {
    return { ...(settings.teamsDelivery === 'bot' ? BOT_RETRY_POLICY : TEAMS_RETRY_POLICY), timeoutMs: settings.requestTimeoutMs };
}
/** How every retried Teams post is logged (cards, boards, digests, test cards alike). */
function logRetry(label, reason, delayMs) {
    log/* info */.pq(`Teams: ${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`);
}


/***/ })

};

//# sourceMappingURL=891.index.js.map