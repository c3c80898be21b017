export const id = 210;
export const ids = [210];
export const modules = {

/***/ 210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createTokenProvider: () => (/* binding */ createTokenProvider)
/* harmony export */ });
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9295);
/* harmony import */ var _entra_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6270);
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4137);
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4205);





/**
 * Signs in to Entra ID as the app registration (client credentials flow) and hands out Graph tokens.
 * A client secret or a GitHub OIDC token is one form POST to the tenant's token endpoint, made here
 * through the bounded HTTP client; a certificate needs a signed assertion and goes through MSAL
 * (auth-msal.ts), loaded only then: MSAL is 0.75 MB of JavaScript that every other run would compile.
 * The token is kept for the run and asked for again when it nears expiry; nothing is cached across runs.
 */
/** A token is asked for again when it has less than this left. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** GitHub's OIDC token for Entra (federated credential), asked for on every token request. */
async function githubAssertion() {
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR("No client-secret or client-certificate is set, so the action signs in with GitHub OIDC, but the job cannot request an ID token. Add 'permissions: id-token: write' to the job (and keep 'contents: read'), or set client-secret.");
    }
    let assertion;
    try {
        // @actions/core (with its HTTP client) is loaded only here: the one call that needs it.
        const { getIDToken } = await __webpack_require__.e(/* import() */ 838).then(__webpack_require__.bind(__webpack_require__, 3838));
        assertion = await getIDToken('api://AzureADTokenExchange');
    }
    catch (error) {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`Requesting the GitHub OIDC token failed: ${error.message}. Check that the job has 'permissions: id-token: write'.`);
    }
    (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(assertion);
    return assertion;
}
/** Entra's error text: error_description holds the AADSTS code and message. */
function entraErrorText(body, status) {
    try {
        const data = JSON.parse(body);
        const text = [data.error_description, data.error].find(value => typeof value === 'string' && value);
        if (text)
            return String(text);
    }
    catch {
        // Not JSON: say what arrived.
    }
    return `Entra ID answered HTTP ${status} without an error description`;
}
/** One client-credentials token request (secret or OIDC assertion), retried like Graph's requests. */
async function requestToken(settings, form, options) {
    let answer;
    try {
        answer = await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_2__/* .exchange */ .cv)({
            method: 'POST',
            url: `${settings.authorityHost}/${settings.tenantId}/oauth2/v2.0/token`,
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
            body: new URLSearchParams(form).toString()
        }, {
            policy: { ..._entra_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_RETRY_POLICY */ .Kl, timeoutMs: options.timeoutMs },
            what: 'Signing in to Entra ID',
            signal: options.signal,
            maxBodyBytes: _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TOKEN_ANSWER_BYTES */ .Ac,
            validate: ({ body }) => void JSON.parse(body)
        });
    }
    catch (error) {
        if (error instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j$)
            throw new _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`${error.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`);
        throw error;
    }
    if (answer.status < 200 || answer.status >= 300) {
        const claims = form.client_assertion ? (0,_entra_js__WEBPACK_IMPORTED_MODULE_1__/* .assertionClaims */ .OV)(form.client_assertion) : undefined;
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR((0,_entra_js__WEBPACK_IMPORTED_MODULE_1__/* .explainEntraError */ .cC)(entraErrorText(answer.body, answer.status), settings, claims));
    }
    const data = JSON.parse(answer.body);
    if (typeof data.access_token !== 'string' || data.access_token === '')
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR('Entra ID returned no access token.');
    const expiresIn = Number(data.expires_in);
    return { token: data.access_token, expiresAt: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000) };
}
/**
 * Tokens for one resource: Microsoft Graph by default, or another scope (the Bot Connector's, for
 * teams-delivery: bot) with the same app's credential or the bot's own.
 */
async function createTokenProvider(settings, options = { timeoutMs: _entra_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_RETRY_POLICY */ .Kl.timeoutMs }, scope = `${_inputs_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOUDS */ .J[settings.cloud].graph}/.default`) {
    const credential = settings.credential;
    if (credential.kind === 'certificate')
        return (await Promise.all(/* import() */[__webpack_require__.e(273), __webpack_require__.e(669), __webpack_require__.e(718)]).then(__webpack_require__.bind(__webpack_require__, 8718))).certificateTokenProvider(settings, credential, options, scope);
    if (credential.kind === 'secret')
        (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(credential.clientSecret);
    let current;
    return async () => {
        if (current && current.expiresAt - REFRESH_BEFORE_MS > Date.now())
            return current.token;
        const form = { client_id: settings.clientId, scope, grant_type: 'client_credentials' };
        if (credential.kind === 'secret')
            form.client_secret = credential.clientSecret;
        else {
            form.client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
            form.client_assertion = await githubAssertion();
        }
        current = await requestToken(settings, form, options);
        (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(current.token);
        return current.token;
    };
}


/***/ }),

/***/ 6270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ MAX_TOKEN_ANSWER_BYTES),
/* harmony export */   Kl: () => (/* binding */ TOKEN_RETRY_POLICY),
/* harmony export */   OV: () => (/* binding */ assertionClaims),
/* harmony export */   cC: () => (/* binding */ explainEntraError),
/* harmony export */   lR: () => (/* binding */ AuthError)
/* harmony export */ });
/* unused harmony export expectedSubjectHint */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _runtime_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(390);
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4205);



