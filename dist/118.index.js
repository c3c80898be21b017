export const id = 118;
export const ids = [118];
export const modules = {

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ listItems),
/* harmony export */   g: () => (/* binding */ yamlList)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8028);


/**
 * The one separator rule of the YAML list inputs (routes, suppress, rules). A key that takes several
 * values takes a YAML list (`[a, b]`, or one `- item` per line), or one text whose values are separated
 * by commas. Spaces around a value are trimmed; spaces inside a value belong to it ("Consent to
 * application.", "Shared Documents"): a key whose values cannot hold a space says so in its error.
 */
function listItems(value) {
    if (Array.isArray(value))
        return value;
    if (typeof value === 'string')
        return value
            .split(',')
            .map(item => item.trim())
            .filter(Boolean);
    return [value];
}
/**
 * Reads a list input written in YAML (or JSON, which is YAML): `routes`, `suppress`, `rules`. Each item must be a
 * mapping. Errors name the input; a YAML error gives only the position, never the text (it may hold a
 * webhook URL). Loaded only by the parsers of those inputs.
 */
function yamlList(input, text, noun, example) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        const position = error.linePos?.[0];
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' is not valid YAML${position ? ` (line ${position.line}, column ${position.col})` : ''}. ${example}`);
    }
    if (!Array.isArray(data))
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' is not a list of ${noun}s. ${example}`);
    return data.map((item, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' ${noun} ${index + 1}: is not a mapping of keys to values. ${example}`);
        }
        return item;
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


/***/ }),

/***/ 4118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileTitlePattern: () => (/* binding */ compileTitlePattern),
/* harmony export */   parseRoutes: () => (/* binding */ parseRoutes),
/* harmony export */   routeFor: () => (/* reexport safe */ _route_match_js__WEBPACK_IMPORTED_MODULE_7__.nR),
/* harmony export */   routeMatches: () => (/* reexport safe */ _route_match_js__WEBPACK_IMPORTED_MODULE_7__.HA),
/* harmony export */   titlePatternKey: () => (/* binding */ titlePatternKey)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2856);
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8028);
/* harmony import */ var _runtime_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(390);
/* harmony import */ var _inputs_list_input_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3268);
/* harmony import */ var _model_message_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9982);
/* harmony import */ var _inputs_bot_settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1524);
/* harmony import */ var _route_match_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(563);








/**
 * `routes`: send some alerts to other channels, e.g. DLP to the compliance channel and endpoint alerts to
 * the SOC. A YAML (or JSON) list; each route has a name, a webhook URL and filters that must all match.
 * The first matching route wins; an alert matching none goes to `teams-webhook-url`.
 */
/**
 * Route patterns run on attacker-written titles, in every run. JavaScript's backtracking engine takes
 * exponential time on patterns like `(a+)+$`, so patterns are compiled with RE2JS, a linear-time
 * engine (RE2 semantics): no pattern can hang a run, whatever the title. RE2 has no backreferences or
 * lookaround; such patterns are refused when the input is parsed.
 */
function compileTitlePattern(source) {
    const compiled = re2js__WEBPACK_IMPORTED_MODULE_5__/* .RE2JS */ .L3.compile(source, re2js__WEBPACK_IMPORTED_MODULE_5__/* .RE2JS */ .L3.CASE_INSENSITIVE);
    return { source, test: text => compiled.matcher(text).find() };
}
/** A `title` key of a list input (routes, suppress): checked, then compiled; `reject` names the input and item. */
function titlePatternKey(value, reject) {
    if (typeof value !== 'string' || value === '')
        reject("'title' is not a text", 'Give a regular expression, e.g. title: ransomware|exfiltration.');
    if (value.length > 1000)
        reject("'title' is longer than 1000 characters", 'Use a short regular expression, e.g. title: ransomware|exfiltration.');
    try {
        return compileTitlePattern(value);
    }
    catch (error) {
        return reject(`'title' is not a valid regular expression for the linear-time matcher (${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(error.message, 200)})`, 'Use regular expression syntax without backreferences (\\1) or lookaround ((?=, (?!, (?<=); matching ignores case and always takes linear time.');
    }
}
const KEYS = ['name', 'webhook-url', 'channel', 'min-severity', 'severity', 'service-sources', 'title'];
const EXAMPLE = `For example:
  routes: |
    - name: compliance
      service-sources: [dataLossPrevention, microsoftInsiderRiskManagement]
      webhook-url: \${{ secrets.TEAMS_COMPLIANCE_WEBHOOK_URL }}`;
