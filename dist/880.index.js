export const id = 880;
export const ids = [880,561];
export const modules = {

/***/ 2561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ClockSkewError: () => (/* binding */ ClockSkewError),
/* harmony export */   GRAPH_RETRY_POLICY: () => (/* binding */ GRAPH_RETRY_POLICY),
/* harmony export */   GraphError: () => (/* binding */ GraphError),
/* harmony export */   MAX_CLOCK_SKEW_MS: () => (/* binding */ MAX_CLOCK_SKEW_MS),
/* harmony export */   PagingStopped: () => (/* binding */ PagingStopped),
/* harmony export */   checkClock: () => (/* binding */ checkClock),
/* harmony export */   getAllPages: () => (/* binding */ getAllPages)
/* harmony export */ });
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4137);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9541);
/* harmony import */ var _runtime_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(390);
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4205);




/**
 * A minimal Microsoft Graph reader: GET a collection and follow `@odata.nextLink` to the end, with
 * `Prefer: include-unknown-enum-members` on every page (without it, serviceSource values added after
 * `unknownFutureValue`, such as microsoftSentinel, arrive as `unknownFutureValue`).
 */
const GRAPH_RETRY_POLICY = {
    maxAttempts: 5,
    maxTotalMs: 120_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    retryStatuses: [429, 500, 502, 503, 504]
};
/** Raised for an answer that retrying cannot fix; the message says what to do. */
class GraphError extends _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ExplainedError */ .h {
    status;
    name = 'GraphError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** A listing stopped at `stopAt` (the run's time budget); what was read so far was handed to `keep`. */
class PagingStopped extends Error {
    name = 'PagingStopped';
}
/**
 * Beyond this distance between the runner's clock and Graph's, the run stops. The fetch window and the
 * snapshot's cursor are reckoned on the runner's clock: one far ahead asks Graph for alerts from the
 * future (and finds none, silently), one far behind makes every snapshot look planted.
 */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;
/** The runner's clock is too far from Graph's: the run must stop before it saves anything. */
class ClockSkewError extends GraphError {
    name = 'ClockSkewError';
}
function checkClock(headers, now) {
    const date = Date.parse(String(headers.date ?? ''));
    if (Number.isNaN(date))
        return;
    const skew = now - date;
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
        throw new ClockSkewError(`The runner's clock is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew > 0 ? 'ahead of' : 'behind'} Microsoft Graph's (runner ${new Date(now).toISOString()}, Graph ${new Date(date).toISOString()}). ` +
            'Alerts are fetched by time, so nothing was posted and the snapshot was not saved; fix the clock of this runner (NTP) and the next run continues where the last good one stopped.');
    }
}
/** Graph's own error code and message, as one bounded line (they are shown to the user). */
function graphErrorText(body) {
    try {
        const error = JSON.parse(body ?? '')?.error;
        const text = [error?.code, error?.message].filter(part => typeof part === 'string' && part).join(': ');
        return (0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(text.slice(0, 2000)), 500);
    }
    catch {
        return '';
    }
}
function explainFailure(status, body) {
    const detail = graphErrorText(body);
    const suffix = detail ? ` (Graph said: ${detail})` : '';
    if (status === 401) {
        return new GraphError(`Microsoft Graph rejected the access token (HTTP 401)${suffix}. Check that tenant-id and client-id belong to the same app registration and that graph-endpoint matches the cloud the app lives in.`, status);
    }
    if (status === 403 && detail && !/role|permission|scope|consent|authoriz/i.test(detail)) {
        return new GraphError(`Microsoft Graph refused the security alerts API for this tenant (HTTP 403)${suffix}. The app's permission may be fine: the tenant needs Microsoft Defender XDR (a Microsoft 365 E5 / Defender or Purview licence that produces alerts, and the Defender portal opened once to provision it). If the tenant has it, check that SecurityAlert.Read.All is granted with admin consent.`, status);
    }
    if (status === 403) {
        return new GraphError(`Microsoft Graph denied access to security alerts (HTTP 403)${suffix}. The app registration needs the Microsoft Graph application permission SecurityAlert.Read.All with admin consent granted (Entra admin center → App registrations → API permissions → Add → Microsoft Graph → Application permissions → SecurityAlert.Read.All → Grant admin consent). The tenant also needs a Microsoft Defender XDR or Purview licence that produces alerts.`, status);
    }
    if (status === 400)
        return new GraphError(`Microsoft Graph rejected the alerts query (HTTP 400)${suffix}.`, status);
    if (status === 404)
        return new GraphError(`Microsoft Graph has no /v1.0/security/alerts_v2 at the configured graph-endpoint (HTTP 404)${suffix}.`, status);
    return new GraphError(`Microsoft Graph answered HTTP ${status}${suffix}.`, status);
}
function parsePage(body) {
    const page = JSON.parse(body);
    if (!page || !Array.isArray(page.value))
        throw new Error('the page has no "value" array');
    if (page['@odata.nextLink'] !== undefined && typeof page['@odata.nextLink'] !== 'string')
        throw new Error('"@odata.nextLink" is not a string');
    return page;
}
/**
 * Reads every page of a collection. `keep` sees each item as its page arrives and returns what to hold
 * on to (the item, a smaller copy, or undefined to drop it), so a large listing is never held whole.
 */
async function getAllPages(firstUrl, options, keep = item => item) {
    const items = [];
    const maxPages = options.maxPages ?? 10_000;
    const firstOrigin = new URL(firstUrl).origin;
    let url = firstUrl;
    let requests = 0;
    while (url) {
        if (requests >= maxPages)
            throw new GraphError(`Microsoft Graph returned more than ${maxPages} pages; stopping.`);
        if (options.stopAt !== undefined && requests > 0 && Date.now() >= options.stopAt)
            throw new PagingStopped('the run ran out of time');
        // A nextLink is followed only on the host we asked: the bearer token must never go elsewhere.
        if (new URL(url).origin !== firstOrigin)
            throw new GraphError('Microsoft Graph returned an @odata.nextLink to another host; refusing to send the token there.');
        let answer;
        let page;
        try {
            answer = await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .exchange */ .cv)({
                method: 'GET',
                url,
                headers: {
                    authorization: `Bearer ${await options.getToken()}`,
                    accept: 'application/json',
                    prefer: 'include-unknown-enum-members'
                }
            }, {
                policy: options.policy ?? GRAPH_RETRY_POLICY,
                what: options.what ?? 'Reading alerts from Microsoft Graph',
                sleep: options.sleep,
                validate: ({ body }) => void (page = parsePage(body)),
                onRetry: options.onRetry,
                signal: options.signal
            });
        }
        catch (error) {
            if (error instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$) {
                requests += error.attempts;
                const detail = graphErrorText(error.body);
                throw new GraphError(`${error.message}${detail ? ` (Graph said: ${detail})` : ''}`, error.status);
            }
            throw error;
        }
        requests += answer.attempts;
        if (answer.status < 200 || answer.status >= 300)
            throw explainFailure(answer.status, answer.body);
        if (url === firstUrl)
            checkClock(answer.headers, (options.now ?? Date.now)());
        // validate() parsed the accepted answer's body; parse again only if it was never asked to (non-2xx is handled above).
        const accepted = page ?? parsePage(answer.body);
        for (const item of accepted.value) {
            const kept = keep(item);
            if (kept !== undefined)
                items.push(kept);
        }
        url = accepted['@odata.nextLink'];
        options.onPage?.(url);
    }
    return { items, requests };
}


