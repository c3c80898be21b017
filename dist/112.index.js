export const id = 112;
export const ids = [112,118];
export const modules = {

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ ipBlockList)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/**
 * IP addresses and CIDR ranges, IPv4 or IPv6, as a BlockList to match against: the `ips` of suppress
 * rules and the `exclude.ips` of audit rules. `reject` is called with the first item that is neither.
 */
function ipBlockList(items, reject) {
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    for (const item of items) {
        const [address, prefix, extra] = item.split('/');
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
        // The prefix is decimal digits only: '10.9.9.0/' would read as /0 (every address), '0x10' or '1e1' as numbers.
        if (prefix !== undefined && !/^\d{1,3}$/.test(prefix))
            reject(item);
        const bits = prefix === undefined ? undefined : Number(prefix);
        if (family === 0 || extra !== undefined || (bits !== undefined && bits > (family === 6 ? 128 : 32)))
            reject(item);
        const type = family === 6 ? 'ipv6' : 'ipv4';
        if (bits === undefined)
            list.addAddress(address, type);
        else
            list.addSubnet(address, bits, type);
    }
    return list;
}


/***/ }),

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



/***/ }),

/***/ 9112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseSuppress: () => (/* binding */ parseSuppress),
/* harmony export */   strictDateTime: () => (/* binding */ strictDateTime)
/* harmony export */ });
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8028);
/* harmony import */ var _inputs_ip_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4813);
/* harmony import */ var _runtime_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(390);
/* harmony import */ var _inputs_list_input_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3268);
/* harmony import */ var _routes_routes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4118);







/**
 * `suppress`: exclusions and snoozes as configuration. A YAML (or JSON) list; each rule has a name, a
 * reason, an optional `until` (a snooze) and matchers that must all match. Parsed once, with errors that
 * name the rule and the key; matching is in suppress-match.ts.
 */
const MATCHERS = ['title', 'severity', 'service-sources', 'detection-sources', 'categories', 'users', 'devices', 'ips'];
const KEYS = ['name', 'reason', 'until', ...MATCHERS];
const EXAMPLE = `For example:
  suppress: |
    - name: pen-test
      reason: External penetration test, ticket SEC-1234
      until: 2026-12-01T08:00:00Z
      ips: [198.51.100.0/24]`;
