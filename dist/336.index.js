export const id = 336;
export const ids = [336,955];
export const modules = {

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

//# sourceMappingURL=336.index.js.map