/***/ }),

/***/ 2880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RULE_SERVICE_SOURCE: () => (/* binding */ RULE_SERVICE_SOURCE),
  carryAudit: () => (/* binding */ carryAudit),
  combineMatchFirings: () => (/* reexport */ combineMatchFirings),
  newAuditState: () => (/* binding */ newAuditState),
  queriedOperations: () => (/* reexport */ queriedOperations),
  ruleAlert: () => (/* binding */ ruleAlert),
  runAudit: () => (/* binding */ runAudit)
});

// EXTERNAL MODULE: ./src/rules/audit-ledger.ts
var audit_ledger = __webpack_require__(6956);
// EXTERNAL MODULE: ./src/runtime/http.ts + 1 modules
var http = __webpack_require__(4137);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/log.ts
var log = __webpack_require__(390);
// EXTERNAL MODULE: ./src/runtime/secrets.ts
var secrets = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/graph/client.ts
var graph_client = __webpack_require__(2561);
;// CONCATENATED MODULE: ./src/rules/graph-audit.ts





class AuditApiError extends errors/* ExplainedError */.h {
    name = 'AuditApiError';
}
/** Create and poll: transient faults are retried briefly; a 429 comes back to the caller. */
const AUDIT_RETRY_POLICY = {
    maxAttempts: 3,
    maxTotalMs: 30_000,
    baseDelayMs: 1_000,
    maxDelayMs: 10_000,
    timeoutMs: 30_000,
    retryStatuses: [500, 502, 503, 504]
};
function otherVersion(version) {
    return version === 'v1.0' ? 'beta' : 'v1.0';
}
function graphSaid(body) {
    try {
        const error = JSON.parse(body ?? '')?.error;
        const text = [error?.code, error?.message].filter(part => typeof part === 'string' && part).join(': ');
        return text ? ` (Graph said: ${(0,log/* oneLine */.TN)((0,secrets/* redact */.E$)(text.slice(0, 1000)), 300)})` : '';
    }
    catch {
        return '';
    }
}
function denied(status, body) {
    return new AuditApiError(`Microsoft Graph denied the audit log query API (HTTP ${status})${graphSaid(body)}. The rules input needs the application permission AuditLogsQuery.Read.All (or the per-workload AuditLogsQuery-Exchange.Read.All, AuditLogsQuery-SharePoint.Read.All, AuditLogsQuery-OneDrive.Read.All, AuditLogsQuery-Entra.Read.All for the operations the rules name) with admin consent, and unified auditing turned on in Purview (Audit → Start recording user and admin activity).`);
}
/**
 * A refused create, told by what Graph said: only a 404 or "Resource not found for the segment" (Graph's
 * 400 for a path it does not serve, as when Microsoft moved the API) is about the version; a tenant with
 * unified auditing off answers 400 AuditingDisabledTenant; any other 400 is shown as Graph wrote it.
 */
function refused(client, status, body) {
    const said = graphSaid(body);
    if (/AuditingDisabledTenant/i.test(body)) {
        return new AuditApiError(`Unified auditing is off for this tenant (HTTP ${status}, AuditingDisabledTenant)${said}: the audit log has no records for the rules. Turn it on in Microsoft Purview (Audit → Start recording user and admin activity, or Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true); records are searchable from about an hour later. Alerts are delivered meanwhile.`);
    }
    if (status === 404 || /not found for the segment/i.test(body)) {
        return new AuditApiError(`Microsoft Graph does not serve the audit log query API on ${client.version} (HTTP ${status})${said}. Microsoft has moved this API between v1.0 and beta; set the input audit-api-version to ${otherVersion(client.version)} and run again.`);
    }
    return new AuditApiError(`Microsoft Graph refused to create an audit log query (HTTP ${status})${said}. Check the rules' operations and the tenant's audit settings.`);
}
function queriesUrl(client) {
    return `${client.endpoint}/${client.version}/security/auditLog/queries`;
}
async function send(client, method, url, body) {
    const headers = {
        authorization: `Bearer ${await client.options.getToken()}`,
        accept: 'application/json'
    };
    if (body !== undefined)
        headers['content-type'] = 'application/json';
    const answer = await (0,http/* exchange */.cv)({ method, url, headers, body }, {
        policy: client.options.policy ? { ...AUDIT_RETRY_POLICY, timeoutMs: client.options.policy.timeoutMs } : AUDIT_RETRY_POLICY,
        what: 'Using the audit log query API',
        sleep: client.options.sleep,
        signal: client.options.signal,
        maxBodyBytes: 1024 * 1024,
        validate: ({ body: text }) => void JSON.parse(text)
    });
    // Query windows are reckoned on the runner's clock: one far off would plan windows in the future and
    // leave a gap when it is fixed. Every answer is checked; the run then stops before saving anything.
    (0,graph_client.checkClock)(answer.headers, (client.options.now ?? Date.now)());
    return answer;
}
/** The query object: Graph returns it bare; the get example wraps it in {"value": {...}}. Both are taken. */
function queryOf(body) {
    const data = JSON.parse(body);
    if (typeof data !== 'object' || data === null)
        return undefined;
    const value = data.value;
    const query = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : data;
    return query;
}
async function createQuery(client, window, operations, displayName) {
    const request = {
        displayName,
        filterStartDateTime: new Date(window.start).toISOString(),
        filterEndDateTime: new Date(window.end).toISOString(),
        operationFilters: operations
    };
    let answer;
    try {
        answer = await send(client, 'POST', queriesUrl(client), JSON.stringify(request));
    }
    catch (error) {
        if (error instanceof http/* HttpError */.j$)
            return { failed: `${error.message}${graphSaid(error.body)}` };
        throw error;
    }
    if (answer.status === 429)
        return { deferMs: (0,http/* parseRetryAfter */.mu)(answer.headers['retry-after']) ?? 5 * 60_000 };
    // Auditing off is told as such whatever the status it comes with (400 as documented, or a 403).
    if (/AuditingDisabledTenant/i.test(answer.body) || answer.status === 400 || answer.status === 404)
        throw refused(client, answer.status, answer.body);
    if (answer.status === 401 || answer.status === 403)
        throw denied(answer.status, answer.body);
    if (answer.status < 200 || answer.status >= 300)
        return { failed: `HTTP ${answer.status}${graphSaid(answer.body)}` };
    const id = textId(queryOf(answer.body)?.id);
    if (!id)
        return { failed: 'the created query has no id' };
    return { created: id };
}
function textId(value) {
    return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,200}$/.test(value) ? value : undefined;
}
async function getQuery(client, id) {
    let answer;
    try {
        answer = await send(client, 'GET', `${queriesUrl(client)}/${encodeURIComponent(id)}`);
    }
    catch (error) {
        if (error instanceof http/* HttpError */.j$)
            return { failed: `${error.message}${graphSaid(error.body)}` };
        throw error;
    }
    if (answer.status === 404)
        return { missing: true };
    if (answer.status === 401 || answer.status === 403)
        throw denied(answer.status, answer.body);
    if (answer.status === 429)
        return { status: 'running', limitExceeded: false }; // ask again next run
    if (answer.status < 200 || answer.status >= 300)
        return { failed: `HTTP ${answer.status}${graphSaid(answer.body)}` };
    const query = queryOf(answer.body);
    const status = typeof query?.status === 'string' ? query.status : 'unknownFutureValue';
    return { status, limitExceeded: query?.isRecordCountLimitExceeded === true };
}
async function readRecords(client, id, each, position = {}) {
    const first = `${queriesUrl(client)}/${encodeURIComponent(id)}/records`;
    const resume = position.resumeFrom;
    // A saved link is followed only on the Graph host: the token never goes anywhere else.
    const url = resume && URL.canParse(resume) && new URL(resume).origin === new URL(first).origin ? resume : first;
    const { requests } = await (0,graph_client.getAllPages)(url, {
        ...client.options,
        maxPages: 5_000,
        what: 'Reading audit log records from Microsoft Graph',
        stopAt: position.stopAt,
        onPage: position.onPage
    }, record => {
        each(record);
        return undefined;
    });
    return requests;
}

