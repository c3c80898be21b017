export const id = 470;
export const ids = [470];
export const modules = {

/***/ 2660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ facts),
/* harmony export */   NI: () => (/* binding */ severityLook),
/* harmony export */   Nr: () => (/* binding */ card),
/* harmony export */   _w: () => (/* binding */ openUrlAction),
/* harmony export */   cr: () => (/* binding */ alertActions),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6069);

/** The building blocks every Adaptive Card renderer shares: the frame, inert text, rows, buttons, the header. */
const SEVERITY_LOOK = {
    high: { color: 'Attention', style: 'attention', label: 'High' },
    medium: { color: 'Warning', style: 'warning', label: 'Medium' },
    low: { color: 'Accent', style: 'accent', label: 'Low' },
    informational: { color: 'Default', style: 'emphasis', label: 'Informational' }
};
function severityLook(severity) {
    return SEVERITY_LOOK[(severity ?? '').toLowerCase()] ?? { color: 'Default', style: 'emphasis', label: (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .humanize */ .I3)(severity) || 'Unknown' };
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
    return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralize */ .YI)(text), ...run }], ...block };
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
                {
                    type: 'Column',
                    width: 'auto',
                    items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}:`, weight: 'Bolder' }] }]
                },
                { type: 'Column', width: 'stretch', items: [plainText(value)] }
            ]
        }))
    };
}
function openUrlAction(title, url, hosts) {
    const safe = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(url, hosts);
    return safe ? [{ type: 'Action.OpenUrl', title, url: safe }] : [];
}
function header(alert, caption) {
    const look = severityLook(alert.severity);
    return {
        type: 'Container',
        style: look.style,
        bleed: true,
        items: [
            {
                type: 'TextBlock',
                text: `${look.label.toUpperCase()} SEVERITY · ${caption}`,
                weight: 'Bolder',
                color: look.color,
                size: 'Small',
                wrap: true
            },
            plainText((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(alert.title || '(untitled alert)', 300), { weight: 'Bolder', size: 'Large' })
        ]
    };
}
function alertActions(alert, hosts) {
    return [
        ...openUrlAction('Open in Microsoft Defender', alert.alertWebUrl, hosts),
        ...openUrlAction('Open incident', alert.incidentWebUrl, hosts)
    ];
}


/***/ }),

/***/ 1309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ newAlertCard),
/* harmony export */   Jt: () => (/* binding */ followUpCard),
/* harmony export */   _K: () => (/* binding */ newAlertFacts),
/* harmony export */   cO: () => (/* binding */ affectedEntities),
/* harmony export */   de: () => (/* binding */ currentStateCard),
/* harmony export */   fR: () => (/* binding */ followUpCaption),
/* harmony export */   kp: () => (/* binding */ followUpFacts)
/* harmony export */ });
/* harmony import */ var _model_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2119);
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9295);
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2660);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6069);




/** The cards about one alert: new, and a follow-up (updated, resolved). */
const MAX_ENTITIES_PER_KIND = 5;
const EVIDENCE_KINDS = [
    {
        type: 'userEvidence',
        label: 'Users',
        name: e => e.userAccount?.userPrincipalName ?? e.userAccount?.accountName ?? e.userAccount?.displayName
    },
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
                    names.add((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(name.trim(), 120));
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
/** The label/value rows of a new alert's card (values still untrusted: neutralised where shown). */
function newAlertFacts(alert) {
    const techniques = Array.isArray(alert.mitreTechniques) ? alert.mitreTechniques.filter(t => typeof t === 'string') : [];
    const categories = Array.isArray(alert.categories) && alert.categories.length > 0 ? alert.categories.join(', ') : (alert.category ?? '');
    return [
        ['Status', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .humanize */ .I3)(alert.status)],
        ['Service', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceName */ .fe)(alert.serviceSource)],
        ['Detection', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .detectionName */ .Zd)(alert.detectionSource)],
        ['Category', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(categories), 200)],
        ['First activity', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(alert.firstActivityDateTime)],
        ['Last activity', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(alert.lastActivityDateTime)],
        ['Created', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(alert.createdDateTime)],
        ['Assigned to', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(alert.assignedTo ?? ''), 200)],
        ...affectedEntities(alert),
        ['MITRE ATT&CK', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(techniques.join(', '), 300)],
        ['Alert ID', alert.id]
    ];
}
/** The card for one new alert. */
function newAlertCard(alert, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    const body = [(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(alert, 'New alert')];
    if (alert.description)
        body.push((0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(alert.description), 1000), {}, { spacing: 'Medium' }));
    body.push((0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .facts */ .Ix)(newAlertFacts(alert)));
    if (alert.recommendedActions) {
        body.push({ type: 'TextBlock', text: 'Recommended actions', weight: 'Bolder', spacing: 'Medium', wrap: true }, (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .plainText */ .wh)((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(alert.recommendedActions), 600), {}, { spacing: 'Small' }));
    }
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .card */ .Nr)(body, (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .alertActions */ .cr)(alert, hosts));
}
const FIELDS = ['Status', 'Severity', 'Classification', 'Determination', 'Assigned to'];
/** What changed since the channel was last told, and for a resolution who acted. */
function followUpFacts(notice) {
    const alert = notice.alert;
    const before = (notice.previousSignature ?? '').split('|');
    const after = (0,_model_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .stateSignature */ .cd)(alert).split('|');
    const rows = [];
    FIELDS.forEach((label, index) => {
        if (before[index] !== after[index]) {
            const show = (value) => (index === 4 ? value || 'nobody' : (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .humanize */ .I3)(value) || 'none');
            rows.push([label, `${show(before[index])} → ${show(after[index])}`]);
        }
    });
    if (notice.kind === 'resolved') {
        rows.push(['Resolved', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(alert.resolvedDateTime)]);
        // Graph records no "resolved by"; the assignee and the latest comment are who acted, as the portal shows.
        if (!rows.some(([label]) => label === 'Assigned to'))
            rows.push(['Assigned to', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(alert.assignedTo ?? ''), 200)]);
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
function followUpCard(notice, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .card */ .Nr)([(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(notice.alert, followUpCaption(notice)), (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .facts */ .Ix)(followUpFacts(notice))], (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .alertActions */ .cr)(notice.alert, hosts));
}
/** "Name (time): text" of the newest comment, trimmed. */
function latestComment(alert) {
    const comments = Array.isArray(alert.comments) ? alert.comments.filter(c => typeof c?.comment === 'string' && c.comment.trim()) : [];
    if (comments.length === 0)
        return '';
    const newest = comments.reduce((a, b) => (String(b.createdDateTime ?? '') > String(a.createdDateTime ?? '') ? b : a));
    const by = [newest.createdByDisplayName, (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(newest.createdDateTime)].filter(Boolean).join(', ');
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(`${by ? `${by}: ` : ''}${newest.comment.trim()}`, 300);
}
/**
 * teams-delivery: bot, on-change update: the original card edited to the alert's current state, with what
 * changed on top (the new-alert card's facts below).
 */
function currentStateCard(notice, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .GLOBAL_PORTALS */ .y) {
    const alert = notice.alert;
    const changed = followUpFacts(notice).filter(([label]) => label !== 'Alert ID');
    const body = [(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(alert, `${followUpCaption(notice)} · edited ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(new Date().toISOString())}`)];
    if (changed.length > 0)
        body.push((0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .facts */ .Ix)(changed));
    body.push((0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .facts */ .Ix)(newAlertFacts(alert)));
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .card */ .Nr)(body, (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .alertActions */ .cr)(alert, hosts));
}


/***/ }),

/***/ 6315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bY: () => (/* binding */ boardHeading),
/* harmony export */   gP: () => (/* binding */ fitBoard),
/* harmony export */   kR: () => (/* binding */ legacyBoardCard),
/* harmony export */   zD: () => (/* binding */ boardCard)
/* harmony export */ });
/* unused harmony exports boardFacts, rowLine */
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2660);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6069);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5067);



const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational', 'unknown'];
function age(row, now) {
    if (Number.isNaN(row.createdAt))
        return 'age unknown';
    const hours = Math.max(0, Math.floor((now - row.createdAt) / 3_600_000));
    return hours >= 48 ? `${Math.floor(hours / 24)} days old` : hours >= 1 ? `${hours} h old` : 'under 1 h old';
}
function bySeverity(counts) {
    const keys = Object.keys(counts).sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b));
    return keys.map(key => `${(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .severityLook */ .NI)(key).label} ${counts[key]}`).join(' · ');
}
/** The label/value rows of a board (its summary; the alert rows follow). */
function boardFacts(board) {
    const rules = Object.entries(board.rules).sort((a, b) => b[1] - a[1]);
    return [
        ['Open alerts', board.total === 0 ? 'none' : `${board.total} (${bySeverity(board.bySeverity)})`],
        ['Open incidents', bySeverity(board.incidentsBySeverity)],
        ['Rule notices, 24 h', rules.map(([rule, n]) => `${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(rule, 80)} ${n}`).join(' · ')],
        ['Refreshed', `${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(new Date(board.refreshedAt).toISOString())} (looks back ${Math.round(board.lookbackMs / 86_400_000)} days)`]
    ];
}
/** One row's line: severity · service · title · age · status · assignee. */
function rowLine(row, now) {
    return [
        (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .severityLook */ .NI)(row.severity).label.toUpperCase(),
        (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceLabel */ .uZ)(row.serviceSource) || '—',
        // One line per row, whatever the title holds (line breaks and all).
        (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(row.title.replace(/\s+/g, ' ').trim() || '(untitled alert)', 110),
        age(row, now),
        (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .humanize */ .I3)(row.status) || 'status unknown',
        row.assignedTo ? `assigned to ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(row.assignedTo.replace(/\s+/g, ' '), 60)}` : 'unassigned'
    ].join(' · ');
}
function boardHeading(board, digest) {
    const what = board.total === 0 ? 'nothing open' : `${board.total} open alert${board.total === 1 ? '' : 's'}`;
    return digest ? `Daily digest: ${what}` : `Open alerts board: ${what}`;
}
function boardCard({ board, digestHeading, portalHosts }) {
    const content = board;
    const body = [
        { type: 'TextBlock', text: digestHeading ?? boardHeading(content, false), weight: 'Bolder', size: 'Large', wrap: true },
        (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .facts */ .Ix)(boardFacts(content))
    ];
    for (const row of content.rows) {
        const url = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(row.alertWebUrl, portalHosts);
        body.push({
            type: 'ColumnSet',
            spacing: 'Small',
            columns: [
                {
                    type: 'Column',
                    width: 'stretch',
                    items: [(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(rowLine(row, content.refreshedAt), { color: (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .severityLook */ .NI)(row.severity).color })]
                },
                {
                    type: 'Column',
                    width: 'auto',
                    items: url ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url }] }] : []
                }
            ]
        });
    }
    if (content.total > content.rows.length)
        body.push({ type: 'TextBlock', text: `and ${content.total - content.rows.length} more`, isSubtle: true, wrap: true });
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .card */ .Nr)(body);
}
function legacyBoardCard({ board, digestHeading, portalHosts }) {
    const content = board;
    const heading = digestHeading ?? boardHeading(content, false);
    // One section per row, each with its own Open button (MessageCard sections take actions).
    const rows = content.rows.map(row => {
        const url = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(row.alertWebUrl, portalHosts);
        return {
            text: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralize */ .YI)(rowLine(row, content.refreshedAt)),
            markdown: false,
            ...(url ? { potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: url }] }] } : {})
        };
    });
    const more = content.total > content.rows.length ? [{ text: `and ${content.total - content.rows.length} more`, markdown: false }] : [];
    return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: heading,
        themeColor: '8A8886',
        sections: [
            {
                activityTitle: heading,
                markdown: false,
                facts: boardFacts(content)
                    .filter(([, value]) => value !== '')
                    .map(([name, value]) => ({ name: `${name}:`, value: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralize */ .YI)(value) }))
            },
            ...rows,
            ...more
        ]
    };
}
/**
 * The content with as many rows as fit: a board or digest stays within 26,000 bytes as Power Automate
 * stores it (MAX_STORED_BODY_BYTES), whatever the titles hold; rows left out join "and N more".
 */
function fitBoard(content, heading, portalHosts) {
    let fitted = content;
    const rules = Object.entries(content.rules).sort((a, b) => b[1] - a[1]);
    if (rules.length > 10)
        fitted = { ...fitted, rules: Object.fromEntries(rules.slice(0, 10)) };
    while (fitted.rows.length > 0 &&
        (0,_size_js__WEBPACK_IMPORTED_MODULE_2__/* .storedBodyBytes */ .$9)(boardCard({ board: fitted, digestHeading: heading, portalHosts })) > _size_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_STORED_BODY_BYTES */ .wG)
        fitted = { ...fitted, rows: fitted.rows.slice(0, -1) };
    return fitted;
}


/***/ }),

/***/ 4470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_CARD_BYTES: () => (/* reexport */ size/* MAX_CARD_BYTES */.Al),
  MAX_DIGEST_BODY_BYTES: () => (/* reexport */ size/* MAX_DIGEST_BODY_BYTES */.VB),
  MAX_STORED_BODY_BYTES: () => (/* reexport */ size/* MAX_STORED_BODY_BYTES */.wG),
  OVERFLOW_DIGEST: () => (/* reexport */ digest_card/* OVERFLOW_DIGEST */.Oo),
  RENDERERS: () => (/* reexport */ renderers/* RENDERERS */.v),
  affectedEntities: () => (/* reexport */ alert_card/* affectedEntities */.cO),
  backlogPlan: () => (/* reexport */ digest_card/* backlogPlan */.Tg),
  bodyBytes: () => (/* reexport */ size/* bodyBytes */.OM),
  cardBytes: () => (/* reexport */ size/* cardBytes */.qT),
  cardKindOf: () => (/* reexport */ cardKindOf),
  digestCards: () => (/* reexport */ digest_card/* digestCards */.Oc),
  followUpCaption: () => (/* reexport */ alert_card/* followUpCaption */.fR),
  followUpCard: () => (/* reexport */ alert_card/* followUpCard */.Jt),
  followUpFacts: () => (/* reexport */ alert_card/* followUpFacts */.kp),
  incidentCard: () => (/* reexport */ incident_card/* incidentCard */.X),
  incidentFacts: () => (/* reexport */ incident_card/* incidentFacts */.S),
  messageCard: () => (/* reexport */ renderers/* messageCard */.W),
  newAlertCard: () => (/* reexport */ alert_card/* newAlertCard */.$K),
  newAlertFacts: () => (/* reexport */ alert_card/* newAlertFacts */._K),
  planCards: () => (/* reexport */ planCards),
  postBudget: () => (/* reexport */ postBudget),
  reminderDigest: () => (/* reexport */ digest_card/* reminderDigest */.F1),
  ruleCard: () => (/* reexport */ rule_card/* ruleCard */.r),
  ruleFacts: () => (/* reexport */ rule_card/* ruleFacts */.S),
  severityLook: () => (/* reexport */ adaptive/* severityLook */.NI),
  storedBodyBytes: () => (/* reexport */ size/* storedBodyBytes */.$9),
  storedBytes: () => (/* reexport */ size/* storedBytes */.Zk),
  workflowsEnvelope: () => (/* reexport */ size/* workflowsEnvelope */.fH)
});

// EXTERNAL MODULE: ./src/delivery/cards/adaptive.ts
var adaptive = __webpack_require__(2660);
// EXTERNAL MODULE: ./src/delivery/cards/alert-card.ts
var alert_card = __webpack_require__(1309);
// EXTERNAL MODULE: ./src/delivery/cards/digest-card.ts
var digest_card = __webpack_require__(6529);
// EXTERNAL MODULE: ./src/delivery/cards/incident-card.ts
var incident_card = __webpack_require__(1347);
// EXTERNAL MODULE: ./src/delivery/cards/rule-card.ts
var rule_card = __webpack_require__(1047);
// EXTERNAL MODULE: ./src/model/alert.ts
var model_alert = __webpack_require__(2119);
;// CONCATENATED MODULE: ./src/model/notice.ts
function about(notice) {
    return notice.incident ? 'incident' : notice.rule ? 'rule' : 'alert';
}

// EXTERNAL MODULE: ./src/inputs/clouds.ts
var clouds = __webpack_require__(9295);
// EXTERNAL MODULE: ./src/delivery/cards/renderers.ts + 2 modules
var renderers = __webpack_require__(6351);
// EXTERNAL MODULE: ./src/delivery/cards/size.ts
var size = __webpack_require__(5067);
// EXTERNAL MODULE: ./src/delivery/cards/text.ts
var cards_text = __webpack_require__(6069);
;// CONCATENATED MODULE: ./src/delivery/cards/plan.ts








/** Which card each notice gets: one each up to max-cards, digests for the rest. Pure. */
/** The renderer-table entry of a notice's own card. */
function cardKindOf(notice) {
    const kind = about(notice);
    if (kind !== 'alert')
        return kind;
    return notice.kind === 'new' ? 'alert' : 'follow-up';
}
/** One card per notice up to `maxCards`, the rest in digest cards; reminders always go in a reminder digest. */
function planCards(all, maxCards, remindAfterMs = 86_400_000, hosts = clouds/* GLOBAL_PORTALS */.y) {
    const notices = all.filter(notice => notice.kind !== 'reminder');
    const reminders = all.filter(notice => notice.kind === 'reminder');
    const plans = notices.slice(0, maxCards).map(notice => {
        const kind = cardKindOf(notice);
        let built = renderers/* RENDERERS */.v[kind].adaptive({ notices: [notice], portalHosts: hosts });
        if ((0,size/* cardBytes */.qT)(built) > size/* MAX_CARD_BYTES */.Al || (0,size/* storedBodyBytes */.$9)(built) > size/* MAX_STORED_BODY_BYTES */.wG) {
            // Evidence-heavy alerts: fall back to the compact form rather than risk a rejected card.
            built = (0,adaptive/* card */.Nr)([(0,adaptive/* header */.wx)(notice.alert, notice.kind === 'new' ? 'New alert' : (0,cards_text/* humanize */.I3)(notice.kind)), (0,adaptive/* facts */.Ix)([['Alert ID', notice.alert.id]])], (0,adaptive/* alertActions */.cr)(notice.alert, hosts));
        }
        const status = (0,model_alert/* statusOfSignature */.MR)(notice.previousSignature ?? '');
        // Cut before neutralising (linear in the label, not the title); logs make it one line.
        const title = (0,cards_text/* neutralize */.YI)(String(notice.alert.title || notice.alert.id), 100);
        return {
            kind,
            card: built,
            notices: [notice],
            label: `${notice.kind}${status ? ` (was ${(0,cards_text/* neutralize */.YI)(status, 40)})` : ''}: ${(0,cards_text/* truncate */.xv)(title, 80)}`,
            portalHosts: hosts
        };
    });
    return [
        ...plans,
        ...(0,digest_card/* digestCards */.Oc)(notices.slice(maxCards), plans.length > 0 ? digest_card/* OVERFLOW_DIGEST */.Oo : digest_card/* ALL_IN_DIGEST */.dZ, hosts),
        ...(0,digest_card/* digestCards */.Oc)(reminders, (0,digest_card/* reminderDigest */.F1)(remindAfterMs), hosts)
    ];
}
/**
 * How many posts fit in `remainingMs` at `rate` (a burst of `requests` per window) and `intervalMs`
 * between posts. Used to see a storm coming: more cards than this cannot all go out in this run.
 */
function postBudget(remainingMs, rate, intervalMs) {
    if (remainingMs <= 0)
        return 0;
    const byRate = rate.requests * Math.ceil(remainingMs / rate.windowMs);
    const byInterval = intervalMs > 0 ? Math.ceil(remainingMs / intervalMs) : Number.POSITIVE_INFINITY;
    return Math.min(byRate, byInterval);
}

;// CONCATENATED MODULE: ./src/delivery/cards/cards.ts










/***/ }),

/***/ 6529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ backlogHeading),
/* harmony export */   F1: () => (/* binding */ reminderDigest),
/* harmony export */   JV: () => (/* binding */ backlogFacts),
/* harmony export */   Oc: () => (/* binding */ digestCards),
/* harmony export */   Oo: () => (/* binding */ OVERFLOW_DIGEST),
/* harmony export */   Tg: () => (/* binding */ backlogPlan),
/* harmony export */   Wq: () => (/* binding */ BACKLOG_EXPLANATION),
/* harmony export */   Xs: () => (/* binding */ digestCardWith),
/* harmony export */   dZ: () => (/* binding */ ALL_IN_DIGEST),
/* harmony export */   ku: () => (/* binding */ backlogCard)
/* harmony export */ });
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9295);
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2660);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5067);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6069);




/** Cards about many alerts: digests (a burst's overflow, reminders) and the backlog card of a storm. */
const MAX_DIGEST_ROWS = 80;
/** Titles in digest rows are cut to this many characters. */
const DIGEST_TITLE_LENGTH = 110;
const DIGEST_PREFIX = { new: '', reminder: '', resolved: '[Resolved] ', updated: '[Updated] ' };
/**
 * One compact row: "HIGH · Defender for Endpoint · " in the severity's colour, then the title, which
 * opens the alert. One RichTextBlock of TextRuns (no markdown) instead of a three-column layout: a third
 * of the bytes, so a digest carries twice the alerts.
 */
function digestRow(notice, hosts) {
    const alert = notice.alert;
    const look = (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .severityLook */ .NI)(alert.severity);
    const title = {
        type: 'TextRun',
        text: (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralize */ .YI)(`${DIGEST_PREFIX[notice.kind]}${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(alert.title || '(untitled alert)'), DIGEST_TITLE_LENGTH)}`, 200)
    };
    const url = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(alert.alertWebUrl, hosts);
    if (url)
        title.selectAction = { type: 'Action.OpenUrl', url };
    return {
        type: 'RichTextBlock',
        inlines: [
            {
                type: 'TextRun',
                text: `${look.label.toUpperCase()} · ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceLabel */ .uZ)(alert.serviceSource) || '—'} · `,
                color: look.color,
                weight: 'Bolder'
            },
            title
        ]
    };
}
const OVERFLOW_DIGEST = { heading: total => `${total} more alert${total === 1 ? '' : 's'}`, name: 'digest' };
/** max-cards: 0 puts every notice in digests: there is nothing they are "more" than. */
const ALL_IN_DIGEST = { heading: total => `${total} alert${total === 1 ? '' : 's'}`, name: 'digest' };
function reminderDigest(remindAfterMs) {
    const after = describeDuration(remindAfterMs);
    return {
        heading: total => `Reminder: ${total} alert${total === 1 ? ' is' : 's are'} still unresolved, with no news for ${after}`,
        name: 'reminder digest'
    };
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
    return digestCardWith(digestHeading(part, parts, total, kind), notices, hosts);
}
/** A digest card under its heading: one compact row per notice. */
function digestCardWith(heading, notices, hosts) {
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .card */ .Nr)([
        { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Large', wrap: true },
        { type: 'TextBlock', text: 'Select a title to open the alert in Microsoft Defender.', isSubtle: true, size: 'Small', wrap: true },
        ...notices.map(notice => digestRow(notice, hosts))
    ]);
}
/**
 * Splits notices into digest cards of at most MAX_DIGEST_ROWS rows and MAX_DIGEST_BODY_BYTES bytes as
 * sent. Each row is measured once; the fixed part is measured with the longest heading it can have.
 */
function digestCards(notices, kind = OVERFLOW_DIGEST, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_PORTALS */ .y) {
    const empty = digestCard([], 99_999, 99_999, 999_999, kind, hosts);
    // Both measures are additive row by row: the body as sent, and as Power Automate stores it (a row's
    // escaped JSON without the two quotes around the whole, plus the comma between rows).
    const fixed = (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .bodyBytes */ .OM)(empty);
    const fixedStored = (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .storedBodyBytes */ .$9)(empty);
    const groups = [];
    let current = [];
    let bytes = fixed;
    let stored = fixedStored;
    for (const notice of notices) {
        const built = digestRow(notice, hosts);
        const row = Buffer.byteLength(JSON.stringify(built)) + 1;
        const storedRow = (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .storedBytes */ .Zk)(built) - 2 + 1;
        if (current.length > 0 &&
            (current.length >= MAX_DIGEST_ROWS || bytes + row > _size_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_DIGEST_BODY_BYTES */ .VB || stored + storedRow > _size_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_STORED_BODY_BYTES */ .wG)) {
            groups.push(current);
            current = [];
            bytes = fixed;
            stored = fixedStored;
        }
        current.push(notice);
        bytes += row;
        stored += storedRow;
    }
    if (current.length > 0)
        groups.push(current);
    return groups.map((group, index) => ({
        kind: 'digest',
        card: digestCard(group, index + 1, groups.length, notices.length, kind, hosts),
        notices: group,
        digestHeading: digestHeading(index + 1, groups.length, notices.length, kind),
        label: `${kind.name} ${index + 1}/${groups.length} (${group.length} alerts)`,
        portalHosts: hosts
    }));
}
function countBy(notices, key) {
    const counts = new Map();
    for (const notice of notices)
        counts.set(key(notice), (counts.get(key(notice)) ?? 0) + 1);
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');
}
/**
 * The card a storm gets when its notices cannot all be posted in this run: how many wait, by severity
 * and service, the most severe titles, and a link to the run. It carries no notice: the alerts it
 * counts stay owed and are posted by the next runs.
 */
function backlogPlan(held, runUrl, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_PORTALS */ .y) {
    return {
        kind: 'backlog',
        card: backlogCard(held, runUrl),
        notices: [],
        waiting: held,
        runUrl,
        digestHeading: backlogHeading(held),
        label: `backlog card (${held.length} alerts wait)`,
        portalHosts: hosts
    };
}
function backlogHeading(held) {
    return `Backlog: ${held.length} more alert${held.length === 1 ? '' : 's'} will follow in the next runs`;
}
/** How many wait, by severity and by service, and the most severe titles (the facts of either format). */
function backlogFacts(held) {
    const top = held
        .slice(0, 5)
        .map(notice => `${(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .severityLook */ .NI)(notice.alert.severity).label}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(String(notice.alert.title || notice.alert.id), 100)}`);
    return [
        ['By severity', countBy(held, notice => (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .severityLook */ .NI)(notice.alert.severity).label)],
        ['By service', countBy(held, notice => (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceLabel */ .uZ)(notice.alert.serviceSource) || 'Unknown')],
        ['Most severe', top.join(' · ')]
    ];
}
const BACKLOG_EXPLANATION = 'More alerts arrived than Teams accepts in one run; they are posted in order of severity by the following runs. Nothing is dropped.';
/** Its only button opens the workflow run (GitHub), not a portal. */
function backlogCard(held, runUrl) {
    const body = [
        { type: 'TextBlock', text: backlogHeading(held), weight: 'Bolder', size: 'Large', wrap: true },
        { type: 'TextBlock', text: BACKLOG_EXPLANATION, isSubtle: true, size: 'Small', wrap: true },
        (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .facts */ .Ix)(backlogFacts(held))
    ];
    const actions = runUrl ? [{ type: 'Action.OpenUrl', title: 'Open the workflow run', url: runUrl }] : [];
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .card */ .Nr)(body, actions);
}


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ incidentFacts),
/* harmony export */   X: () => (/* binding */ incidentCard)
/* harmony export */ });
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9295);
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2660);
/* harmony import */ var _alert_card_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1309);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6069);




/** group-by: incident: the card about an incident and the alerts it carries. */
/** Alerts listed on an incident card before "+N more". */
const MAX_INCIDENT_ALERTS = 10;
/** The label/value rows of an incident card: its state, its new alerts, the entities and techniques they share. */
function incidentFacts(notice) {
    const story = notice.incident;
    const alerts = story.alerts.map(n => n.alert);
    const listed = alerts
        .slice(0, MAX_INCIDENT_ALERTS)
        .map(a => `${(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .severityLook */ .NI)(a.severity).label} · ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .serviceLabel */ .uZ)(a.serviceSource) || '—'} · ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(a.title || a.id), 120)}`);
    if (alerts.length > MAX_INCIDENT_ALERTS)
        listed.push(`+${alerts.length - MAX_INCIDENT_ALERTS} more`);
    // The union of the alerts' evidence: affectedEntities dedupes and caps each kind.
    const union = { id: 'union', evidence: alerts.flatMap(a => (Array.isArray(a.evidence) ? a.evidence : [])) };
    const techniques = [
        ...new Set(alerts.flatMap(a => (Array.isArray(a.mitreTechniques) ? a.mitreTechniques.filter(t => typeof t === 'string') : [])))
    ];
    const incident = story.incident;
    return [
        ...story.changes.map((line) => ['Change', line]),
        ['Status', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .humanize */ .I3)(incident.status)],
        ['Assigned to', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(incident.assignedTo ?? ''), 200)],
        ['Alerts', listed.join('\n')],
        ...(0,_alert_card_js__WEBPACK_IMPORTED_MODULE_2__/* .affectedEntities */ .cO)(union),
        ['MITRE ATT&CK', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(techniques.join(', '), 300)],
        ['Incident ID', incident.id]
    ];
}
/** One card per incident: a new incident, or what changed in one the channel already knows. */
function incidentCard(notice, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_PORTALS */ .y) {
    const caption = notice.kind === 'new' ? 'New incident' : notice.kind === 'resolved' ? 'Incident resolved' : 'Incident update';
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .card */ .Nr)([(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .header */ .wx)(notice.alert, caption), (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .facts */ .Ix)(incidentFacts(notice))], (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_1__/* .openUrlAction */ ._w)('Open incident', notice.incident.incident.incidentWebUrl ?? notice.alert.incidentWebUrl, hosts));
}


/***/ }),

/***/ 6351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ RENDERERS),
  W: () => (/* binding */ messageCard)
});

// EXTERNAL MODULE: ./src/delivery/cards/alert-card.ts
var alert_card = __webpack_require__(1309);
// EXTERNAL MODULE: ./src/delivery/cards/board-card.ts
var board_card = __webpack_require__(6315);
// EXTERNAL MODULE: ./src/delivery/cards/digest-card.ts
var digest_card = __webpack_require__(6529);
// EXTERNAL MODULE: ./src/delivery/cards/incident-card.ts
var incident_card = __webpack_require__(1347);
// EXTERNAL MODULE: ./src/delivery/cards/adaptive.ts
var adaptive = __webpack_require__(2660);
// EXTERNAL MODULE: ./src/delivery/cards/rule-card.ts
var rule_card = __webpack_require__(1047);
// EXTERNAL MODULE: ./src/delivery/cards/text.ts
var cards_text = __webpack_require__(6069);
;// CONCATENATED MODULE: ./src/delivery/cards/message-card.ts






const THEME = { high: 'C4314B', medium: 'F8D22A', low: '0078D4', informational: '8A8886' };
const factsOf = (rows) => rows.filter(([, value]) => value !== '').map(([name, value]) => ({ name: `${name}:`, value: (0,cards_text/* neutralize */.YI)(value) }));
function openUri(name, url, hosts) {
    const safe = (0,cards_text/* safeUrl */.Pl)(url, hosts);
    return safe ? [{ '@type': 'OpenUri', name, targets: [{ os: 'default', uri: safe }] }] : [];
}
/** One card about one notice: a titled section of facts under the severity's colour, and its buttons. */
function single(notice, what, caption, rows, extra, actions) {
    const alert = notice.alert;
    const look = (0,adaptive/* severityLook */.NI)(alert.severity);
    return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: `${look.label} severity ${what}`,
        themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
        sections: [
            {
                activityTitle: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(alert.title || `(untitled ${what.replace(/^security /, '')})`, 300)),
                activitySubtitle: `${look.label} severity · ${caption}`,
                markdown: false,
                facts: factsOf(rows)
            },
            ...extra
        ],
        potentialAction: actions
    };
}
function alertButtons(notice, hosts) {
    return [
        ...openUri('Open in Microsoft Defender', notice.alert.alertWebUrl, hosts),
        ...openUri('Open incident', notice.alert.incidentWebUrl, hosts)
    ];
}
function legacyAlert({ notices: [notice], portalHosts }) {
    const alert = notice.alert;
    const extra = [];
    if (alert.description)
        extra.push({ text: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(String(alert.description), 1000)), markdown: false });
    if (alert.recommendedActions)
        extra.push({ title: 'Recommended actions', text: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(String(alert.recommendedActions), 600)), markdown: false });
    return single(notice, 'security alert', 'New alert', (0,alert_card/* newAlertFacts */._K)(alert), extra, alertButtons(notice, portalHosts));
}
function legacyFollowUp({ notices: [notice], portalHosts }) {
    return single(notice, 'security alert', (0,alert_card/* followUpCaption */.fR)(notice), (0,alert_card/* followUpFacts */.kp)(notice), [], alertButtons(notice, portalHosts));
}
function legacyIncident({ notices: [notice], portalHosts }) {
    const buttons = openUri('Open incident', notice.incident?.incident.incidentWebUrl, portalHosts);
    return single(notice, 'security incident', 'incident', (0,incident_card/* incidentFacts */.S)(notice), [], buttons);
}
/** An audit rule notice: its own facts (rule, count or value, group, samples) and the Purview search. */
function legacyRule({ notices: [notice], portalHosts }) {
    const buttons = openUri('Open Purview audit search', notice.alert.alertWebUrl, portalHosts);
    return single(notice, 'audit log rule notice', 'Audit log rule', (0,rule_card/* ruleFacts */.S)(notice), [], buttons);
}
function headed(heading, facts, extra = [], actions = []) {
    const card = {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: heading,
        themeColor: THEME.informational,
        sections: [{ activityTitle: heading, markdown: false, facts }, ...extra]
    };
    if (actions.length > 0)
        card.potentialAction = actions;
    return card;
}
function legacyDigest({ notices, digestHeading }) {
    return headed(digestHeading ?? '', notices.map(notice => ({
        name: `${(0,adaptive/* severityLook */.NI)(notice.alert.severity).label}:`,
        value: (0,cards_text/* neutralize */.YI)(`${(0,cards_text/* truncate */.xv)(notice.alert.title || '(untitled alert)', 160)} (${(0,cards_text/* serviceLabel */.uZ)(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`)
    })));
}
function legacyBacklog({ waiting = [], runUrl }) {
    const link = runUrl ? [{ '@type': 'OpenUri', name: 'Open the workflow run', targets: [{ os: 'default', uri: runUrl }] }] : [];
    return headed((0,digest_card/* backlogHeading */.AC)(waiting), factsOf((0,digest_card/* backlogFacts */.JV)(waiting)), [{ text: digest_card/* BACKLOG_EXPLANATION */.Wq, markdown: false }], link);
}

;// CONCATENATED MODULE: ./src/delivery/cards/set-up-card.ts

const MARK = 'TEST CARD · not a security alert';
const HEADING = 'm365-alerts-to-teams can post to this channel';
function testCard({ note = '' }) {
    return (0,adaptive/* card */.Nr)([
        {
            type: 'Container',
            style: 'good',
            bleed: true,
            items: [{ type: 'TextBlock', text: MARK, weight: 'Bolder', color: 'Good', size: 'Small', wrap: true }]
        },
        { type: 'TextBlock', text: HEADING, weight: 'Bolder', size: 'Large', wrap: true },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: note }] }
    ]);
}
function legacyTestCard({ digestHeading = MARK, note = '' }) {
    return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: digestHeading,
        themeColor: '2EB886',
        sections: [{ activityTitle: digestHeading, activitySubtitle: MARK, markdown: false, text: note }]
    };
}

;// CONCATENATED MODULE: ./src/delivery/cards/renderers.ts







/**
 * The one place that says how each kind of card is drawn, in each format. A new kind of notice adds a
 * row here (and `cardKindOf` in plan.ts says which notices get it); the card tests render every row in
 * every format.
 */
const RENDERERS = {
    alert: { adaptive: c => (0,alert_card/* newAlertCard */.$K)(c.notices[0].alert, c.portalHosts), legacy: legacyAlert },
    'follow-up': { adaptive: c => (0,alert_card/* followUpCard */.Jt)(c.notices[0], c.portalHosts), legacy: legacyFollowUp },
    incident: { adaptive: c => (0,incident_card/* incidentCard */.X)(c.notices[0], c.portalHosts), legacy: legacyIncident },
    rule: { adaptive: c => (0,rule_card/* ruleCard */.r)(c.notices[0], c.portalHosts), legacy: legacyRule },
    digest: { adaptive: c => (0,digest_card/* digestCardWith */.Xs)(c.digestHeading ?? '', c.notices, c.portalHosts), legacy: legacyDigest },
    backlog: { adaptive: c => (0,digest_card/* backlogCard */.ku)(c.waiting ?? [], c.runUrl), legacy: legacyBacklog },
    test: { adaptive: testCard, legacy: legacyTestCard },
    board: { adaptive: board_card/* boardCard */.zD, legacy: board_card/* legacyBoardCard */.kR }
};
/** The MessageCard of a planned card: drawn by the same table entry as its Adaptive Card. */
function messageCard(plan) {
    return RENDERERS[plan.kind].legacy(plan);
}


/***/ }),

/***/ 1047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ ruleFacts),
/* harmony export */   r: () => (/* binding */ ruleCard)
/* harmony export */ });
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9295);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8028);
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2660);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6069);




/** rules: the card about an audit rule firing. */
const RULE_TYPE_LABEL = { match: 'match', threshold: 'threshold', 'new-value': 'new value' };
const GROUP_LABELS = { userprincipalname: 'User', userid: 'User', clientip: 'IP address' };
/** A sample's object, short: the last part of a SharePoint/OneDrive URL or path (the Purview search has the rest). */
function objectName(value) {
    const object = String(value ?? '');
    const last = /[/\\]([^/\\]+)[/\\]?$/.exec(object)?.[1];
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(last && object.length > 60 ? `…/${last}` : object, 120);
}
/** The rows of an audit rule card: what fired, for whom, and up to five of the records behind it. */
function ruleFacts(notice) {
    const hit = notice.rule;
    const text = (value, max = 200) => (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(String(value ?? ''), max);
    const rows = [
        ['Rule', `${text(hit.rule)} (${Object.hasOwn(RULE_TYPE_LABEL, hit.type) ? RULE_TYPE_LABEL[hit.type] : text(hit.type, 20)} rule)`]
    ];
    if (hit.type === 'threshold') {
        const what = hit.distinct ? `distinct ${text(hit.distinct, 80)} values` : 'events';
        rows.push([
            'Count',
            `${text(hit.count, 12)} ${what} within ${Number.isFinite(Number(hit.windowMs)) ? (0,_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shortDuration */ .TV)(Number(hit.windowMs)) : ''} (threshold ${text(hit.threshold, 12)})`
        ]);
    }
    if (hit.type === 'match' && Number(hit.count) > 1)
        rows.push(['Count', `${text(hit.count, 12)} matching records in one query window`]);
    if (hit.type === 'new-value') {
        rows.push([`New ${text(hit.valueField, 80)}`, text(hit.value)]);
        const known = Array.isArray(hit.known) ? hit.known.map(value => text(value, 60)) : [];
        rows.push(['Known before', known.length ? known.join(', ') : '']);
    }
    if (hit.groupBy) {
        const key = String(hit.groupBy).toLowerCase();
        rows.push([Object.hasOwn(GROUP_LABELS, key) ? GROUP_LABELS[key] : text(hit.groupBy, 80), text(hit.group)]);
    }
    rows.push(['Operations', Array.isArray(hit.operations) ? (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(hit.operations.map(op => String(op)).join(', '), 300) : '']);
    rows.push(['First seen', (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(notice.alert.createdDateTime)]);
    const samples = Array.isArray(hit.samples) ? hit.samples.slice(0, 5) : [];
    if (samples.length > 0) {
        rows.push([
            samples.length === 1 ? 'Record' : `Sample records (${samples.length})`,
            samples
                .map(sample => [
                (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTime */ .fU)(sample?.time),
                text(sample?.user, 120),
                text(sample?.operation, 80),
                objectName(sample?.object),
                text(sample?.clientIp, 60)
            ]
                .filter(Boolean)
                .join(' · '))
                .join('\n')
        ]);
    }
    rows.push(['Notice ID', notice.alert.id]);
    return rows;
}
/** One card per rule firing, with a button to the Purview audit search to see every record. */
function ruleCard(notice, hosts = _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_PORTALS */ .y) {
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .card */ .Nr)([(0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(notice.alert, 'Audit log rule'), (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .facts */ .Ix)(ruleFacts(notice))], (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_2__/* .openUrlAction */ ._w)('Open Purview audit search', notice.alert.alertWebUrl, hosts));
}


/***/ }),

/***/ 5067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ storedBodyBytes),
/* harmony export */   Al: () => (/* binding */ MAX_CARD_BYTES),
/* harmony export */   OM: () => (/* binding */ bodyBytes),
/* harmony export */   VB: () => (/* binding */ MAX_DIGEST_BODY_BYTES),
/* harmony export */   Zk: () => (/* binding */ storedBytes),
/* harmony export */   fH: () => (/* binding */ workflowsEnvelope),
/* harmony export */   qT: () => (/* binding */ cardBytes),
/* harmony export */   wG: () => (/* binding */ MAX_STORED_BODY_BYTES)
/* harmony export */ });
/** How big a card may be, measured as Teams and Power Automate measure it. Pure. */
/** Teams rejects cards over ~28 KB after re-serialisation; stay well below. */
const MAX_CARD_BYTES = 20_000;
/**
 * A digest is filled up to this many bytes of the request body as sent (the Workflows envelope around
 * the card): Teams refuses 28 KB after its own wrapping, 24 KB leaves room for it. Rows are compact
 * (~350 bytes for a typical alert), so a digest carries 50 or more alerts.
 */
const MAX_DIGEST_BODY_BYTES = 24_000;
/**
 * Every post stays at most this many bytes as Power Automate stores it (storedBytes): Teams' 28,672-byte
 * limit is applied after the flow has re-serialised the message, which grows it (quotes and backslashes
 * escaped again, non-ASCII written as \uXXXX: one published case grew 24,453 → 28,897 bytes). The 202 the
 * trigger answered does not tell when that fails, so the action never sends what could.
 */
const MAX_STORED_BODY_BYTES = 26_000;
function cardBytes(card) {
    return Buffer.byteLength(JSON.stringify(card));
}
/** Bytes of the request body a card is sent in (the Workflows envelope). */
function bodyBytes(card) {
    return Buffer.byteLength(JSON.stringify(workflowsEnvelope(card)));
}
const NON_ASCII = /[\u0080-\uffff]/g;
/** Bytes of `value` as Power Automate stores it: its JSON as a JSON string, every non-ASCII character as \uXXXX. */
function storedBytes(value) {
    return Buffer.byteLength(JSON.stringify(JSON.stringify(value)).replace(NON_ASCII, '\\uXXXX'));
}
/** Bytes a card's request body takes as Power Automate stores it. */
function storedBodyBytes(card) {
    return storedBytes(workflowsEnvelope(card));
}
/** The request body Teams Workflows ("When a Teams webhook request is received") expects. */
function workflowsEnvelope(card) {
    return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}


/***/ }),

/***/ 6069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ humanize),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   YI: () => (/* binding */ neutralize),
/* harmony export */   Zd: () => (/* binding */ detectionName),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   fe: () => (/* binding */ serviceName),
/* harmony export */   uZ: () => (/* binding */ serviceLabel),
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
/** A label, a dot and a label of two or more letters: `evil.zzz`, `invoice.pdf` (defanged too, harmlessly). */
const HOST_SHAPED = /[\p{L}\p{N}-]\.\p{L}{2,}/u;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6 = /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
/** Untrusted text longer than this is cut before any pattern sees it: neutralising stays linear. */
const MAX_NEUTRALIZED_LENGTH = 5000;
/** Finds host names on every real TLD (IANA's list, kept current by the `tlds` package), e-mails and IPs. */
const linkify = new linkify_it__WEBPACK_IMPORTED_MODULE_0__/* .LinkifyIt */ .c$({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true, tlds: tlds__WEBPACK_IMPORTED_MODULE_1__ });
function defang(link) {
    return link.replace(/^http/i, 'hxxp').replace(/:\/\//, '[:]//').replace(/\./g, '[.]');
}
function cleanText(value) {
    if (value === null || value === undefined)
        return '';
    return String(value).replace(/\r\n?/g, '\n').replace(INVISIBLE, '').normalize('NFC');
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
    return (text
        .replace(URL_LIKE, (_all, scheme, rest) => `${scheme.replace(/^http/i, 'hxxp').replace(/:/, '[:]')}${rest.replace(/\./g, '[.]')}`)
        .replace(IPV4, ip => ip.replace(/\./g, '[.]'))
        .replace(IPV6, ip => (ip.split(':').length >= 3 && /[0-9a-f]/i.test(ip) ? ip.replace(/:/g, '[:]') : ip))
        // Whatever the TLD (one newer than the list, or one a client invents): any word that still looks
        // like host.name gets its dots defanged too. One pass over the words, so linear.
        .replace(/\S+/g, word => (HOST_SHAPED.test(word) ? word.replace(/\.(?=[\p{L}\p{N}])/gu, '[.]') : word))
        .replace(/</g, '‹')
        .replace(/>/g, '›'));
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
/** Product names as Microsoft writes them, for the serviceSource values Graph documents. */
const SERVICE_NAMES = {
    microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
    microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
    microsoftDefenderForCloudApps: 'Microsoft Defender for Cloud Apps',
    microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
    microsoft365Defender: 'Microsoft Defender XDR',
    azureAdIdentityProtection: 'Entra ID Protection',
    microsoftAppGovernance: 'App governance',
    dataLossPrevention: 'Microsoft Purview Data Loss Prevention',
    microsoftDefenderForCloud: 'Microsoft Defender for Cloud',
    microsoftSentinel: 'Microsoft Sentinel',
    microsoftInsiderRiskManagement: 'Microsoft Purview Insider Risk Management',
    auditLogRule: 'Audit log rule (this action)'
};
/** The same, short, for digest rows and counts where space is tight. */
const SERVICE_LABELS = {
    microsoftDefenderForEndpoint: 'Defender for Endpoint',
    microsoftDefenderForIdentity: 'Defender for Identity',
    microsoftDefenderForCloudApps: 'Defender for Cloud Apps',
    microsoftDefenderForOffice365: 'Defender for Office 365',
    microsoft365Defender: 'Defender XDR',
    azureAdIdentityProtection: 'Entra ID Protection',
    microsoftAppGovernance: 'App governance',
    dataLossPrevention: 'Purview DLP',
    microsoftDefenderForCloud: 'Defender for Cloud',
    microsoftSentinel: 'Sentinel',
    microsoftInsiderRiskManagement: 'Insider Risk Management',
    auditLogRule: 'Audit rule'
};
/** detectionSource values whose humanised form reads badly. */
const DETECTION_NAMES = {
    microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
    microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
    microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
    microsoft365Defender: 'Microsoft Defender XDR',
    azureAdIdentityProtection: 'Entra ID Protection',
    cloudAppSecurity: 'Microsoft Defender for Cloud Apps',
    microsoftDataLossPrevention: 'Microsoft Purview Data Loss Prevention',
    microsoftInsiderRiskManagement: 'Microsoft Purview Insider Risk Management',
    smartScreen: 'SmartScreen',
    customTi: 'Custom threat intelligence',
    microsoftThreatExperts: 'Microsoft Threat Experts',
    appGovernancePolicy: 'App governance policy',
    appGovernanceDetection: 'App governance detection',
    nrtAlerts: 'Near-real-time analytics rule',
    scheduledAlerts: 'Scheduled analytics rule',
    builtInMl: 'Built-in machine learning',
    microsoftDefenderForIoT: 'Microsoft Defender for IoT',
    microsoftDefenderForDNS: 'Microsoft Defender for DNS',
    microsoftSentinel: 'Microsoft Sentinel',
    microsoftThreatIntelligence: 'Microsoft Threat Intelligence',
    microsoftDefenderThreatIntelligenceAnalytics: 'Microsoft Defender Threat Intelligence analytics'
};
function named(table, value) {
    return typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : humanize(value);
}
/** A serviceSource as Microsoft names the product; values added later fall back to humanize. */
function serviceName(value) {
    return named(SERVICE_NAMES, value);
}
/** A serviceSource as a short readable name, for digest rows. */
function serviceLabel(value) {
    return named(SERVICE_LABELS, value);
}
/** A detectionSource as analysts know it. */
function detectionName(value) {
    return named(DETECTION_NAMES, value);
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


/***/ })

};

//# sourceMappingURL=470.index.js.map