function fail(where, problem, valid) {
    throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input 'routes' ${where}${problem}. ${valid}`);
}
function pick(where, key, value, allowed) {
    const found = typeof value === 'string' ? (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .matchAllowed */ .wC)(allowed, value) : undefined;
    if (!found)
        fail(where, `'${key}' has '${String(value)}', which is not a valid value`, `Valid values: ${allowed.join(', ')}.`);
    return found;
}
/** Parses the `routes` input; an empty input means no routes. Webhook URLs are never quoted in errors. */
function parseRoutes(text, allowLegacy, delivery = 'webhook', tenantId) {
    if (text.trim() === '')
        return [];
    const names = new Set();
    const entries = (0,_inputs_list_input_js__WEBPACK_IMPORTED_MODULE_3__/* .yamlList */ .g)('routes', text, 'route', EXAMPLE);
    // The snapshot keeps per-channel state for at most MAX_CHANNELS channels (the default one included):
    // more routes would make every later run refuse the snapshot it saved.
    if (entries.length > _model_message_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_CHANNELS */ .q - 1)
        fail('', `has ${entries.length} routes`, `Give at most ${_model_message_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_CHANNELS */ .q - 1} (with the default channel, ${_model_message_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_CHANNELS */ .q} channels).`);
    return entries.map((entry, index) => {
        let where = `route ${index + 1}: `;
        for (const key of Object.keys(entry)) {
            if (!KEYS.includes(key))
                fail(where, `has the key '${key}', which is not known`, `Valid keys: ${KEYS.join(', ')}.`);
        }
        const name = typeof entry.name === 'string' ? entry.name.trim() : '';
        if (!name)
            fail(where, "has no 'name'", 'Give every route a short name; it appears in logs and the job summary.');
        if (names.has(name))
            fail(where, `repeats the name '${name}'`, 'Give every route its own name.');
        names.add(name);
        where = `route '${name}': `;
        const url = typeof entry['webhook-url'] === 'string' ? entry['webhook-url'].trim() : '';
        const channel = typeof entry.channel === 'string' ? entry.channel.trim() : '';
        const route = { name };
        if (delivery === 'bot') {
            if (url)
                fail(where, "has a 'webhook-url', but teams-delivery is bot", "Give the route's channel instead: channel: <channel link or 19:…@thread.tacv2>.");
            if (!channel)
                fail(where, "has no 'channel'", "With teams-delivery: bot, give the route's channel: its link (Get link to channel) or id 19:…@thread.tacv2.");
            route.channel = (0,_inputs_bot_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChannel */ .pn)(`routes' route '${name}' key 'channel`, channel, tenantId);
        }
        else {
            if (channel)
                fail(where, "has a 'channel', which needs teams-delivery: bot", "Set teams-delivery: bot (a Teams bot posts), or give the route's webhook-url.");
            if (!url)
                fail(where, "has no 'webhook-url'", "Give the route's Teams Workflows URL, from a secret: webhook-url: ${{ secrets.NAME }}.");
            route.webhookUrl = url;
            route.webhookKind = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyWebhook */ .SI)(url, allowLegacy, `routes' route '${name}' key 'webhook-url`);
        }
        if (entry['min-severity'] !== undefined)
            route.minSeverity = pick(where, 'min-severity', entry['min-severity'], _model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC);
        if (entry.severity !== undefined)
            route.severities = (0,_inputs_list_input_js__WEBPACK_IMPORTED_MODULE_3__/* .listItems */ .D)(entry.severity).map(value => pick(where, 'severity', value, _model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC));
        if (entry['service-sources'] !== undefined)
            route.serviceSources = (0,_inputs_list_input_js__WEBPACK_IMPORTED_MODULE_3__/* .listItems */ .D)(entry['service-sources']).map(value => (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceSourceOf */ .Wc)(typeof value === 'string' ? value : '', message => _runtime_log_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Input 'routes' ${where}${message}`), valid => fail(where, `'service-sources' has '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(String(value), 60)}', which is not a serviceSource value`, valid)));
        if (entry.title !== undefined)
            route.title = titlePatternKey(entry.title, (problem, valid) => fail(where, problem, valid));
        return route;
    });
}
// Matching needs neither the YAML parser nor the regular expression compiler: see route-match.ts.



/***/ })

};

//# sourceMappingURL=118.index.js.map