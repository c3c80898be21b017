export const id = 938;
export const ids = [938,955,336];
export const modules = {

/***/ 2938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  showOpenAlerts: () => (/* binding */ showOpenAlerts)
});

// EXTERNAL MODULE: ./src/alerts/delta.ts + 2 modules
var delta = __webpack_require__(1895);
// EXTERNAL MODULE: ./src/delivery/cards/cards.ts + 2 modules
var cards = __webpack_require__(4470);
// EXTERNAL MODULE: ./src/delivery/cards/board-card.ts
var board_card = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/delivery/destinations.ts
var delivery_destinations = __webpack_require__(2955);
// EXTERNAL MODULE: ./src/delivery/channels/index.ts + 4 modules
var channels = __webpack_require__(1891);
// EXTERNAL MODULE: ./src/runtime/log.ts
var log = __webpack_require__(390);
// EXTERNAL MODULE: ./src/model/alert.ts
var model_alert = __webpack_require__(2119);
;// CONCATENATED MODULE: ./src/model/board.ts
/** Rows a board or digest lists before "and N more". */
const BOARD_ROWS = 15;

;// CONCATENATED MODULE: ./src/board/open-set.ts


/**
 * The open set, from the snapshot the action keeps (no extra Graph listing): alerts the channel was told
 * about, not resolved, with the copy a board row needs. An alert closed in the portal while no run saw it
 * leaves when Graph reports it resolved, or when it falls out of the snapshot's retention. Pure.
 */
/** Assignee from a state signature (status|severity|classification|determination|assignedTo). */
const assigneeOf = (signature) => signature.split('|')[4] ?? '';
const severityOf = (signature) => signature.split('|')[1] ?? '';
/** The channels an entry's card went to: with routes `d` names them; without, the default channel. */
function channelsOf(entry) {
    return entry.d ? Object.keys(entry.d) : ['default'];
}
/** A row from an entry's copy; the copy's fields are read as text whatever the snapshot holds (it may be planted). */
function rowOf(entry) {
    const copy = entry.c;
    if (!copy)
        return undefined;
    const text = (value) => (typeof value === 'string' ? value : '');
    return {
        title: text(copy.title).slice(0, 200),
        severity: severityOf(entry.s) || text(copy.severity),
        serviceSource: text(copy.serviceSource),
        status: (0,model_alert/* statusOfSignature */.MR)(entry.s),
        assignedTo: assigneeOf(entry.s),
        createdAt: typeof copy.created === 'string' ? Date.parse(copy.created) : Number.NaN,
        alertWebUrl: text(copy.alertWebUrl)
    };
}
const count = (into, key) => (into[key] = (into[key] ?? 0) + 1);
/** Counts with their keys in order: the board's content (and its hash) must not depend on the snapshot's order. */
const sorted = (counts) => Object.assign(Object.create(null), Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
/** What one channel's board (or digest) shows at `now`. */
function boardContent(snapshot, channel, now, lookbackMs) {
    const rows = [];
    const bySeverity = Object.create(null);
    for (const id in snapshot.alerts) {
        const entry = snapshot.alerts[id];
        if (entry.n === undefined || (0,model_alert/* statusOfSignature */.MR)(entry.s) === 'resolved' || !channelsOf(entry).includes(channel))
            continue;
        const row = rowOf(entry);
        if (!row)
            continue;
        rows.push(row);
        count(bySeverity, row.severity.toLowerCase() || 'unknown');
    }
    // Oldest first (unknown ages last), then most severe, then by title: a stable order.
    rows.sort((a, b) => (Number.isNaN(a.createdAt) ? Infinity : a.createdAt) - (Number.isNaN(b.createdAt) ? Infinity : b.createdAt) ||
        (0,model_alert/* severityRank */.qs)(b.severity) - (0,model_alert/* severityRank */.qs)(a.severity) ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    const incidentsBySeverity = Object.create(null);
    for (const id in snapshot.incidents ?? {}) {
        const [status, severity] = snapshot.incidents[id].s.split('|');
        if (status && status !== 'resolved' && status !== 'redirected')
            count(incidentsBySeverity, (severity || 'unknown').toLowerCase());
    }
    const rules = Object.create(null);
    for (const [at, rule, where] of snapshot.ruleLog ?? [])
        if (at > now - 86_400_000 && where === channel)
            count(rules, rule);
    return {
        channel,
        bySeverity: sorted(bySeverity),
        incidentsBySeverity: sorted(incidentsBySeverity),
        rows: rows.slice(0, BOARD_ROWS),
        total: rows.length,
        rules: sorted(rules),
        lookbackMs,
        refreshedAt: now
    };
}
/** What counts as a change of the board: everything but the refresh time (and the rows' ages, which follow from it). */
function boardHash(content) {
    const { refreshedAt: _refreshed, ...rest } = content;
    return JSON.stringify(rest);
}

;// CONCATENATED MODULE: ./src/board/schedule.ts
/**
 * When the daily digest is due: the first run at or after the set local time each day, in the set IANA
 * time zone. Local dates and times come from Intl (the runtime's time zone database), so daylight saving
 * time is the zone's own: on a day a local time occurs twice the digest is still posted once (the day
 * is recorded), and on a day it does not occur the first run after it posts. Pure.
 */
function localDayAndMinutes(now, zone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23'
    })
        .formatToParts(new Date(now))
        .map(part => [part.type, part.value]));
    return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
