export const id = 913;
export const ids = [913,760,561];
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

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchIncidents: () => (/* binding */ fetchIncidents)
/* harmony export */ });
/* harmony import */ var _incidents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4379);
/* harmony import */ var _graph_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2561);


/**
 * group-by: incident: the incidents updated since the alerts' window start, in one paged listing
 * (never one request per incident). Needs SecurityIncident.Read.All besides SecurityAlert.Read.All.
 */
async function fetchIncidents(graphEndpoint, since, options) {
    const url = new URL(`${graphEndpoint}/v1.0/security/incidents`);
    url.searchParams.set('$filter', `lastUpdateDateTime ge ${new Date(since).toISOString()}`);
    url.searchParams.set('$top', '50');
    try {
        const { items, requests } = await (0,_graph_client_js__WEBPACK_IMPORTED_MODULE_1__.getAllPages)(url.toString(), options, _incidents_js__WEBPACK_IMPORTED_MODULE_0__.checkIncident);
        return { incidents: new Map(items.map(incident => [incident.id, incident])), requests };
    }
    catch (error) {
        if (error instanceof _graph_client_js__WEBPACK_IMPORTED_MODULE_1__.GraphError && error.status === 403) {
            throw new _graph_client_js__WEBPACK_IMPORTED_MODULE_1__.GraphError(`Microsoft Graph denied access to security incidents (HTTP 403). group-by: incident needs the application permission SecurityIncident.Read.All, with admin consent, besides SecurityAlert.Read.All (App registrations → API permissions → Add → Microsoft Graph → Application permissions → SecurityIncident.Read.All → Grant admin consent), or use group-by: alert.`, 403);
        }
        throw error;
    }
}


/***/ }),

/***/ 4379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkIncident: () => (/* binding */ checkIncident),
/* harmony export */   incidentSignature: () => (/* binding */ incidentSignature),
/* harmony export */   planIncidents: () => (/* binding */ planIncidents)
/* harmony export */ });
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);

/**
 * group-by: incident. Pure: the alert-level delta stays as it is (alerts are told, owed and retried one
 * by one, so switching group-by either way posts nothing already told); this layer regroups its notices
 * into one story per incident and adds the incident's own follow-ups (resolved, reopened, escalated,
 * assigned, merged), from Graph's /security/incidents.
 */