// EXTERNAL MODULE: ./src/model/alert.ts
var model_alert = __webpack_require__(2119);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/rules/rule-match.ts

/** Values collected along one path, at most this many (a record listing 10,000 parameters is bounded). */
const MAX_VALUES = 200;
function ownValue(object, key) {
    if (Object.hasOwn(object, key))
        return object[key];
    // Graph camel-cases what the PowerShell audit log spells in Pascal case; accept either.
    const lower = key.toLowerCase();
    for (const name of Object.keys(object))
        if (name.toLowerCase() === lower)
            return object[name];
    return undefined;
}
/**
 * Every leaf value at `path` in the record; a list on the way is walked item by item (so a path through
 * a list matches when any item matches). `auditData.X` also finds X under auditData.dynamicProperties,
 * where the 2026 Graph schema puts the workload's fields.
 */
function valuesAt(record, path) {
    const out = [];
    const walk = (value, index, depth) => {
        if (out.length >= MAX_VALUES || depth > 16)
            return;
        if (Array.isArray(value)) {
            for (const item of value.slice(0, MAX_VALUES))
                walk(item, index, depth + 1);
            return;
        }
        if (index === path.length) {
            if (value !== undefined && value !== null)
                out.push(value);
            return;
        }
        if (typeof value !== 'object' || value === null)
            return;
        const object = value;
        let next = ownValue(object, path[index]);
        if (next === undefined && index === 1 && path[0].toLowerCase() === 'auditdata') {
            const dynamic = ownValue(object, 'dynamicProperties');
            if (typeof dynamic === 'object' && dynamic !== null && !Array.isArray(dynamic))
                next = ownValue(dynamic, path[index]);
        }
        walk(next, index + 1, depth + 1);
    };
    walk(record, 0, 0);
    return out;
}
/** A value as text for comparison and grouping; objects have no text form here. */
function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** The first text at `path`, cut to a sane length. */
function firstText(record, path) {
    if (path.length === 1) {
        // The common case (userPrincipalName, clientIp, operation): no walk.
        const direct = Object.hasOwn(record, path[0]) ? record[path[0]] : undefined;
        if (typeof direct === 'string' && direct !== '')
            return direct.slice(0, 500);
    }
    for (const value of valuesAt(record, path)) {
        const text = textOf(value);
        if (text !== undefined && text !== '')
            return text.slice(0, 500);
    }
    return undefined;
}
function conditionHolds(record, condition) {
    const found = valuesAt(record, condition.field);
    if (condition.op === 'exists')
        return found.length > 0 === condition.exists;
    if (condition.op === 'any') {
        // One item must meet every inner condition: {Name: ForwardingSmtpAddress, Value: ''} is not a forward.
        return found.some(item => typeof item === 'object' && !Array.isArray(item) && condition.items.every(inner => conditionHolds(item, inner)));
    }
    if (condition.op === 'not-empty') {
        const filled = found.some(value => {
            const text = textOf(value);
            return text !== undefined ? text.trim() !== '' : typeof value === 'object';
        });
        return filled === condition.exists;
    }
    const texts = found
        .map(textOf)
        .filter((text) => text !== undefined)
        .map(text => text.toLowerCase());
    switch (condition.op) {
        case 'equals':
            return texts.includes(condition.values[0]);
        case 'in':
            return texts.some(text => condition.values.includes(text));
        case 'contains':
            return texts.some(text => condition.values.some(value => text.includes(value)));
        case 'not-in':
            return !texts.some(text => condition.values.includes(text));
    }
}
/** The client address without a port (`203.0.113.7:51234`, `[2001:db8::1]:443`). */
function clientIpOf(record) {
    const raw = firstText(record, ['clientIp']) ?? firstText(record, ['auditData', 'ClientIP']);
    if (!raw)
        return undefined;
    const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(raw);
    if (bracketed)
        return bracketed[1];
    const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
    return v4 ? v4[1] : raw;
}
function userOf(record) {
    return firstText(record, ['userPrincipalName']) ?? firstText(record, ['userId']);
}
function excluded(rule, record) {
    if (rule.excludeUsers.size > 0) {
        for (const path of [['userPrincipalName'], ['userId']]) {
            const user = firstText(record, path)?.toLowerCase();
            if (user && rule.excludeUsers.has(user))
                return true;
        }
    }
    if (rule.excludeIps) {
        const ip = clientIpOf(record);
        if (ip) {
            try {
                if (rule.excludeIps.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4'))
                    return true;
            }
            catch {
                // Not an address: nothing to exclude.
            }
        }
    }
    return false;
}
/** Whether the record is one the rule counts: its operation, record type, service, conditions, exclusions. */
function recordMatches(rule, record, operationChecked = false) {
    if (!operationChecked) {
        const operation = firstText(record, ['operation'])?.toLowerCase();
        if (!operation || !rule.operationSet.has(operation))
            return false;
    }
    if (rule.recordTypes && !rule.recordTypes.has(String(firstText(record, ['auditLogRecordType']) ?? '').toLowerCase()))
        return false;
    if (rule.services && !rule.services.has(String(firstText(record, ['service']) ?? '').toLowerCase()))
        return false;
    if (!rule.where.every(condition => conditionHolds(record, condition)))
        return false;
    return !excluded(rule, record);
}
/** The group a record counts in: the group-by values joined ('' for a rule without group-by). */
function groupOf(rule, record) {
    return rule.groupBy
        .map(path => {
        const isIp = path.length === 1 && path[0].toLowerCase() === 'clientip';
        const value = isIp ? clientIpOf(record) : firstText(record, path);
        return (value ?? '(none)').toLowerCase();
    })
        .join(' · ');
}
/** A short, fixed-length key for any text: snapshot keys stay small whatever the record holds. */
function shortHash(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('base64url').slice(0, 16);
}
/** What identifies a rule's learned state: a changed definition starts that rule afresh. */
function ruleFingerprint(rule) {
    return shortHash(JSON.stringify([rule.type, rule.groupBy, rule.threshold ?? null, rule.windowMs ?? null, rule.distinct ?? null, rule.value ?? null]));
}

;// CONCATENATED MODULE: ./src/rules/rule-state.ts

/**
 * The audit rules' evaluation state (kept in the snapshot under `audit.rules` and `audit.seen`), its
 * limits and what a firing carries. Types and constants only, shared by evaluation (rule-eval.ts) and
 * pruning (rule-prune.ts).
 */

/** Learned values not seen again for this long are forgotten (new-value baselines). */
const BASELINE_TTL_MS = 90 * 86_400_000;
/**
 * Bounds, sized from the snapshot's save budget (128 MiB of JSON, see snapshot/budget.ts): a new-value
 * group with a handful of values takes ~150 bytes, so 100,000 groups (a 100,000-user tenant) are ~15 MB;
 * a record id is remembered as ~30 bytes, so 2,000,000 ids (two days of a busy tenant) are ~60 MB.
 * Reaching a bound is warned about with the rule and the count (pruneRuleState's report).
 */
const MAX_EVENTS_PER_GROUP = 20_000;
const MAX_GROUPS_PER_RULE = 100_000;
const MAX_VALUES_PER_GROUP = 100;
/**
 * Record ids are remembered by time (for the event horizon: as long as any window can read a record again),
 * not by count; this is only a last resort against a flood, warned about when reached.
 */
const MAX_SEEN_RECORDS = 2_000_000;
/** Sample records on a card. */
const MAX_SAMPLES = 5;
function emptyRuleEvalState() {
    return { rules: Object.create(null), seen: Object.create(null) };
}

;// CONCATENATED MODULE: ./src/rules/rule-prune.ts

function pruneRuleState(state, rules, now, horizonMs = audit_ledger/* EVENT_HORIZON_MS */.Kg) {
    const report = { groups: new Map(), values: new Map(), seen: 0 };
    const oldest = now - horizonMs;
    const names = new Set(rules.map(rule => rule.name));
    for (const name of Object.keys(state.rules))
        if (!names.has(name))
            delete state.rules[name];
    for (const rule of rules) {
        const ruleState = state.rules[rule.name];
        // A rule not yet met by any harvest has nothing to prune (and must not make the harvest fail).
        if (!ruleState)
            continue;
        const ttl = rule.type === 'new-value' ? BASELINE_TTL_MS : horizonMs;
        for (const [gKey, group] of Object.entries(ruleState.g)) {
            if (group.t < now - ttl) {
                delete ruleState.g[gKey];
                continue;
            }
            if (group.r)
                group.r = group.r.filter(at => at >= oldest);
            if (group.v) {
                const values = Object.entries(group.v).filter(([, seen]) => seen >= now - BASELINE_TTL_MS);
                values.sort((a, b) => b[1] - a[1]);
                if (values.length > MAX_VALUES_PER_GROUP)
                    report.values.set(rule.name, (report.values.get(rule.name) ?? 0) + values.length - MAX_VALUES_PER_GROUP);
                group.v = Object.assign(Object.create(null), Object.fromEntries(values.slice(0, MAX_VALUES_PER_GROUP)));
            }
        }
        const groups = Object.entries(ruleState.g);
        if (groups.length > MAX_GROUPS_PER_RULE) {
            groups.sort((a, b) => b[1].t - a[1].t);
            report.groups.set(rule.name, groups.length - MAX_GROUPS_PER_RULE);
            ruleState.g = Object.assign(Object.create(null), Object.fromEntries(groups.slice(0, MAX_GROUPS_PER_RULE)));
        }
    }
    let seen = Object.entries(state.seen).filter(([, time]) => time >= oldest);
    if (seen.length > MAX_SEEN_RECORDS) {
        seen.sort((a, b) => b[1] - a[1]);
        report.seen = seen.length - MAX_SEEN_RECORDS;
        seen = seen.slice(0, MAX_SEEN_RECORDS);
    }
    state.seen = Object.assign(Object.create(null), Object.fromEntries(seen));
    return report;
}

;// CONCATENATED MODULE: ./src/rules/rule-eval.ts






/**
 * The pure core of the audit rules: harvested records in, firings out, with the state that carries
 * counts and learned values from one run to the next (kept in the snapshot under `audit.rules` and
 * `audit.seen`). Everything it keeps is bounded in count and age; see the limits below.
 */
function sampleOf(record, time) {
    return {
        time: new Date(time).toISOString(),
        user: (userOf(record) ?? '').slice(0, 200),
        operation: (firstText(record, ['operation']) ?? '').slice(0, 200),
        object: (firstText(record, ['objectId']) ?? '').slice(0, 500),
        clientIp: (clientIpOf(record) ?? '').slice(0, 100)
    };
}
/** Group keys are kept as written when short (they are shown), hashed when long. */
function groupKey(group) {
    return group.length <= 200 ? group : `#${shortHash(group)}`;
}
/** A new-value firing: stable per (rule, group, value), so the same value found again is one notice. */
function newValueFiring(rule, gKey, group, value, known, record, time) {
    return {
        id: `rule:${shortHash(`${rule.name}\n${gKey}\n${value}`)}`,
        rule,
        at: time,
        group,
        value,
        known,
        samples: [sampleOf(record, time)]
    };
}
/**
 * Gives every rule its state, afresh where the rule is new or its definition changed. A harvest calls it
 * before reading any record: a window with no record for a rule (rare-event rules see them for days) still
 * starts that rule's learning period and must leave a state the prune can walk.
 */
function ensureRuleStates(state, rules, windowStart) {
    for (const rule of rules) {
        const ruleState = state.rules[rule.name];
        const fingerprint = ruleFingerprint(rule);
        if (!ruleState || ruleState.f !== fingerprint)
            state.rules[rule.name] = { f: fingerprint, l: windowStart, g: Object.create(null) };
    }
}
/** A threshold rule counts the record in its group (and keeps a few recent samples for the card). */
function countForThreshold(run, rule, record, time, gKey) {
    const groupState = (run.state.rules[rule.name].g[gKey] ??= { t: time });
    groupState.t = Math.max(groupState.t, time);
    (groupState.e ??= []).push(time);
    if (rule.distinct)
        (groupState.d ??= []).push(shortHash(String(textOf(valuesAt(record, rule.distinct)[0]) ?? '').toLowerCase()));
    const pending = run.touched.get(rule) ?? new Map();
    run.touched.set(rule, pending);
    const entry = pending.get(gKey) ?? { samples: [] };
    pending.set(gKey, entry);
    entry.samples.push({ time, record });
    if (entry.samples.length > 4 * MAX_SAMPLES)
        entry.samples.splice(0, entry.samples.length - MAX_SAMPLES);
}
/** A new-value rule learns the record's value for its group, and fires when it is new after learn-for. */
function learnValue(run, rule, record, time, group, gKey) {
    const value = firstText(record, rule.value)?.toLowerCase().slice(0, 200);
    if (!value)
        return;
    const ruleState = run.state.rules[rule.name];
    const known = ruleState.g[gKey];
    const learning = time < (ruleState.l ?? run.windowStart) + (rule.learnForMs ?? 0);
    if (!known) {
        // A group first seen is learned: nothing to compare with. With new-groups: notify, its first value
        // after learn-for is a notice all the same (a dormant account, a user never seen signing in).
        // Null prototype: a value such as `__proto__` is learned like any other.
        ruleState.g[gKey] = { v: Object.assign(Object.create(null), { [value]: time }), t: time };
        if (rule.newGroups === 'notify' && !learning)
            run.firings.push(newValueFiring(rule, gKey, group, value, [], record, time));
        return;
    }
    known.t = Math.max(known.t, time);
    const values = (known.v ??= Object.create(null));
    if (Object.hasOwn(values, value)) {
        values[value] = Math.max(values[value], time);
        return;
    }
    if (!learning)
        run.firings.push(newValueFiring(rule, gKey, group, value, Object.keys(values).slice(0, 5), record, time));
    values[value] = time;
}
/** Applies one record to every rule it meets; true when any rule counted it. */
function applyRecord(run, candidates, record, id, time) {
    let counted = false;
    for (const rule of candidates) {
        if (!recordMatches(rule, record, true))
            continue;
        counted = true;
        run.hits.set(rule.name, (run.hits.get(rule.name) ?? 0) + 1);
        const group = groupOf(rule, record);
        const gKey = groupKey(group);
        if (rule.type === 'match')
            run.firings.push({ id: `rule:${shortHash(`${rule.name}\n${id}`)}`, rule, at: time, group, samples: [sampleOf(record, time)] });
        else if (rule.type === 'threshold')
            countForThreshold(run, rule, record, time, gKey);
        else
            learnValue(run, rule, record, time, group, gKey);
    }
    return counted;
}
/** Threshold firings of the groups this evaluation counted in, each with the samples of its burst. */
function thresholdFirings(run, oldest) {
    for (const [rule, groups] of run.touched) {
        for (const [gKey, pending] of groups) {
            const groupState = run.state.rules[rule.name].g[gKey];
            for (const at of fireTimes(groupState, rule, oldest)) {
                const inWindow = pending.samples.filter(s => s.time <= at && s.time >= at - rule.windowMs);
                const chosen = (inWindow.length > 0 ? inWindow : pending.samples).slice(-MAX_SAMPLES);
                run.firings.push({
                    id: `rule:${shortHash(`${rule.name}\n${gKey}\n${at}`)}`,
                    rule,
                    at,
                    group: gKey,
                    count: burstCount(groupState, rule, at),
                    samples: chosen.map(s => sampleOf(s.record, s.time))
                });
            }
        }
    }
}
/** Rules by operation: a record meets only the rules that name its operation. */
function rulesByOperation(rules) {
    const byOperation = new Map();
    for (const rule of rules)
        for (const op of rule.operationSet)
            byOperation.set(op, [...(byOperation.get(op) ?? []), rule]);
    return byOperation;
}
/**
 * Evaluates one harvested window's records against the rules. `windowStart` starts the learning period
 * of a new-value rule met for the first time. Records are streamed: only what a rule needs is kept.
 */
function evaluateRecords(state, rules, records, windowStart, now, horizonMs = audit_ledger/* EVENT_HORIZON_MS */.Kg, 
/** Prune the state afterwards (bounds and horizon); a harvest of many batches prunes after the last. */
pruneAfter = true) {
    const run = { state, firings: [], hits: new Map(), touched: new Map(), windowStart };
    let duplicates = 0;
    let skipped = 0;
    const oldest = now - horizonMs;
    ensureRuleStates(state, rules, windowStart);
    const byOperation = rulesByOperation(rules);
    for (const record of records) {
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
            skipped++;
            continue;
        }
        const id = textOf(record.id);
        const time = (0,model_alert/* timeOf */.nR)(textOf(record.createdDateTime));
        if (!id || Number.isNaN(time)) {
            skipped++;
            continue;
        }
        const operation = typeof record.operation === 'string' ? record.operation : firstText(record, ['operation']);
        const candidates = byOperation.get((operation ?? '').toLowerCase());
        if (!candidates)
            continue;
        if (time < oldest)
            continue; // older than anything a window asks for: cannot be counted reliably
        const key = shortHash(id);
        if (Object.hasOwn(state.seen, key)) {
            duplicates++;
            continue;
        }
        if (applyRecord(run, candidates, record, id, time))
            state.seen[key] = time;
    }
    thresholdFirings(run, oldest);
    if (pruneAfter)
        pruneRuleState(state, rules, now, horizonMs);
    return { firings: run.firings, hits: run.hits, duplicates, skipped };
}
/**
 * What the card reports: the largest count in any span of `window` that ends within one window after the
 * firing (a burst of 120 in ten minutes is told as 120, not as the 100 that reached the threshold).
 */