/** The local day whose digest is due now, or undefined (not yet the time, or already posted today). */
function digestDue(now, time, lastDay) {
    const { day, minutes } = localDayAndMinutes(now, time.zone);
    if (minutes < time.minutes)
        return undefined;
    // A day recorded later than today (a clock set back) does not block it either: only today's counts.
    return lastDay === day ? undefined : day;
}

;// CONCATENATED MODULE: ./src/board/board-step.ts








function planFor(content, heading, label, settings) {
    const drawn = {
        notices: [],
        board: (0,board_card/* fitBoard */.gP)(content, heading, settings.portalHosts),
        digestHeading: heading,
        portalHosts: settings.portalHosts
    };
    return { kind: 'board', card: cards.RENDERERS.board.adaptive(drawn), ...drawn, label };
}
async function updateBoard(channel, destination, content, snapshot, settings, context) {
    const hash = boardHash(content);
    const stored = snapshot.boards?.[destination.name];
    // A stored board message is used only in its own channel, with a plain id (a planted one is not).
    const ref = (0,channels.refInChannel)(stored?.m, destination.channelId) ? stored.m : undefined;
    if (ref && stored.h === hash)
        return false; // nothing changed: the board is not touched
    const plan = planFor(content, (0,board_card/* boardHeading */.bY)(content, false), `open-alerts board [${destination.name}]`, settings);
    if (ref) {
        const edited = await channel.update(ref, plan, context);
        if (edited.delivered) {
            (snapshot.boards ??= Object.create(null))[destination.name] = { m: ref, h: hash };
            return true;
        }
        if (!edited.missing) {
            log/* warning */.$e(`Open-alerts board [${destination.name}]: not updated (${edited.error}); the next run tries again.`);
            return false;
        }
        log/* info */.pq(`Open-alerts board [${destination.name}]: the board message is gone from Teams; a new one is posted.`);
    }
    const [posted] = await channel.post([plan], context);
    if (!posted.delivered || !posted.message) {
        log/* warning */.$e(`Open-alerts board [${destination.name}]: not posted (${posted.error}); the next run tries again.`);
        return false;
    }
    (snapshot.boards ??= Object.create(null))[destination.name] = { m: posted.message, h: hash };
    return true;
}
async function postDigest(channel, destination, content, snapshot, settings, context, day) {
    const days = (snapshot.digestDays ??= Object.create(null));
    if (content.total === 0 && settings.openAlertsDigestEmpty === 'skip') {
        // Nothing open: no card (open-alerts-digest-empty: skip), and today's digest is done.
        days[destination.name] = day;
        return false;
    }
    const plan = planFor(content, (0,board_card/* boardHeading */.bY)(content, true), `daily digest [${destination.name}]`, settings);
    const [posted] = await channel.post([plan], context);
    if (!posted.delivered) {
        log/* warning */.$e(`Daily digest [${destination.name}]: not posted (${posted.error}); the next run tries again.`);
        return false;
    }
    days[destination.name] = day;
    return true;
}
async function showOpenAlerts(settings, snapshot, delivery, context, now) {
    const outcome = { boardUpdated: false, digestPosted: false };
    if (!settings.openAlertsBoard && !settings.openAlertsDigest)
        return outcome;
    if (delivery.mode !== 'post') {
        log/* info */.pq('Open-alerts board and digest: posted only when cards are posted (not in a dry run or a local trial).');
        return outcome;
    }
    const needs = await delivery.channelNeeds();
    const postContext = {
        intervalMs: 0,
        deadline: context.startedAt + settings.maxRunTimeMs,
        signal: context.signal,
        policy: (0,channels.retryPolicyFor)(settings),
        onRetry: channels.logRetry
    };
    const lookbackMs = Math.max(delta/* RETENTION_MS */.wq, settings.lookbackMs);
    const destinations = [(0,delivery_destinations.destinationOf)(undefined, settings), ...settings.routes.map(route => (0,delivery_destinations.destinationOf)(route, settings))];
    for (const destination of destinations.filter(d => (0,channels.addressOf)(d) !== undefined)) {
        const channel = (0,channels.channelFor)(destination, needs);
        const content = boardContent(snapshot, destination.name, now, lookbackMs);
        if (settings.openAlertsBoard && (await updateBoard(channel, destination, content, snapshot, settings, postContext)))
            outcome.boardUpdated = true;
        const day = settings.openAlertsDigest && digestDue(now, settings.openAlertsDigest, snapshot.digestDays?.[destination.name]);
        if (day && (await postDigest(channel, destination, content, snapshot, settings, postContext, day)))
            outcome.digestPosted = true;
    }
    return outcome;
}