function incidentSignature(incident) {
    return [incident.status, incident.severity, incident.assignedTo, incident.classification, incident.determination]
        .map(v => (typeof v === 'string' ? v : ''))
        .join('|');
}
const TEXT_FIELDS = [
    'displayName',
    'status',
    'severity',
    'assignedTo',
    'classification',
    'determination',
    'incidentWebUrl',
    'redirectIncidentId',
    'lastUpdateDateTime',
    'createdDateTime'
];
/** Incidents are hostile data too: a usable id, text fields of the right type and bounded, nothing else. */
function checkIncident(raw) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return undefined;
    const item = raw;
    const id = typeof item.id === 'number' ? String(item.id) : item.id;
    if (typeof id !== 'string' || id === '' || id.length > 200)
        return undefined;
    const incident = { id };
    for (const field of TEXT_FIELDS) {
        const value = item[field];
        if (typeof value === 'string')
            incident[field] = value.slice(0, field === 'displayName' ? 500 : 2000);
        else if (typeof value === 'number' && field === 'redirectIncidentId')
            incident[field] = String(value);
    }
    return incident;
}
/** The stand-in alert an incident notice is routed, sorted and listed in digests by. */
function standIn(incident, alerts) {
    const first = alerts[0]?.alert;
    return {
        id: `incident:${incident.id}`,
        title: incident.displayName || `Incident ${incident.id}`,
        severity: incident.severity ?? first?.severity,
        status: incident.status,
        serviceSource: first?.serviceSource,
        alertWebUrl: incident.incidentWebUrl ?? first?.incidentWebUrl,
        incidentWebUrl: incident.incidentWebUrl ?? first?.incidentWebUrl,
        createdDateTime: incident.createdDateTime ?? first?.createdDateTime
    };
}
/** An incident known only from its alerts (no detail fetched): enough for a card. */
function fromAlerts(id, alerts) {
    const worst = [...alerts].sort((a, b) => (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.alert.severity) - (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.alert.severity))[0]?.alert;
    // Named after its most severe alert, as the portal does before an analyst renames it.
    const name = worst
        ? `${String(worst.title || worst.id).slice(0, 300)}${alerts.length > 1 ? ` and ${alerts.length - 1} more` : ''}`
        : `Incident ${id}`;
    return {
        id,
        displayName: name,
        status: 'active',
        severity: worst?.severity ?? null,
        incidentWebUrl: alerts[0]?.alert.incidentWebUrl ?? null
    };
}
/** Follows merges (redirected → target) from the newest information; stops at loops and long chains. */
function resolveTarget(id, lookup) {
    let current = id;
    for (let hop = 0; hop < 5; hop++) {
        const incident = lookup(current);
        if (incident?.status !== 'redirected' || !incident.redirectIncidentId || incident.redirectIncidentId === current)
            break;
        current = incident.redirectIncidentId;
    }
    return current;
}
function changesOf(before, incident) {
    const [status, severity, assignedTo] = before.split('|');
    const lines = [];
    let kind;
    if ((incident.status ?? '') !== status) {
        lines.push(`Status: ${status || 'none'} → ${incident.status || 'none'}`);
        kind = incident.status === 'resolved' ? 'resolved' : 'updated';
    }
    if ((0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(incident.severity) > (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(severity)) {
        lines.push(`Severity: ${severity || 'none'} → ${incident.severity}`);
        kind ??= 'updated';
    }
    if ((incident.assignedTo ?? '') !== assignedTo && incident.assignedTo) {
        lines.push(`Assigned to: ${assignedTo || 'nobody'} → ${incident.assignedTo}`);
        kind ??= 'updated';
    }
    return { lines, kind, posted: lines.length > 0 };
}
/** The alert notices by the incident they belong to (merges followed); the rest stay alert notices or are told silently. */
function groupByIncident(alertNotices, lookup) {
    const notices = [];
    const silent = [];
    const groups = new Map();
    for (const notice of alertNotices) {
        const incidentId = typeof notice.alert.incidentId === 'string' && notice.alert.incidentId ? notice.alert.incidentId : undefined;
        if (!incidentId || notice.kind === 'reminder') {
            // Alerts without an incident stay alert cards; reminders keep their digest of open alerts.
            notices.push(notice);
        }
        else if (notice.kind === 'new') {
            const target = resolveTarget(incidentId, lookup);
            groups.set(target, [...(groups.get(target) ?? []), notice]);
        }
        else {
            // The incident tells the story now: an alert's own follow-up is recorded, not posted.
            silent.push(notice);
        }
    }
    return { notices, silent, groups };
}
function planIncidents(alertNotices, fetched, stored, settings, now) {
    const told = stored ?? {};
    const base = Object.create(null);
    for (const id in told)
        base[id] = told[id];
    const lookup = (id) => fetched.get(id) ?? (Object.hasOwn(told, id) ? told[id].a : undefined);
    const { notices, silent, groups } = groupByIncident(alertNotices, lookup);
    const handled = new Set();
    for (const [id, alerts] of groups) {
        handled.add(id);
        const incident = lookup(id) ?? fromAlerts(id, alerts);
        const record = { s: incidentSignature(incident), u: (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .timeOf */ .nR)(incident.lastUpdateDateTime) || now };
        const before = Object.hasOwn(told, id) ? told[id] : undefined;
        const titles = alerts.slice(0, 3).map(n => String(n.alert.title ?? n.alert.id).slice(0, 120));
        const changes = before
            ? [
                `+${alerts.length} alert${alerts.length === 1 ? '' : 's'}: ${titles.join(' · ')}${alerts.length > 3 ? ` · +${alerts.length - 3} more` : ''}`
            ]
            : [];
        if (before)
            changes.push(...changesOf(before.s, incident).lines);
        // teams-delivery: bot: the incident's card is edited and replied to, and its message kept.
        if (before?.m)
            record.m = before.m;
        notices.push({
            kind: before ? 'updated' : 'new',
            alert: standIn(incident, alerts),
            incident: { incident, alerts, changes, record },
            ...(before?.m ? { messages: before.m } : {})
        });
    }
    // The incidents' own changes: only for incidents the channel was told about.
    const candidates = new Map();
    for (const id in told)
        if (told[id].a)
            candidates.set(id, told[id].a);
    for (const [id, incident] of fetched)
        if (Object.hasOwn(told, id))
            candidates.set(id, incident);
    for (const [id, incident] of candidates) {
        if (handled.has(id))
            continue;
        const before = told[id];
        const record = { s: incidentSignature(incident), u: (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .timeOf */ .nR)(incident.lastUpdateDateTime) || before.u, r: before.r };
        if (before.m)
            record.m = before.m;
        const messages = before.m ? { messages: before.m } : {};
        const target = incident.status === 'redirected' ? (incident.redirectIncidentId ?? undefined) : undefined;
        if (target && before.r !== target) {
            // Merged: one notice; later notices follow the target incident.
            record.r = target;
            const story = { incident, alerts: [], changes: [`Merged into incident #${target}`], record };
            notices.push({ kind: 'updated', alert: standIn(incident, []), incident: story, ...messages });
            base[id] = { ...before, a: incident };
            // The target carries the story on: it is told from now on (its alerts already told are not posted again).
            const merged = lookup(target);
            if (merged && !Object.hasOwn(base, target))
                base[target] = { s: incidentSignature(merged), u: (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .timeOf */ .nR)(merged.lastUpdateDateTime) || now };
            continue;
        }
        if (record.s === before.s)
            continue;
        const change = changesOf(before.s, incident);
        const belowBar = (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(incident.severity) !== -1 && (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(incident.severity) < (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(settings.minSeverity);
        if (change.kind && change.posted && !belowBar && settings.notifyOn.includes(change.kind)) {
            notices.push({
                kind: change.kind,
                alert: standIn(incident, []),
                incident: { incident, alerts: [], changes: change.lines, record },
                ...messages
            });
            base[id] = { ...before, a: incident };
        }
        else {
            // Not worth a card (classification only, or notify-on leaves it out): recorded as told.
            base[id] = record;
        }
    }
    return { notices, silent, base };
}


/***/ })

};

//# sourceMappingURL=913.index.js.map