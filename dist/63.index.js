export const id = 63;
export const ids = [63];
export const modules = {

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cv: () => (/* binding */ exchange),
/* harmony export */   dH: () => (/* binding */ ExchangeCancelled),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BODY_BYTES, parseRetryAfter, backoffDelay */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);


/** Raised when the exchange failed for good; `status` is the last HTTP status if any arrived. */
class HttpError extends Error {
    status;
    body;
    attempts;
    name = 'HttpError';
    constructor(message, status, body, attempts = 1) {
        super(message);
        this.status = status;
        this.body = body;
        this.attempts = attempts;
    }
}
/** Waits `ms`, or less when `signal` aborts (a cancelled run stops waiting at once). */
const realSleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted)
        return resolve();
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
});
/** Answers larger than this are refused: a hostile or broken server must not fill the runner's memory. */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The run was cancelled (SIGINT/SIGTERM) while this exchange was under way; it is not retried. */
class ExchangeCancelled extends Error {
    name = 'ExchangeCancelled';
}
/** Seconds (possibly fractional, as Graph sends `2.128`) or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.ceil(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random = Math.random) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    // "Equal jitter": half fixed, half random, so retries from parallel runs spread out.
    return Math.round(exponential / 2 + (random() * exponential) / 2);
}
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
    'ANSWER_TIMEOUT',
    // A compressed body cut short or garbled in transit: like a reset, worth another attempt.
    'Z_DATA_ERROR',
    'Z_BUF_ERROR'
]);
/** Network failures carry a code, on the error or (wrapped) on its cause. */
function networkCode(error) {
    const own = error?.code;
    if (own)
        return own;
    const cause = error?.cause;
    return cause?.code ?? cause?.cause?.code;
}
function isTransientNetworkError(error) {
    const code = networkCode(error);
    return code !== undefined && RETRYABLE_CODES.has(code);
}
function describeNetworkError(error) {
    const code = networkCode(error);
    if (code === 'ANSWER_TIMEOUT')
        return `time-out: ${error.message}`;
    return code ? `${code}` : String(error?.message ?? error);
}
/** Reads a (decompressed) body up to `max` bytes; a longer one is cut off and refused. */
async function readCapped(body, max, what) {
    if (!body)
        return '';
    const chunks = [];
    let length = 0;
    for await (const chunk of body) {
        length += chunk.length;
        if (length > max)
            throw new HttpError(`${what} failed: the answer is larger than ${Math.round(max / 1024)} KB`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, length).toString('utf8');
}
/**
 * One attempt, headers and body together bounded by `timeoutMs` and by the caller's signal. It uses
 * the undici that @actions/core's HTTP client already loads (one copy in dist/, nothing more to compile
 * at start-up). Answers are asked for gzip-compressed and decompressed here; the size cap counts
 * decompressed bytes, so a compression bomb is cut off too. Redirects are never followed (undici's
 * request does not): a bearer token or a card never goes where it was not sent.
 */
async function attemptOnce(req, options, timeoutMs, attempt) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
    try {
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(req.url, {
            method: req.method,
            headers: { 'accept-encoding': 'gzip', ...req.headers },
            body: req.body,
            signal,
            // The overall timer above fires first; these only back it up.
            headersTimeout: timeoutMs + 1_000,
            bodyTimeout: timeoutMs + 1_000
        });
        const gzipped = String(response.headers['content-encoding'] ?? '').toLowerCase() === 'gzip';
        const stream = gzipped ? response.body.pipe((0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.createGunzip)()) : response.body;
        if (gzipped)
            response.body.on('error', error => stream.destroy(error));
        const body = await readCapped(stream, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, options.what);
        return { status: response.statusCode, headers: response.headers, body, attempts: attempt };
    }
    catch (error) {
        if (options.signal?.aborted)
            throw new ExchangeCancelled(`${options.what} was cancelled`);
        if (timeout.signal.aborted)
            throw Object.assign(new Error(`no complete answer within ${(timeoutMs / 1000).toFixed(1)}s`), { code: 'ANSWER_TIMEOUT' });
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
}
async function exchange(req, options) {
    const { policy, what, sleep = realSleep } = options;
    const started = Date.now();
    let lastProblem = '';
    let lastStatus;
    let lastBody;
    for (let attempt = 1;; attempt++) {
        let delay;
        if (options.signal?.aborted)
            throw new ExchangeCancelled(`${what} was cancelled`);
        // No attempt outlives the whole exchange's budget.
        const timeoutMs = Math.min(policy.timeoutMs, Math.max(1_000, policy.maxTotalMs - (Date.now() - started)));
        try {
            const answer = await attemptOnce(req, options, timeoutMs, attempt);
            if (answer.status >= 200 && answer.status < 300) {
                try {
                    options.validate?.(answer);
                    return answer;
                }
                catch (problem) {
                    lastProblem = `a malformed answer (${problem.message})`;
                }
            }
            else if (policy.retryStatuses.includes(answer.status)) {
                lastProblem = `HTTP ${answer.status}`;
                delay = parseRetryAfter(answer.headers['retry-after']);
            }
            else {
                // Not retryable (4xx other than 429): the caller turns it into an actionable message.
                return answer;
            }
            lastStatus = answer.status;
            lastBody = answer.body;
        }
        catch (error) {
            if (error instanceof ExchangeCancelled || error instanceof HttpError)
                throw error;
            if (!isTransientNetworkError(error)) {
                throw new HttpError(`${what} failed: ${describeNetworkError(error)}`, undefined, undefined, attempt);
            }
            lastProblem = `a network error (${describeNetworkError(error)})`;
        }
        delay ??= backoffDelay(attempt, policy);
        const elapsed = Date.now() - started;
        if (attempt >= policy.maxAttempts || elapsed + delay > policy.maxTotalMs) {
            throw new HttpError(`${what} failed after ${attempt} attempt(s) in ${Math.round(elapsed / 1000)}s; last problem: ${lastProblem}`, lastStatus, lastBody, attempt);
        }
        options.onRetry?.(lastProblem, delay, attempt);
        await sleep(delay, options.signal);
    }
}


/***/ }),