/***/ }),

/***/ 2955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO_ROUTE_ERROR: () => (/* binding */ NO_ROUTE_ERROR),
/* harmony export */   destinationOf: () => (/* binding */ destinationOf),
/* harmony export */   planDeliveries: () => (/* binding */ planDeliveries)
/* harmony export */ });
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);
/* harmony import */ var _routes_route_match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(563);
/* harmony import */ var _cards_cards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4470);



const NO_ROUTE_ERROR = 'matches no route and teams-webhook-url is empty: add a route without filters (a catch-all) or set teams-webhook-url';
/**
 * With routes, a follow-up (updated, resolved, reminder) goes to every channel that has the alert's card,
 * not where the alert's current severity would route it, and only where that channel was not told this
 * state yet (a channel that took it in an earlier, partly failed run is not told twice). A channel the
 * alert now routes to that never had its card (an escalation to high) gets it as a new card. Each
 * channel's copy is its own notice (`of` the original), so each is delivered, or owed, on its own.
 */
function channelCopies(notice, routes) {
    const current = (0,_routes_route_match_js__WEBPACK_IMPORTED_MODULE_1__/* .routeFor */ .nR)(routes, notice.alert);
    const currentName = current?.name ?? 'default';
    // Only the channel and what it was told change: the copy is about the same alert, incident or rule.
    const copy = (route, channel, changes = {}) => ({
        route,
        notice: { ...notice, ...changes, channel, of: notice }
    });
    const seen = notice.seenIn;
    if (!seen || notice.kind === 'new')
        return [copy(current, currentName)];
    const signature = (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .stateSignature */ .cd)(notice.alert);
    const copies = [];
    for (const name of Object.keys(seen)) {
        const route = routes.find(r => r.name === name);
        if (name !== 'default' && !route)
            continue; // the route was removed: its channel is not told any more
        if (notice.kind !== 'reminder' && seen[name] === signature)
            continue;
        copies.push(copy(route, name));
    }
    // A resolved alert is not news to a channel that never had it: only an open one is brought there.
    const open = notice.kind !== 'resolved' && String(notice.alert.status ?? '').toLowerCase() !== 'resolved';
    if (!Object.hasOwn(seen, currentName) && notice.kind !== 'reminder' && open)
        copies.push(copy(current, currentName, { kind: 'new', previousSignature: undefined }));
    return copies.length > 0 ? copies : [copy(current, currentName)];
}
/** Where a route (or, undefined, the default channel) delivers: its webhook, or its channel through the bot. */
function destinationOf(route, settings) {
    if (settings.bot)
        return { name: route?.name ?? 'default', channelId: route ? route.channel : settings.bot.channel, kind: 'bot' };
    if (route)
        return { name: route.name, url: route.webhookUrl, kind: route.webhookKind ?? 'workflows' };
    return {
        name: 'default',
        url: settings.webhookUrl,
        kind: settings.webhookKind === 'legacy-connector' ? 'legacy-connector' : 'workflows'
    };
}
function planDeliveries(notices, settings) {
    const byRoute = new Map();
    for (const original of notices) {
        // Without routes there is one channel: nothing to copy. With routes, every alert notice has a copy per
        // channel; incident and rule notices go by their current route, as before.
        const copies = settings.routes.length === 0
            ? [{ route: undefined, notice: original }]
            : original.incident || original.rule
                ? [{ route: (0,_routes_route_match_js__WEBPACK_IMPORTED_MODULE_1__/* .routeFor */ .nR)(settings.routes, original.alert), notice: original }]
                : channelCopies(original, settings.routes);
        for (const { route, notice } of copies) {
            const list = byRoute.get(route);
            if (list)
                list.push(notice);
            else
                byRoute.set(route, [notice]);
        }
    }
    const ordered = [...settings.routes, undefined].filter(route => byRoute.has(route));
    return ordered.map(route => {
        const destination = destinationOf(route, settings);
        const plans = (0,_cards_cards_js__WEBPACK_IMPORTED_MODULE_2__.planCards)(byRoute.get(route), settings.maxCards, settings.remindAfterMs, settings.portalHosts);
        // With routes, say which channel a card is for (a name, never the URL).
        if (settings.routes.length > 0) {
            for (const plan of plans) {
                plan.label = `[${destination.name}] ${plan.label}`;
                plan.channel = destination.name;
            }
        }
        return { destination, plans };
    });
}


/***/ }),

/***/ 563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HA: () => (/* binding */ routeMatches),
/* harmony export */   nR: () => (/* binding */ routeFor)
/* harmony export */ });
/* unused harmony export TITLE_MATCH_LENGTH */
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);

/** Titles are attacker-chosen: a route's pattern only ever sees this many characters of one. */
const TITLE_MATCH_LENGTH = 300;
function routeMatches(route, alert) {
    if (route.minSeverity && (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(alert.severity) < (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(route.minSeverity))
        return false;
    if (route.severities && !route.severities.includes((alert.severity ?? '').toLowerCase()))
        return false;
    if (route.serviceSources && !route.serviceSources.includes(alert.serviceSource ?? ''))
        return false;
    if (route.title && !route.title.test(String(alert.title ?? '').slice(0, TITLE_MATCH_LENGTH)))
        return false;
    return true;
}
/** The first route whose filters all match, or undefined for the default channel. */
function routeFor(routes, alert) {
    return routes.find(route => routeMatches(route, alert));
}


/***/ })

};

//# sourceMappingURL=938.index.js.map