function fail(where, problem, valid) {
    throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input 'suppress' ${where}${problem}. ${valid}`);
}
function strings(where, key, value) {
    const items = (0,_inputs_list_input_js__WEBPACK_IMPORTED_MODULE_4__/* .listItems */ .D)(value).map(item => (typeof item === 'string' || typeof item === 'number' ? String(item).trim() : undefined));
    if (items.some(item => item === undefined))
        fail(where, `'${key}' holds something that is not a text`, `Give a list of texts, e.g. ${key}: [a, b].`);
    const texts = items.filter(Boolean);
    // Users, devices, addresses and Graph's enumerated values hold no spaces: "a b" is two values run together.
    const joined = texts.find(text => /\s/.test(text));
    if (joined)
        fail(where, `'${key}' has '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(joined, 60)}', which holds a space`, `Separate values with commas, e.g. ${key}: a, b, or write a YAML list.`);
    if (texts.length === 0)
        fail(where, `'${key}' is empty`, `Give at least one value, or leave '${key}' out.`);
    return texts;
}
function allowed(where, key, value, valid) {
    return strings(where, key, value).map(item => {
        const found = (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .matchAllowed */ .wC)(valid, item);
        if (!found)
            fail(where, `'${key}' has '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(item, 60)}', which is not a valid value`, `Valid values: ${valid.join(', ')}.`);
        return found;
    });
}
/**
 * ISO 8601 date-time with a zone, or a bare date meaning 00:00 UTC that day. Strict: a day or time that
 * does not exist (2026-02-30, 24:00, 12:60) is refused, where Date.parse would roll it into the next month.
 */
function strictDateTime(text) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
    const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(iso);
    if (!parts)
        return Number.NaN;
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(part => Number(part ?? 0));
    const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    const exists = wall.getUTCFullYear() === year &&
        wall.getUTCMonth() === month - 1 &&
        wall.getUTCDate() === day &&
        wall.getUTCHours() === hour &&
        wall.getUTCMinutes() === minute &&
        wall.getUTCSeconds() === second;
    const zoneOk = parts[7] === 'Z' || (Number(parts[8]) <= 14 && Number(parts[9]) <= 59);
    return exists && zoneOk ? Date.parse(iso) : Number.NaN;
}
function untilOf(where, value) {
    const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
    const ms = strictDateTime(text);
    if (Number.isNaN(ms))
        fail(where, `'until' is '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(String(value), 60)}', which is not a date-time`, 'Use an ISO 8601 date-time that exists, with a time zone, e.g. until: 2026-12-01T08:00:00Z, or a date (00:00 UTC that day).');
    return ms;
}
function ipList(where, value) {
    return (0,_inputs_ip_list_js__WEBPACK_IMPORTED_MODULE_2__/* .ipBlockList */ .n)(strings(where, 'ips', value), item => fail(where, `'ips' has '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(item, 60)}', which is not an IP address or CIDR range`, 'Give addresses or ranges such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32.'));
}
function parseSuppress(text) {
    if (text.trim() === '')
        return [];
    const names = new Set();
    return (0,_inputs_list_input_js__WEBPACK_IMPORTED_MODULE_4__/* .yamlList */ .g)('suppress', text, 'rule', EXAMPLE).map((entry, index) => {
        let where = `rule ${index + 1}: `;
        const name = typeof entry.name === 'string' ? entry.name.trim() : '';
        if (name)
            where = `rule '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(name, 80)}': `;
        for (const key of Object.keys(entry)) {
            if (!KEYS.includes(key))
                fail(where, `has the key '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(key, 60)}', which is not known`, `Valid keys: ${KEYS.join(', ')}.`);
        }
        if (!name)
            fail(where, "has no 'name'", 'Give every rule a short name; the job summary counts what each rule held back.');
        if (names.has(name))
            fail(where, `repeats the name '${name}'`, 'Give every rule its own name.');
        names.add(name);
        const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
        if (!reason)
            fail(where, "has no 'reason'", 'Say why these alerts are held back (a ticket, a known benign tool): the next admin will ask.');
        if (!MATCHERS.some(key => entry[key] !== undefined)) {
            fail(where, 'has no matcher, so it would hold back every alert', `Give at least one of: ${MATCHERS.join(', ')}.`);
        }
        const rule = { name, reason };
        if (entry.until !== undefined)
            rule.until = untilOf(where, entry.until);
        if (entry.title !== undefined)
            rule.title = (0,_routes_routes_js__WEBPACK_IMPORTED_MODULE_5__.titlePatternKey)(entry.title, (problem, valid) => fail(where, problem, valid));
        if (entry.severity !== undefined)
            rule.severities = allowed(where, 'severity', entry.severity, _model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC);
        if (entry['service-sources'] !== undefined)
            rule.serviceSources = strings(where, 'service-sources', entry['service-sources']).map(item => (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceSourceOf */ .Wc)(item, message => _runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Input 'suppress' ${where}${message}`), valid => fail(where, `'service-sources' has '${(0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(item, 60)}', which is not a serviceSource value`, valid)));
        if (entry['detection-sources'] !== undefined)
            rule.detectionSources = strings(where, 'detection-sources', entry['detection-sources']).map(s => s.toLowerCase());
        if (entry.categories !== undefined)
            rule.categories = strings(where, 'categories', entry.categories).map(s => s.toLowerCase());
        if (entry.users !== undefined)
            rule.users = strings(where, 'users', entry.users).map(s => s.toLowerCase());
        if (entry.devices !== undefined)
            rule.devices = strings(where, 'devices', entry.devices).map(s => s.toLowerCase());
        if (entry.ips !== undefined)
            rule.ips = ipList(where, entry.ips);
        if (matchesEverything(rule))
            _runtime_log_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Input 'suppress' ${where}matches every alert (its matchers leave nothing out), so no alert is posted while it holds${rule.until ? ` (until ${new Date(rule.until).toISOString()})` : ''}. Narrow it with title, service-sources, users, devices or ips.`);
        return rule;
    });
}
/** Whether a rule holds back any alert whatever: severity lists them all, the title takes any text, ips every address. */
function matchesEverything(rule) {
    if (rule.serviceSources || rule.detectionSources || rule.categories || rule.users || rule.devices)
        return false;
    if (rule.ips && !(rule.ips.check('198.51.100.1', 'ipv4') && rule.ips.check('2001:db8::1', 'ipv6')))
        return false;
    if (rule.severities && !_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.every(severity => rule.severities.includes(severity)))
        return false;
    return !rule.title || ['', 'Zq9 an unlikely title 7', '\u00e9'].every(title => rule.title.test(title));
}


/***/ })

};

//# sourceMappingURL=112.index.js.map