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

/***/ 6205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ planCards),
/* harmony export */   NI: () => (/* binding */ severityLook),
/* harmony export */   _K: () => (/* binding */ newAlertFacts),
/* harmony export */   fH: () => (/* binding */ workflowsEnvelope),
/* harmony export */   fR: () => (/* binding */ followUpCaption),
/* harmony export */   kp: () => (/* binding */ followUpFacts)
/* harmony export */ });
/* unused harmony exports MAX_CARD_BYTES, affectedEntities, newAlertCard, followUpCard, OVERFLOW_DIGEST, reminderDigest, cardBytes, digestCards */
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6957);
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(157);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1343);



/** Teams rejects cards over ~28 KB after re-serialisation; stay well below. */
const MAX_CARD_BYTES = 20_000;
const MAX_DIGEST_ROWS = 25;
const MAX_ENTITIES_PER_KIND = 5;
const SEVERITY_LOOK = {
    high: { color: 'Attention', style: 'attention', label: 'High' },
    medium: { color: 'Warning', style: 'warning', label: 'Medium' },
    low: { color: 'Accent', style: 'accent', label: 'Low' },
    informational: { color: 'Default', style: 'emphasis', label: 'Informational' }
};
function severityLook(severity) {
    return SEVERITY_LOOK[(severity ?? '').toLowerCase()] ?? { color: 'Default', style: 'emphasis', label: (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(severity) || 'Unknown' };
}
function card(body, actions = []) {
    const result = {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.4',
        body,
        msteams: { width: 'Full' }
    };
    if (actions.length > 0)
        result.actions = actions;
    return result;
}
/** Untrusted text as a RichTextBlock: TextRuns render no markdown. */
function plainText(text, run = {}, block = {}) {
    return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralize */ .YI)(text), ...run }], ...block };
}
/** Label: value rows; values are untrusted, so no FactSet (its values render markdown in Teams). */
function facts(rows) {
    return {
        type: 'Container',
        spacing: 'Medium',
        items: rows
            .filter(([, value]) => value !== '')
            .map(([label, value]) => ({
            type: 'ColumnSet',
            spacing: 'Small',
            columns: [
                { type: 'Column', width: 'auto', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}:`, weight: 'Bolder' }] }] },
                { type: 'Column', width: 'stretch', items: [plainText(value)] }
            ]
        }))
    };
}
function openUrlAction(title, url, hosts) {
    const safe = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(url, hosts);
    return safe ? [{ type: 'Action.OpenUrl', title, url: safe }] : [];
}
const EVIDENCE_KINDS = [
    { type: 'userEvidence', label: 'Users', name: e => e.userAccount?.userPrincipalName ?? e.userAccount?.accountName ?? e.userAccount?.displayName },
    { type: 'deviceEvidence', label: 'Devices', name: e => e.deviceDnsName ?? e.hostName ?? e.azureAdDeviceId },
    { type: 'mailboxEvidence', label: 'Mailboxes', name: e => e.primaryAddress ?? e.displayName },
    { type: 'analyzedMessageEvidence', label: 'Messages', name: e => e.subject ?? e.internetMessageId },
    { type: 'ipEvidence', label: 'IP addresses', name: e => e.ipAddress },
    { type: 'urlEvidence', label: 'URLs', name: e => e.url },
    { type: 'fileEvidence', label: 'Files', name: e => e.fileDetails?.fileName },
    { type: 'processEvidence', label: 'Processes', name: e => e.imageFile?.fileName },
    { type: 'cloudApplicationEvidence', label: 'Cloud apps', name: e => e.displayName ?? e.appId },
    { type: 'oauthApplicationEvidence', label: 'OAuth apps', name: e => e.displayName ?? e.appId }
];
/** Affected entities by kind, each list capped with "+N more". */
function affectedEntities(alert) {
    const rows = [];
    const evidence = Array.isArray(alert.evidence) ? alert.evidence : [];
    for (const kind of EVIDENCE_KINDS) {
        const names = new Set();
        for (const item of evidence) {
            if (typeof item?.['@odata.type'] === 'string' && item['@odata.type'].endsWith(`.${kind.type}`)) {
                const name = kind.name(item);
                if (typeof name === 'string' && name.trim())
                    names.add((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(name.trim(), 120));
            }
        }
        if (names.size === 0)
            continue;
        const list = [...names];
        const shown = list.slice(0, MAX_ENTITIES_PER_KIND).join(', ');
        rows.push([kind.label, list.length > MAX_ENTITIES_PER_KIND ? `${shown} +${list.length - MAX_ENTITIES_PER_KIND} more` : shown]);
    }
    return rows;
}
function header(alert, caption) {
    const look = severityLook(alert.severity);
    return {
        type: 'Container',
        style: look.style,
        bleed: true,
        items: [
            { type: 'TextBlock', text: `${look.label.toUpperCase()} SEVERITY · ${caption}`, weight: 'Bolder', color: look.color, size: 'Small', wrap: true },
            plainText((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(alert.title || '(untitled alert)', 300), { weight: 'Bolder', size: 'Large' })
        ]
    };
}
function alertActions(alert, hosts) {
    return [...openUrlAction('Open in Microsoft Defender', alert.alertWebUrl, hosts), ...openUrlAction('Open incident', alert.incidentWebUrl, hosts)];
}
/** The label/value rows of a new alert's card (values still untrusted: neutralised where shown). */
function newAlertFacts(alert) {
    const techniques = Array.isArray(alert.mitreTechniques) ? alert.mitreTechniques.filter(t => typeof t === 'string') : [];
    const categories = Array.isArray(alert.categories) && alert.categories.length > 0 ? alert.categories.join(', ') : (alert.category ?? '');
    return [
        ['Status', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(alert.status)],
        ['Service', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(alert.serviceSource)],
        ['Detection', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(alert.detectionSource)],
        ['Category', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(categories), 200)],
        ['First activity', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.firstActivityDateTime)],
        ['Last activity', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.lastActivityDateTime)],
        ['Created', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.createdDateTime)],
        ['Assigned to', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(alert.assignedTo ?? ''), 200)],
        ...affectedEntities(alert),
        ['MITRE ATT&CK', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(techniques.join(', '), 300)],
        ['Alert ID', alert.id]
    ];
}
/** The card for one new alert. */
function newAlertCard(alert, hosts = _clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    const body = [header(alert, 'New alert')];
    if (alert.description)
        body.push(plainText((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(alert.description), 1000), {}, { spacing: 'Medium' }));
    body.push(facts(newAlertFacts(alert)));
    if (alert.recommendedActions) {
        body.push({ type: 'TextBlock', text: 'Recommended actions', weight: 'Bolder', spacing: 'Medium', wrap: true }, plainText((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(alert.recommendedActions), 600), {}, { spacing: 'Small' }));
    }
    return card(body, alertActions(alert, hosts));
}
const FIELDS = ['Status', 'Severity', 'Classification', 'Determination', 'Assigned to'];
/** What changed since the channel was last told, and for a resolution who acted. */
function followUpFacts(notice) {
    const alert = notice.alert;
    const before = (notice.previousSignature ?? '').split('|');
    const after = (0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_0__/* .stateSignature */ .cd)(alert).split('|');
    const rows = [];
    FIELDS.forEach((label, index) => {
        if (before[index] !== after[index]) {
            const show = (value) => (index === 4 ? value || 'nobody' : (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(value) || 'none');
            rows.push([label, `${show(before[index])} → ${show(after[index])}`]);
        }
    });
    if (notice.kind === 'resolved') {
        rows.push(['Resolved', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.resolvedDateTime)]);
        // Graph records no "resolved by"; the assignee and the latest comment are who acted, as the portal shows.
        if (!rows.some(([label]) => label === 'Assigned to'))
            rows.push(['Assigned to', (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(alert.assignedTo ?? ''), 200)]);
    }
    const comment = latestComment(alert);
    if (comment)
        rows.push(['Latest comment', comment]);
    rows.push(['Alert ID', alert.id]);
    return rows;
}
function followUpCaption(notice) {
    return notice.kind === 'resolved' ? 'Resolved' : 'Updated';
}
/** A compact follow-up: what changed since the channel was last told. */
function followUpCard(notice, hosts = _clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    return card([header(notice.alert, followUpCaption(notice)), facts(followUpFacts(notice))], alertActions(notice.alert, hosts));
}
/** "Name (time): text" of the newest comment, trimmed. */
function latestComment(alert) {
    const comments = Array.isArray(alert.comments) ? alert.comments.filter(c => typeof c?.comment === 'string' && c.comment.trim()) : [];
    if (comments.length === 0)
        return '';
    const newest = comments.reduce((a, b) => (String(b.createdDateTime ?? '') > String(a.createdDateTime ?? '') ? b : a));
    const by = [newest.createdByDisplayName, (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(newest.createdDateTime)].filter(Boolean).join(', ');
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(`${by ? `${by}: ` : ''}${newest.comment.trim()}`, 300);
}
const DIGEST_PREFIX = { new: '', reminder: '', resolved: '[Resolved] ', updated: '[Updated] ' };
function digestRow(notice, hosts) {
    const alert = notice.alert;
    const look = severityLook(alert.severity);
    const row = {
        type: 'ColumnSet',
        spacing: 'Small',
        separator: true,
        columns: [
            { type: 'Column', width: '90px', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: look.label, color: look.color, weight: 'Bolder' }] }] },
            {
                type: 'Column',
                width: 'stretch',
                items: [plainText(`${DIGEST_PREFIX[notice.kind]}${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(alert.title || '(untitled alert)', 160)}`)]
            },
            { type: 'Column', width: '160px', items: [plainText((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(alert.serviceSource) || '—')] }
        ]
    };
    const url = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(alert.alertWebUrl, hosts);
    if (url)
        row.selectAction = { type: 'Action.OpenUrl', title: 'Open in Microsoft Defender', url };
    return row;
}
const OVERFLOW_DIGEST = { heading: total => `${total} more alert${total === 1 ? '' : 's'}`, name: 'digest' };
/** max-cards: 0 puts every notice in digests: there is nothing they are "more" than. */
const ALL_IN_DIGEST = { heading: total => `${total} alert${total === 1 ? '' : 's'}`, name: 'digest' };
function reminderDigest(remindAfterMs) {
    const after = describeDuration(remindAfterMs);
    return { heading: total => `Reminder: ${total} alert${total === 1 ? ' is' : 's are'} still unresolved, with no news for ${after}`, name: 'reminder digest' };
}
function describeDuration(ms) {
    if (ms % 86_400_000 === 0)
        return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
    return `${Math.round(ms / 60_000)} minutes`;
}
function digestHeading(part, parts, total, kind) {
    return parts > 1 ? `${kind.heading(total)} (part ${part} of ${parts})` : kind.heading(total);
}
function digestCard(notices, part, parts, total, kind, hosts) {
    const heading = digestHeading(part, parts, total, kind);
    return card([
        { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Large', wrap: true },
        { type: 'TextBlock', text: 'Select a row to open the alert in Microsoft Defender.', isSubtle: true, size: 'Small', wrap: true },
        ...notices.map(notice => digestRow(notice, hosts))
    ]);
}
function cardBytes(card) {
    return Buffer.byteLength(JSON.stringify(card));
}
/** Splits notices into digest cards of at most MAX_DIGEST_ROWS rows and MAX_CARD_BYTES bytes each. */
function digestCards(notices, kind = OVERFLOW_DIGEST, hosts = _clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    const groups = [];
    let current = [];
    for (const notice of notices) {
        const candidate = [...current, notice];
        if (current.length > 0 && (candidate.length > MAX_DIGEST_ROWS || cardBytes(digestCard(candidate, 99, 99, 9999, kind, hosts)) > MAX_CARD_BYTES)) {
            groups.push(current);
            current = [notice];
        }
        else {
            current = candidate;
        }
    }
    if (current.length > 0)
        groups.push(current);
    return groups.map((group, index) => ({
        card: digestCard(group, index + 1, groups.length, notices.length, kind, hosts),
        notices: group,
        digestHeading: digestHeading(index + 1, groups.length, notices.length, kind),
        label: `${kind.name} ${index + 1}/${groups.length} (${group.length} alerts)`,
        portalHosts: hosts
    }));
}
function individualCard(notice, hosts) {
    return notice.kind === 'new' ? newAlertCard(notice.alert, hosts) : followUpCard(notice, hosts);
}
/** One card per notice up to `maxCards`, the rest in digest cards; reminders always go in a reminder digest. */
function planCards(all, maxCards, remindAfterMs = 86_400_000, hosts = _clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    const notices = all.filter(notice => notice.kind !== 'reminder');
    const reminders = all.filter(notice => notice.kind === 'reminder');
    const plans = notices.slice(0, maxCards).map(notice => {
        let built = individualCard(notice, hosts);
        if (cardBytes(built) > MAX_CARD_BYTES) {
            // Evidence-heavy alerts: fall back to the compact form rather than risk a rejected card.
            built = card([header(notice.alert, notice.kind === 'new' ? 'New alert' : (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .humanize */ .I3)(notice.kind)), facts([['Alert ID', notice.alert.id]])], alertActions(notice.alert, hosts));
        }
        const status = (0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOfSignature */ .MR)(notice.previousSignature ?? '');
        // Cut before neutralising (linear in the label, not the title); logs make it one line.
        const title = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralize */ .YI)(String(notice.alert.title || notice.alert.id), 100);
        return { card: built, notices: [notice], label: `${notice.kind}${status ? ` (was ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralize */ .YI)(status, 40)})` : ''}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(title, 80)}`, portalHosts: hosts };
    });
    return [
        ...plans,
        ...digestCards(notices.slice(maxCards), plans.length > 0 ? OVERFLOW_DIGEST : ALL_IN_DIGEST, hosts),
        ...digestCards(reminders, reminderDigest(remindAfterMs), hosts)
    ];
}
/** The request body Teams Workflows ("When a Teams webhook request is received") expects. */
function workflowsEnvelope(card) {
    return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}


/***/ }),

/***/ 1343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ humanize),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   YI: () => (/* binding */ neutralize),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports MAX_NEUTRALIZED_LENGTH, cleanText */
/* harmony import */ var linkify_it__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7965);
/* harmony import */ var tlds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9011);


/**
 * Alert text is attacker-controlled (an e-mail subject, a file name, a process command line). It is
 * shown only through Adaptive Card TextRuns, which render no markdown, and is further neutralised here:
 * control, zero-width and bidi characters are dropped, URLs are defanged (hxxps://host[.]tld) so no
 * client turns them into links, and angle brackets are replaced so `<at>` tags cannot become mentions.
 */
// C0/C1 controls except TAB and LF, zero-width characters, bidi embeddings/overrides/isolates, BOM.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
/** Any scheme a client may open, whatever follows it. */
const URL_LIKE = /\b((?:https?|ftp|file|mailto|javascript|data|tel|msteams|ms-\w+):\/*)([^\s]*)/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6 = /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
/** Untrusted text longer than this is cut before any pattern sees it: neutralising stays linear. */
const MAX_NEUTRALIZED_LENGTH = 5000;
/** Finds host names on every real TLD (IANA's list, kept current by the `tlds` package), e-mails and IPs. */
const linkify = new linkify_it__WEBPACK_IMPORTED_MODULE_0__/* .LinkifyIt */ .c$({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true, tlds: tlds__WEBPACK_IMPORTED_MODULE_1__ });
function defang(link) {
    return link
        .replace(/^http/i, 'hxxp')
        .replace(/:\/\//, '[:]//')
        .replace(/\./g, '[.]');
}
function cleanText(value) {
    if (value === null || value === undefined)
        return '';
    return String(value)
        .replace(/\r\n?/g, '\n')
        .replace(INVISIBLE, '')
        .normalize('NFC');
}
/** Makes untrusted text inert: no links, no mentions, no markup. Cut to `max` characters first. */
function neutralize(value, max = MAX_NEUTRALIZED_LENGTH) {
    const raw = value === null || value === undefined ? '' : String(value);
    let text = cleanText(raw.length > max ? `${raw.slice(0, max)}…` : raw);
    const links = linkify.match(text);
    if (links) {
        let out = '';
        let at = 0;
        for (const link of links) {
            out += text.slice(at, link.index) + defang(text.slice(link.index, link.lastIndex));
            at = link.lastIndex;
        }
        text = out + text.slice(at);
    }
    return text
        .replace(URL_LIKE, (_all, scheme, rest) => `${scheme.replace(/^http/i, 'hxxp').replace(/:/, '[:]')}${rest.replace(/\./g, '[.]')}`)
        .replace(IPV4, ip => ip.replace(/\./g, '[.]'))
        .replace(IPV6, ip => (ip.split(':').length >= 3 && /[0-9a-f]/i.test(ip) ? ip.replace(/:/g, '[:]') : ip))
        .replace(/</g, '‹')
        .replace(/>/g, '›');
}
/** Shortens to at most `max` characters, on a word boundary when one is near, marking the cut. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`;
}
/** `microsoftDefenderForEndpoint` → `Microsoft Defender For Endpoint`; enum values only. */
function humanize(value) {
    if (!value || typeof value !== 'string')
        return '';
    if (value.length > 200)
        value = value.slice(0, 200);
    const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    return neutralize(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}
/**
 * A link target we are willing to put behind a button: https, to one of `hosts` (the Microsoft portals
 * of the configured cloud) and nothing else. An alertWebUrl on any other host is attacker-shaped.
 */
function safeUrl(value, hosts) {
    if (typeof value !== 'string' || value.length > 2000)
        return undefined;
    try {
        const url = new URL(value);
        if (url.protocol !== 'https:' || url.username || url.password || url.port)
            return undefined;
        return hosts.includes(url.hostname.toLowerCase()) ? url.toString() : undefined;
    }
    catch {
        return undefined;
    }
}
/** ISO timestamp → `2026-11-25 14:03 UTC`; empty for missing or invalid values. */
function formatTime(value) {
    if (!value)
        return '';
    const ms = Date.parse(value);
    if (Number.isNaN(ms))
        return '';
    return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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
                        name: `${(0,cards/* severityLook */.NI)(notice.alert.severity).label}:`,
                        value: (0,teams_text/* neutralize */.YI)(`${(0,teams_text/* truncate */.xv)(notice.alert.title || '(untitled alert)', 160)} (${(0,teams_text/* humanize */.I3)(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`)
                    }))
                }
            ]
        };
    }
    const notice = plan.notices[0];
    const alert = notice.alert;
    const look = (0,cards/* severityLook */.NI)(alert.severity);
    const caption = notice.kind === 'new' ? 'New alert' : (0,cards/* followUpCaption */.fR)(notice);
    const sections = [
        {
            activityTitle: (0,teams_text/* neutralize */.YI)((0,teams_text/* truncate */.xv)(alert.title || '(untitled alert)', 300)),
            activitySubtitle: `${look.label} severity · ${caption}`,
            markdown: false,
            facts: factsOf(notice.kind === 'new' ? (0,cards/* newAlertFacts */._K)(alert) : (0,cards/* followUpFacts */.kp)(notice))
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
        potentialAction: [...openUri('Open in Microsoft Defender', alert.alertWebUrl, plan.portalHosts), ...openUri('Open incident', alert.incidentWebUrl, plan.portalHosts)]
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
    return kind === 'legacy-connector' ? messageCard(plan) : (0,cards/* workflowsEnvelope */.fH)(plan.card);
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
            const answer = await (0,http/* exchange */.cv)({ method: 'POST', url: options.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(requestBody(plan, options.kind)) }, {
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
            results.push({ plan, delivered: false, error: (0,secrets/* redact */.E$)(error instanceof http/* HttpError */.j$ ? error.message : String(error?.message ?? error)) });
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