/***/ 5063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TEAMS_RETRY_POLICY: () => (/* binding */ TEAMS_RETRY_POLICY),
  deliverCards: () => (/* binding */ deliverCards),
  requestBody: () => (/* binding */ requestBody)
});

// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/teams/cards.ts
var cards = __webpack_require__(6205);
// EXTERNAL MODULE: ./src/teams/text.ts
var teams_text = __webpack_require__(1343);
;// CONCATENATED MODULE: ./src/teams/message-card.ts


/**
 * The legacy Office 365 connector format (MessageCard), sent only with allow-legacy-connector: true.
 * Every section sets `markdown: false`: connectors render MessageCard text as markdown by default, and
 * alert text is untrusted. Text is neutralised as on Adaptive Cards (no links, no mentions).
 */
const THEME = { high: 'C4314B', medium: 'F8D22A', low: '0078D4', informational: '8A8886' };
const factsOf = (rows) => rows.filter(([, value]) => value !== '').map(([name, value]) => ({ name: `${name}:`, value: (0,teams_text/* neutralize */.YI)(value) }));
function openUri(name, url, hosts) {
    const safe = (0,teams_text/* safeUrl */.Pl)(url, hosts);
    return safe ? [{ '@type': 'OpenUri', name, targets: [{ os: 'default', uri: safe }] }] : [];
}
function messageCard(plan) {
    if (plan.digestHeading !== undefined) {
        return {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: plan.digestHeading,
            themeColor: THEME.informational,
            sections: [
                {
                    activityTitle: plan.digestHeading,
                    markdown: false,
                    facts: plan.notices.map(notice => ({
                        name: `${(0,cards.severityLook)(notice.alert.severity).label}:`,
                        value: (0,teams_text/* neutralize */.YI)(`${(0,teams_text/* truncate */.xv)(notice.alert.title || '(untitled alert)', 160)} (${(0,teams_text/* serviceLabel */.uZ)(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`)
                    }))
                }
            ]
        };
    }
    const notice = plan.notices[0];
    const alert = notice.alert;
    if (notice.incident) {
        const look = (0,cards.severityLook)(alert.severity);
        return {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: `${look.label} severity security incident`,
            themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
            sections: [
                {
                    activityTitle: (0,teams_text/* neutralize */.YI)((0,teams_text/* truncate */.xv)(alert.title || '(untitled incident)', 300)),
                    activitySubtitle: `${look.label} severity · incident`,
                    markdown: false,
                    facts: factsOf((0,cards.incidentFacts)(notice))
                }
            ],
            potentialAction: openUri('Open incident', notice.incident.incident.incidentWebUrl, plan.portalHosts)
        };
    }
    const look = (0,cards.severityLook)(alert.severity);
    const caption = notice.kind === 'new' ? 'New alert' : (0,cards.followUpCaption)(notice);
    const sections = [
        {
            activityTitle: (0,teams_text/* neutralize */.YI)((0,teams_text/* truncate */.xv)(alert.title || '(untitled alert)', 300)),
            activitySubtitle: `${look.label} severity · ${caption}`,
            markdown: false,
            facts: factsOf(notice.kind === 'new' ? (0,cards.newAlertFacts)(alert) : (0,cards.followUpFacts)(notice))
        }
    ];
    if (notice.kind === 'new' && alert.description)
        sections.push({ text: (0,teams_text/* neutralize */.YI)((0,teams_text/* truncate */.xv)(String(alert.description), 1000)), markdown: false });
    if (notice.kind === 'new' && alert.recommendedActions) {
        sections.push({ title: 'Recommended actions', text: (0,teams_text/* neutralize */.YI)((0,teams_text/* truncate */.xv)(String(alert.recommendedActions), 600)), markdown: false });
    }
    return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: `${look.label} severity security alert`,
        themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
        sections,
        potentialAction: [
            ...openUri('Open in Microsoft Defender', alert.alertWebUrl, plan.portalHosts),
            ...openUri('Open incident', alert.incidentWebUrl, plan.portalHosts)
        ]
    };
}

;// CONCATENATED MODULE: ./src/teams/webhook.ts




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
    return kind === 'legacy-connector' ? messageCard(plan) : (0,cards.workflowsEnvelope)(plan.card);
}
async function deliverCards(plans, options) {
    const results = [];
    const sleep = options.sleep ?? http/* realSleep */.uk;
    const now = options.now ?? Date.now;
    const sentAt = [];
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    let fatal;
    /** Why no further post may start, if one may not. */
    const stopped = () => (options.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
    for (const [index, plan] of plans.entries()) {
        if (fatal) {
            results.push({ plan, delivered: false, error: `not sent: ${fatal}` });
            continue;
        }
        let wait = index > 0 ? options.intervalMs : 0;
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
            const answer = await (0,http/* exchange */.cv)({
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
            if (error instanceof http/* ExchangeCancelled */.dH) {
                // Teams may have taken the card; at-least-once: it is posted again by the next run.
                results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
                break;
            }
            results.push({
                plan,
                delivered: false,
                error: (0,secrets/* redact */.E$)(error instanceof http/* HttpError */.j$ ? error.message : String(error?.message ?? error))
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

//# sourceMappingURL=63.index.js.map