function burstCount(group, rule, at) {
    const times = group.e ?? [];
    const window = rule.windowMs;
    // Times are sorted: the count of a span is the distance between two binary searches.
    const firstAfter = (value) => {
        let low = 0;
        let high = times.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (times[middle] <= value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    const ends = [at, ...times.filter(time => time > at && time < at + window)];
    if (rule.distinct)
        return Math.max(...ends.slice(0, 200).map(end => countAt(group, rule, end)));
    return Math.max(...ends.map(end => firstAfter(end) - firstAfter(end - window - 1)));
}
/** Events (or distinct values) in [at − window, at]: both ends count ("100 within 10 minutes" includes minute 10). */
function countAt(group, rule, at) {
    const times = group.e ?? [];
    const from = at - rule.windowMs;
    if (!rule.distinct)
        return times.filter(time => time >= from && time <= at).length;
    const values = new Set();
    times.forEach((time, i) => {
        if (time >= from && time <= at)
            values.add(group.d?.[i] ?? '');
    });
    return values.size;
}
/**
 * New firing times for a group: the moments the count within any span of `window` reaches the
 * threshold, except those within one window of a firing already made (so a burst that goes on, or is
 * read across two query windows, or gains late records, is one notice per window, not many).
 */
function fireTimes(group, rule, oldest) {
    // Keep times sorted (with their distinct values alongside), newest MAX_EVENTS_PER_GROUP, within the horizon.
    const order = (group.e ?? []).map((time, i) => [time, group.d?.[i] ?? '']).filter(([time]) => time >= oldest);
    order.sort((a, b) => a[0] - b[0]);
    const kept = order.slice(-MAX_EVENTS_PER_GROUP);
    group.e = kept.map(([time]) => time);
    if (rule.distinct)
        group.d = kept.map(([, value]) => value);
    else
        delete group.d;
    const fired = (group.r ??= []);
    const window = rule.windowMs;
    const threshold = rule.threshold;
    const made = [];
    const counts = new Map();
    let left = 0;
    for (let right = 0; right < kept.length; right++) {
        const [time, value] = kept[right];
        counts.set(value, (counts.get(value) ?? 0) + 1);
        while (kept[left][0] < time - window) {
            const leaving = kept[left][1];
            const remaining = counts.get(leaving) - 1;
            if (remaining === 0)
                counts.delete(leaving);
            else
                counts.set(leaving, remaining);
            left++;
        }
        // Several events at the same instant: judge the span once all of them are in.
        if (right + 1 < kept.length && kept[right + 1][0] === time)
            continue;
        const count = rule.distinct ? counts.size : right - left + 1;
        if (count < threshold)
            continue;
        if (fired.some(at => Math.abs(at - time) < window))
            continue;
        fired.push(time);
        made.push(time);
    }
    fired.sort((a, b) => a - b);
    return made;
}

// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(8028);
;// CONCATENATED MODULE: ./src/rules/audit-queries.ts







function emptyReport(rules) {
    return { inFlight: 0, created: 0, createdToday: 0, harvested: 0, records: 0, hits: new Map(), rules, gaveUp: [] };
}
const BATCH = 5000;
function describeWindow(window) {
    return `${new Date(window.s).toISOString()} – ${new Date(window.e).toISOString()}`;
}
/** The operations any rule names, as the query's operationFilters (exact names, deduplicated). */
function queriedOperations(rules) {
    const seen = new Map();
    for (const rule of rules)
        for (const op of rule.operations)
            if (!seen.has(op.toLowerCase()))
                seen.set(op.toLowerCase(), op);
    return [...seen.values()];
}
/**
 * A match rule's firings of one harvested window, combined per rule and group (the user, by default): a
 * script that makes 5,000 inbox rules is one notice with the count and samples, not 5,000 notices queued
 * ahead of real alerts. The combined notice takes the id of its earliest record's firing (stable: those
 * records are known by id when read again). `combine: false` keeps one notice per record.
 */
function combineMatchFirings(firings) {
    const out = [];
    const combined = new Map();
    for (const firing of firings) {
        if (firing.rule.type !== 'match' || firing.rule.combine === false) {
            out.push(firing);
            continue;
        }
        const key = `${firing.rule.name}\n${firing.group}`;
        const seen = combined.get(key);
        if (!seen) {
            const first = { ...firing, count: 1, samples: [...firing.samples] };
            combined.set(key, first);
            out.push(first);
            continue;
        }
        seen.count = (seen.count ?? 1) + 1;
        if (firing.at < seen.at) {
            seen.at = firing.at;
            seen.id = firing.id;
        }
        if (seen.samples.length < 5)
            seen.samples.push(...firing.samples.slice(0, 5 - seen.samples.length));
    }
    return out;
}
function warnBounds(bounds) {
    for (const [rule, count] of bounds.groups)
        log/* warning */.$e(`Audit rule '${rule}': ${count} group(s) were forgotten to stay within ${MAX_GROUPS_PER_RULE.toLocaleString('en-US')} per rule (the least recently active first); a forgotten group seen again is learned afresh, without a notice unless the rule has new-groups: notify.`);
    for (const [rule, count] of bounds.values)
        log/* warning */.$e(`Audit rule '${rule}': ${count} learned value(s) were forgotten to stay within ${MAX_VALUES_PER_GROUP} per group.`);
    if (bounds.seen > 0)
        log/* warning */.$e(`Audit rules: ${bounds.seen} record id(s) were forgotten before their time to stay within ${MAX_SEEN_RECORDS.toLocaleString('en-US')}; a window read again may count those records twice.`);
}
/** Reads a succeeded query's records in batches and evaluates them; what was read counts even when the read stops. */
async function harvest({ client, state, options, report, firings: allFirings }, window) {
    const firings = [];
    let batch = [];
    const horizon = Math.max(audit_ledger/* EVENT_HORIZON_MS */.Kg, options.lookbackMs + 3_600_000);
    // Every rule gets its state now, records or not: an empty window is a harvest like any other.
    ensureRuleStates(state.r, options.rules, window.s);
    const flush = () => {
        if (batch.length === 0)
            return;
        const result = evaluateRecords(state.r, options.rules, batch, window.s, options.now(), horizon, false);
        firings.push(...result.firings);
        for (const [rule, count] of result.hits)
            report.hits.set(rule, (report.hits.get(rule) ?? 0) + count);
        report.records += batch.length;
        batch = [];
    };
    try {
        await readRecords(client, window.q, record => {
            batch.push(record);
            if (batch.length >= BATCH)
                flush();
        }, {
            resumeFrom: window.p,
            stopAt: options.deadline,
            onPage: next => {
                // Saved with the snapshot: a window too large for one run is read on where it stopped.
                if (next)
                    window.p = next;
                else
                    delete window.p;
            }
        });
    }
    finally {
        // What was read is counted even when the read stops: those records are known by id when read again.
        flush();
        allFirings.push(...combineMatchFirings(firings));
        warnBounds(pruneRuleState(state.r, options.rules, options.now(), horizon));
    }
}
/** A window the ledger should not hold (planted, or from a clock far off) is cut to what can be asked for. */
function trimLedger(ledger, start, reach) {
    ledger.windows = ledger.windows.filter(window => {
        window.e = Math.min(window.e, start);
        window.s = Math.max(window.s, reach);
        if (window.q !== undefined && !/^[A-Za-z0-9._:-]{1,200}$/.test(window.q))
            delete window.q;
        return window.s < window.e;
    });
}
/** A failed window: created again after a back-off, or given up (with a warning) after MAX_ATTEMPTS. */
function giveUpOrRetry({ state, options, report }, window, why) {
    const ledger = state.w;
    window.n++;
    delete window.q;
    delete window.c;
    delete window.p;
    if (window.n >= audit_ledger/* MAX_ATTEMPTS */.m) {
        ledger.windows = ledger.windows.filter(w => w !== window);
        report.gaveUp.push(describeWindow(window));
        log/* warning */.$e(`Audit log query for ${describeWindow(window)} failed ${window.n} times (last: ${why}); this window is given up and records only in it are not counted by the rules.`);
        return;
    }
    window.b = options.now() + (0,audit_ledger/* retryDelay */.a2)(window.n);
    log/* info */.pq(`Audit log query for ${describeWindow(window)}: ${why}; created again after ${(0,inputs/* shortDuration */.TV)(window.b - options.now())}.`);
}
/** Harvests a succeeded query; 'stop' when the run's time budget ended the read. */
async function harvestSucceeded(run, window, limitExceeded) {
    const ledger = run.state.w;
    try {
        await harvest(run, window);
    }
    catch (error) {
        if (error instanceof http/* ExchangeCancelled */.dH || error instanceof graph_client.ClockSkewError)
            throw error;
        if (error instanceof graph_client.PagingStopped) {
            log/* info */.pq(`Audit log query for ${describeWindow(window)}: reading stopped at the run's time budget; the next run reads it again.`);
            return 'stop';
        }
        if (error instanceof graph_client.GraphError && (error.status === 401 || error.status === 403))
            throw error;
        if (window.p && error instanceof graph_client.GraphError && error.status !== undefined && error.status < 500) {
            // The saved page link expired: read the window from its first page (records read are known by id).
            delete window.p;
            log/* info */.pq(`Audit log query for ${describeWindow(window)}: the saved page link is no longer valid; reading from the start next run.`);
            return 'next';
        }
        giveUpOrRetry(run, window, `its records could not be read (${error.message})`);
        return 'next';
    }
    ledger.windows = ledger.windows.filter(w => w !== window);
    run.report.harvested++;
    if (limitExceeded) {
        // Part of the window's records were left out: read it again as two halves.
        const middle = Math.floor((window.s + window.e) / 2);
        if (window.e - window.s > 2 * 60_000) {
            ledger.windows.push({ s: window.s, e: middle, k: window.k, n: 0 }, { s: middle, e: window.e, k: window.k, n: 0 });
        }
        log/* warning */.$e(`Audit log query for ${describeWindow(window)} reached its record limit (isRecordCountLimitExceeded); the window is read again in two halves.`);
    }
    return 'next';
}
/** Queries in flight, oldest window first: poll; harvest those that succeeded. */
async function pollQueries(run) {
    const { client, state, options } = run;
    for (const window of [...state.w.windows].filter(w => w.q).sort((a, b) => a.s - b.s)) {
        if (options.now() >= options.deadline)
            break;
        const status = await getQuery(client, window.q);
        if ('missing' in status) {
            giveUpOrRetry(run, window, 'the query is gone (HTTP 404)');
            continue;
        }
        if ('failed' in status) {
            log/* info */.pq(`Audit log query for ${describeWindow(window)} could not be polled (${status.failed}); asked again next run.`);
            continue;
        }
        if (status.status === 'succeeded') {
            if ((await harvestSucceeded(run, window, Boolean(status.limitExceeded))) === 'stop')
                break;
        }
        else if (status.status === 'failed' || status.status === 'cancelled') {
            giveUpOrRetry(run, window, `the query ended as ${status.status}`);
        }
        else if (options.now() - (window.c ?? 0) > audit_ledger/* STUCK_AFTER_MS */.v2) {
            giveUpOrRetry(run, window, `the query is still ${status.status} after ${(0,inputs/* shortDuration */.TV)(audit_ledger/* STUCK_AFTER_MS */.v2)}`);
        }
    }
}
/** Every window waiting for a query waits at least until `until` (nothing is lost; the frontiers do not move on). */
function holdWaiting(ledger, until) {
    for (const waiting of ledger.windows)
        if (!waiting.q)
            waiting.b = Math.max(waiting.b ?? 0, until);
}
/** Creates the queries of the windows due, oldest first, within the concurrency cap and the daily budget. */
async function createQueries(run) {
    const { client, state, options, report } = run;
    const ledger = state.w;
    const operations = queriedOperations(options.rules);
    if (options.createQueries === false) {
        log/* info */.pq('Dry run: audit log queries in flight are read, but no new query is created (nothing would be saved).');
        return;
    }
    for (const window of ledger.windows.filter(w => !w.q).sort((a, b) => a.s - b.s)) {
        if (options.now() >= options.deadline)
            break;
        if (ledger.windows.filter(w => w.q).length >= audit_ledger/* MAX_IN_FLIGHT */.uK)
            break;
        if (window.b !== undefined && window.b > options.now())
            continue;
        const freesAt = (0,audit_ledger/* budgetFreesAt */.eV)(ledger, options.now());
        if (freesAt !== undefined) {
            // Our own daily budget: waiting windows wait.
            holdWaiting(ledger, freesAt);
            log/* info */.pq(`Audit log queries: ${audit_ledger/* MAX_CREATES_PER_DAY */.U8} created in the last 24 h (this action's daily budget); the next is created after ${new Date(freesAt).toISOString()}.`);
            break;
        }
        const result = await createQuery(client, { start: window.s, end: window.e }, operations, `m365-alerts-to-teams ${window.k} ${describeWindow(window)}`);
        if ('deferMs' in result) {
            // The tenant's search slots are full: every waiting window waits, nothing is retried now.
            const until = options.now() + Math.max(60_000, result.deferMs);
            holdWaiting(ledger, until);
            report.deferredUntil = until;
            log/* info */.pq(`Audit log query API answered 429 (too many searches); new queries wait until ${new Date(until).toISOString()}.`);
            break;
        }
        if ('failed' in result) {
            // Counted against the budget all the same: the service may have made the query before failing.
            (0,audit_ledger/* recordCreation */.x8)(ledger, options.now());
            giveUpOrRetry(run, window, result.failed);
            continue;
        }
        window.q = result.created;
        window.c = options.now();
        (0,audit_ledger/* recordCreation */.x8)(ledger, options.now());
        report.created++;
    }
}

;// CONCATENATED MODULE: ./src/rules/audit.ts








const RULE_SERVICE_SOURCE = 'auditLogRule';
const PURVIEW_AUDIT_SEARCH = 'https://purview.microsoft.com/audit/auditsearch';
/** Records a harvest hands to the rules at a time (pages are evaluated as they arrive). */
function newAuditState(now, lookbackMs) {
    return { w: (0,audit_ledger/* newLedger */.EZ)(now, lookbackMs), r: emptyRuleEvalState(), o: Object.create(null), t: Object.create(null) };
}
function hitOf(firing) {
    const rule = firing.rule;
    return {
        rule: rule.name,
        type: rule.type,
        group: firing.group,
        groupBy: rule.groupBy.map(path => path.join('.')).join(' + '),
        count: firing.count,
        threshold: rule.threshold,
        windowMs: rule.windowMs,
        distinct: rule.distinct?.join('.'),
        value: firing.value,
        valueField: rule.value?.join('.'),
        known: firing.known,
        operations: rule.operations.slice(0, 20),
        samples: firing.samples.slice(0, 5)
    };
}
/** The alert-like face of a firing: what digests, routes, outputs and the report read. */
function ruleAlert(firing, hit, now) {
    const who = hit.group && hit.group !== '(none)' ? hit.group : '';
    const what = hit.type === 'threshold'
        ? `${hit.count} ${hit.distinct ? `distinct ${hit.distinct}` : 'events'} in ${(0,inputs/* shortDuration */.TV)(hit.windowMs)}${who ? ` by ${who}` : ''}`
        : hit.type === 'new-value'
            ? `new ${hit.valueField} ${hit.value}${who ? ` for ${who}` : ''}`
            : `${(hit.count ?? 1) > 1 ? `${hit.count} × ` : ''}${hit.samples[0]?.operation ?? 'activity'}${hit.samples[0]?.user ? ` by ${hit.samples[0].user}` : ''}`;
    return {
        id: firing.id,
        title: `${hit.rule}: ${what}`.slice(0, 400),
        severity: firing.rule.severity,
        status: 'new',
        serviceSource: RULE_SERVICE_SOURCE,
        category: `audit log ${hit.type} rule`,
        createdDateTime: new Date(firing.at).toISOString(),
        lastUpdateDateTime: new Date(now).toISOString(),
        alertWebUrl: PURVIEW_AUDIT_SEARCH
    };
}
function noticeOf(owed) {
    return { kind: 'new', alert: owed.a, rule: owed.h };
}
/**
 * Polls, harvests and creates queries within the deadline. State changes as work is done, so what a run
 * cut short (deadline, cancellation, an API error) already did is kept: records already counted are
 * recognised by id when their window is read again.
 */
async function runAudit(previous, client, options) {
    const start = options.now();
    const state = previous ?? newAuditState(start, options.lookbackMs);
    const run = { client, state, options, report: emptyReport(options.rules.map(rule => rule.name)), firings: [] };
    const reach = start - Math.max(audit_ledger/* EVENT_HORIZON_MS */.Kg, options.lookbackMs);
    trimLedger(state.w, start, reach);
    try {
        await pollQueries(run);
        // Plan the windows now due (after the polls: their answers have checked the clock), then create their queries.
        (0,audit_ledger/* planWindows */.pr)(state.w, options.now(), reach);
        await createQueries(run);
    }
    catch (error) {
        if (error instanceof http/* ExchangeCancelled */.dH || error instanceof graph_client.ClockSkewError)
            throw error;
        if (error instanceof AuditApiError || error instanceof graph_client.GraphError)
            run.report.error = error.message;
        else
            throw error;
    }
    run.report.inFlight = state.w.windows.filter(w => w.q).length;
    run.report.createdToday = (0,audit_ledger/* createdToday */.OE)(state.w, options.now());
    let newCount = 0;
    for (const firing of run.firings) {
        if (Object.hasOwn(state.o, firing.id) || Object.hasOwn(state.t, firing.id))
            continue;
        const hit = hitOf(firing);
        state.o[firing.id] = { a: ruleAlert(firing, hit, start), h: hit };
        newCount++;
    }
    return { state, notices: Object.values(state.o).map(noticeOf), newCount, report: run.report };
}
/** No rules any more, but notices still owed: they are posted all the same; nothing else runs. */
function carryAudit(state, now) {
    return {
        state,
        notices: Object.values(state.o).map(noticeOf),
        newCount: 0,
        report: {
            inFlight: 0,
            created: 0,
            createdToday: (0,audit_ledger/* createdToday */.OE)(state.w, now),
            harvested: 0,
            records: 0,
            hits: new Map(),
            rules: [],
            gaveUp: []
        }
    };
}


/***/ })

};

//# sourceMappingURL=880.index.js.map