/** What both sign-in paths share: the error type, the retry policy, Entra's error codes explained. */
class AuthError extends _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExplainedError */ .h {
    name = 'AuthError';
}
/** Token requests are retried like Graph's: resets, time-outs, 429 and 5xx, within a bounded budget. */
const TOKEN_RETRY_POLICY = {
    maxAttempts: 4,
    maxTotalMs: 60_000,
    baseDelayMs: 1_000,
    maxDelayMs: 15_000,
    timeoutMs: 30_000,
    retryStatuses: [429, 500, 502, 503, 504]
};
/** Entra's answers are small JSON documents. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/** Reads `sub` and `aud` from a JWT's payload (not verified: only to tell the admin what was presented). */
function assertionClaims(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        const text = (value) => (typeof value === 'string' ? (0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(value, 300) : undefined);
        return { sub: text(payload.sub), aud: text(Array.isArray(payload.aud) ? payload.aud[0] : payload.aud) };
    }
    catch {
        return {};
    }
}
/** Entra's text cut to its code and first sentence: enough to look it up, without an echoed request. */
function firstSentence(message) {
    const line = message.split('\n')[0];
    const end = /\.(\s|$)/.exec(line);
    return (0,_runtime_log_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)((0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(end ? line.slice(0, end.index + 1) : line), 300);
}
/** Entra error codes an admin can fix, with the fix. `claims`: the OIDC token presented, if any. */
function explainEntraError(message, settings, claims) {
    const code = /AADSTS(\d+)/.exec(message)?.[1];
    const tail = code ? ` (AADSTS${code})` : '';
    switch (code) {
        case '7000215':
        case '7000222':
            return `Entra ID rejected the client secret${tail}: it is wrong or expired. Create a new secret under App registrations → Certificates & secrets and store its Value (not its ID) in the secret passed as client-secret.`;
        case '700016':
            return `Entra ID does not know the application ${settings.clientId} in tenant ${settings.tenantId}${tail}. Check client-id (Application (client) ID) and tenant-id (Directory (tenant) ID) on the app registration's Overview page.`;
        case '90002':
        case '900023':
            return `Entra ID does not know the tenant ${settings.tenantId}${tail}. Check tenant-id and the cloud input.`;
        case '700027':
            return `Entra ID rejected the certificate${tail}. Upload the certificate (public part) under App registrations → Certificates & secrets, or check that it has not expired.`;
        case '700023':
            // "Client assertion audience claim does not match Realm issuer": the assertion was made for another
            // token endpoint (tenant, cloud or authority host), not a certificate problem.
            return `Entra ID refused the client assertion${tail}: its audience does not match this tenant's token endpoint (${settings.authorityHost}/${settings.tenantId}/oauth2/v2.0/token). Check tenant-id, the cloud input${settings.customAuthority ? ' and authority-host' : ''}: they must name the tenant the app is registered in.`;
        case '700213':
        case '70021':
            return `Entra ID found no federated credential on the app matching this workflow's GitHub OIDC token${tail}. ${expectedSubjectHint(process.env, claims)}`;
        case '700211':
            return `Entra ID found no federated credential with this token's issuer${tail}. The federated credential's Issuer must be https://token.actions.githubusercontent.com (scenario "GitHub Actions deploying Azure resources").`;
        case '700212':
            return `Entra ID found no federated credential with this token's audience${tail}. Set the federated credential's Audience to api://AzureADTokenExchange.`;
        case '7000112':
            return `The application ${settings.clientId} is disabled in tenant ${settings.tenantId}${tail}.`;
        default:
            if (/endpoints_resolution_error/.test(message)) {
                // MSAL reads the tenant's OpenID metadata first; Entra answers AADSTS90002 there for an unknown tenant.
                return `Entra ID has no sign-in metadata for tenant ${settings.tenantId} at ${settings.authorityHost}: the tenant does not exist in the ${settings.cloud} cloud. Check tenant-id (Directory (tenant) ID) and the cloud input${settings.customAuthority ? ' and authority-host' : ''}.`;
            }
            return `Signing in to Entra ID failed${tail}: ${firstSentence(message)}`;
    }
}
/**
 * What to register for GitHub OIDC. With the token in hand its own `sub` and `aud` are printed: GitHub's
 * default subject is `repo:OWNER/REPO:ref:…` for older repositories and, for repositories created or
 * renamed since 2026-07-15, the immutable form `repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:…`; organisations can
 * customise it too, so a guess from GITHUB_REPOSITORY can be wrong. Without a token, both forms are shown.
 */
function expectedSubjectHint(env = process.env, claims) {
    const where = 'Add a federated credential (App registrations → Certificates & secrets → Federated credentials → GitHub Actions, or "Other issuer") with Issuer https://token.actions.githubusercontent.com';
    if (claims?.sub) {
        return `This run's token has Subject ${claims.sub} and Audience ${claims.aud ?? '(none)'}. ${where}, Audience api://AzureADTokenExchange and exactly that Subject (register the subject the run prints, not one built from the repository name).`;
    }
    const repo = env.GITHUB_REPOSITORY ?? 'OWNER/REPO';
    const ref = env.GITHUB_REF ?? 'refs/heads/main';
    return (`${where}, Audience api://AzureADTokenExchange and the Subject GitHub puts in this workflow's token: repo:${repo}:ref:${ref} for older repositories, ` +
        `or the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:${ref} for repositories created or renamed since 2026-07-15 (for a job with an environment, …:environment:NAME). Register the subject the run prints.`);
}


/***/ })

};

//# sourceMappingURL=210.index.js.map