export const id = 138;
export const ids = [138,757];
export const modules = {

/***/ 138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TEAMS_RETRY_POLICY: () => (/* binding */ TEAMS_RETRY_POLICY),
/* harmony export */   deliverCards: () => (/* binding */ deliverCards),
/* harmony export */   requestBody: () => (/* binding */ requestBody)
/* harmony export */ });
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4137);
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4205);
/* harmony import */ var _cards_cards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4470);
/* harmony import */ var _cards_renderers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6351);




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
    const detail = body.trim() ? `: ${(0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(body.trim().slice(0, 2000)).slice(0, 300)}` : '';
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
    return kind === 'legacy-connector' ? (0,_cards_renderers_js__WEBPACK_IMPORTED_MODULE_3__/* .messageCard */ .W)(plan) : (0,_cards_cards_js__WEBPACK_IMPORTED_MODULE_2__.workflowsEnvelope)(plan.card);
}
async function deliverCards(plans, options) {
    const results = [];
    const sleep = options.sleep ?? _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .uk;
    const now = options.now ?? Date.now;
    const sentAt = options.sentAt ?? [];
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    let fatal;
    /** Why no further post may start, if one may not. */
    const stopped = () => (options.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
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
        if (wait > options.intervalMs)
            options.onPace?.(plan.label, wait);
        if (wait > 0)
            await sleep(wait, options.signal);
        const late = stopped();
        if (late) {
            results.push(...plans.slice(index).map(rest => deferredResult(rest, late)));
            break;
        }
        sentAt.push(now());
        try {
            const answer = await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .exchange */ .cv)({
                method: 'POST',
                url: options.url,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(requestBody(plan, options.kind))
            }, {
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
            });
            if (answer.status >= 200 && answer.status < 300) {
                results.push({ plan, delivered: true });
            }
            else {
                const error = explainStatus(answer.status, answer.body);
                if (FATAL_STATUSES.has(answer.status))
                    fatal = error;
                results.push({ plan, delivered: false, error });
            }
        }
        catch (error) {
            if (error instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .ExchangeCancelled */ .dH) {
                // Teams may have taken the card; at-least-once: it is posted again by the next run.
                results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
                break;
            }
            results.push({
                plan,
                delivered: false,
                error: (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ ? error.message : String(error?.message ?? error))
            });
        }
    }
    return results;
}
function deferredResult(plan, reason) {
    const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
    return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
}


/***/ })

};

//# sourceMappingURL=138.index.js.map