export const id = 565;
export const ids = [565,946];
export const modules = {

/***/ 565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TEAMS_RETRY_POLICY: () => (/* reexport */ TEAMS_RETRY_POLICY),
  channelFor: () => (/* binding */ channelFor)
});

// EXTERNAL MODULE: ./src/runtime/http.ts + 1 modules
var http = __webpack_require__(4137);
;// CONCATENATED MODULE: ./src/delivery/channels/channel.ts
function deferredResult(plan, reason) {
    const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
    return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
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
        if (context.rate && sentAt.length >= context.rate.requests) {
            // The post that would be one too many in the window waits until the oldest one leaves it.
            wait = Math.max(wait, sentAt[sentAt.length - context.rate.requests] + context.rate.windowMs - now());
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

// EXTERNAL MODULE: ./src/runtime/secrets.ts
var secrets = __webpack_require__(4205);
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
                error: (0,secrets/* redact */.E$)(error instanceof http/* HttpError */.j$ ? error.message : String(error?.message ?? error))
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

/**
 * The channel a destination is delivered through, by its kind. Adding a kind of channel: a folder
 * beside webhook/ implementing Channel (channel.ts), and one line here.
 */
function channelFor(destination) {
    switch (destination.kind) {
        case 'workflows':
        case 'legacy-connector':
            return webhookChannel(destination.url, destination.kind);
    }
}



/***/ })

};

//# sourceMappingURL=565.index.js.map