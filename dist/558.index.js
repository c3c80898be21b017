export const id = 558;
export const ids = [558];
export const modules = {

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


/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUMMARY_HEADER: () => (/* binding */ SUMMARY_HEADER),
/* harmony export */   html: () => (/* binding */ html),
/* harmony export */   summaryRow: () => (/* binding */ summaryRow)
/* harmony export */ });
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4205);
/* harmony import */ var _delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6069);


const SUMMARY_HEADER = ['Notice', 'Severity', 'Title', 'Source', 'Created', 'Channel', 'Delivered'];
/** One row of the job summary: the alert (linked to the portal when the link is safe), where it went, how it went. */
function summaryRow(notice, result) {
    const alert = notice.alert;
    const title = html((0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(String(alert.title ?? alert.id), 120));
    const url = (0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(alert.alertWebUrl, result.plan.portalHosts);
    const outcome = result.delivered ? '✅' : `${result.deferred ? '⏳' : '❌'} ${html((0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(result.error ?? '', 160))}`;
    return [
        html(notice.kind),
        html(String(alert.severity ?? '')),
        url ? `<a href="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">${title}</a>` : title,
        html((0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceLabel */ .uZ)(alert.serviceSource)),
        html((0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(alert.createdDateTime)),
        html(result.plan.channel ?? 'default'),
        outcome
    ];
}
/**
 * Alert text in the summary sits in an HTML table inside markdown. A blank line would end the HTML block
 * and hand the rest to the markdown parser, so line breaks become spaces; markdown punctuation becomes
 * entities, so no link, image or emphasis can form; and the text is kept inert as on the cards.
 */
function html(text) {
    return (0,_delivery_cards_text_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralize */ .YI)((0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text), 2000)
        .replace(/\s+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/‹/g, '&lt;')
        .replace(/›/g, '&gt;')
        .replace(/[[\]()!*_`~|\\]/g, char => `&#${char.charCodeAt(0)};`);
}


/***/ })

};

//# sourceMappingURL=558.index.js.map