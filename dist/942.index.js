export const id = 942;
export const ids = [942];
export const modules = {

/***/ 5942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO_ROUTE_ERROR: () => (/* binding */ NO_ROUTE_ERROR),
/* harmony export */   planDeliveries: () => (/* binding */ planDeliveries)
/* harmony export */ });
/* harmony import */ var _route_match_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8210);
/* harmony import */ var _teams_cards_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6205);


const NO_ROUTE_ERROR = 'matches no route and teams-webhook-url is empty: add a route without filters (a catch-all) or set teams-webhook-url';
function planDeliveries(notices, settings) {
    const byRoute = new Map();
    for (const notice of notices) {
        const route = (0,_route_match_js__WEBPACK_IMPORTED_MODULE_0__/* .routeFor */ .nR)(settings.routes, notice.alert);
        const list = byRoute.get(route);
        if (list)
            list.push(notice);
        else
            byRoute.set(route, [notice]);
    }
    const ordered = [...settings.routes, undefined].filter(route => byRoute.has(route));
    return ordered.map(route => {
        const destination = route
            ? { name: route.name, url: route.webhookUrl, kind: route.webhookKind }
            : { name: 'default', url: settings.webhookUrl, kind: settings.webhookKind === 'legacy-connector' ? 'legacy-connector' : 'workflows' };
        const plans = (0,_teams_cards_js__WEBPACK_IMPORTED_MODULE_1__.planCards)(byRoute.get(route), settings.maxCards, settings.remindAfterMs, settings.portalHosts);
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

/***/ 8210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HA: () => (/* binding */ routeMatches),
/* harmony export */   nR: () => (/* binding */ routeFor)
/* harmony export */ });
/* unused harmony export TITLE_MATCH_LENGTH */
/* harmony import */ var _alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8049);

/**
 * Which route an alert takes. Kept apart from routes.ts (the parser, with a YAML parser and a regular
 * expression compiler) so that matching loads neither: a compiled title pattern carries its own test.
 */
/** Titles are attacker-chosen: a route's pattern only ever sees this many characters of one. */
const TITLE_MATCH_LENGTH = 300;
function routeMatches(route, alert) {
    if (route.minSeverity && (0,_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(alert.severity) < (0,_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(route.minSeverity))
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

//# sourceMappingURL=942.index.js.map