export const id = 65;
export const ids = [65];
export const modules = {

/***/ 7065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendTestCards: () => (/* binding */ sendTestCards)
/* harmony export */ });
/* harmony import */ var _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9749);
/* harmony import */ var _runtime_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(390);
/* harmony import */ var _cards_cards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4470);



/**
 * `send-test-card: true`: after set-up (a workflow_dispatch run), post one clearly marked test card to the
 * default webhook and to every route, and report each channel's answer. No alert is read, no snapshot is
 * loaded or saved: the check cannot change what the scheduled runs will post.
 */
/** The line a test card carries: where it was sent and from which run. */
function testNote(destination, env) {
    const run = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_REPOSITORY}, run ${env.GITHUB_RUN_ID}` : 'a local run';
    return `Sent with send-test-card: true to the destination '${destination}' from ${run} at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Security alerts will appear here as cards like this one.`;
}
async function sendTestCards(settings, signal, env = process.env) {
    const [{ addressOf, channelFor, logRetry, retryPolicyFor }, { destinationOf }, { chooseDelivery }] = await Promise.all([
        __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 1891)),
        __webpack_require__.e(/* import() */ 336).then(__webpack_require__.bind(__webpack_require__, 2955)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5750))
    ]);
    const bot = settings.teamsDelivery === 'bot';
    const destinations = [destinationOf(undefined, settings), ...settings.routes.map(route => destinationOf(route, settings))].filter(destination => addressOf(destination) !== undefined);
    const needs = bot ? await chooseDelivery(settings).channelNeeds() : {};
    let accepted = 0;
    let confirmed = 0;
    const failures = [];
    for (const destination of destinations) {
        const heading = 'Test card from m365-alerts-to-teams';
        const content = { notices: [], digestHeading: heading, note: testNote(destination.name, env), portalHosts: settings.portalHosts };
        const plan = {
            kind: 'test',
            card: _cards_cards_js__WEBPACK_IMPORTED_MODULE_2__.RENDERERS.test.adaptive(content),
            ...content,
            label: `test card [${destination.name}]`,
            portalHosts: settings.portalHosts
        };
        const [result] = await channelFor(destination, needs).post([plan], {
            intervalMs: 0,
            signal,
            policy: retryPolicyFor(settings),
            onRetry: logRetry
        });
        if (result.delivered) {
            accepted++;
            if (result.message)
                confirmed++;
            const how = result.message
                ? `: in the channel, message id ${result.message.activityId}`
                : destination.kind === 'workflows'
                    ? ' (queued: check the channel)'
                    : '';
            _runtime_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Test card to '${destination.name}': accepted by Teams${how}.`);
        }
        else {
            failures.push(destination.name);
            _runtime_log_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3(`Test card to '${destination.name}': ${result.error}`);
        }
    }
    for (const name of [
        'new-count',
        'updated-count',
        'resolved-count',
        'open-count',
        'reminder-count',
        'owed-count',
        'skipped-count',
        'suppressed-count',
        'edited-count'
    ])
        _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, 0);
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('posted-count', accepted);
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('confirmed-count', confirmed);
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('failed-count', failures.length);
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('new-alerts', '[]');
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('snapshot-key', '');
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('cache-hit', 'false');
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('board-updated', 'false');
    _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('digest-posted', 'false');
    if (failures.length > 0)
        _runtime_runner_io_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`The test card could not be posted to ${failures.map(name => `'${name}'`).join(', ')}; see the errors above.`);
    else
        _runtime_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Test card posted to ${accepted} destination(s). No alerts were read and the snapshot was not touched.`);
}


/***/ })

};

//# sourceMappingURL=65.index.js.map