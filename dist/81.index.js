export const id = 81;
export const ids = [81];
export const modules = {

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createTokenProvider: () => (/* binding */ createTokenProvider)
/* harmony export */ });
/* unused harmony exports AuthError, readCertificatePem, TOKEN_RETRY_POLICY, explainEntraError, expectedSubjectHint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3838);
/* harmony import */ var _azure_msal_node__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2669);
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(157);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3916);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6803);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5625);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7194);








/**
 * Signs in to Entra ID as the app registration (client credentials flow) and hands out Graph tokens.
 * One ConfidentialClientApplication per run: MSAL caches the token and refreshes it when it nears expiry.
 */
class AuthError extends _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ExplainedError */ .h {
    name = 'AuthError';
}
/** Splits a PEM holding a certificate (chain) and a private key into what MSAL wants. */
function readCertificatePem(pem, password) {
    const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    const keyBlock = pem.match(/-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/)?.[0];
    if (certificates.length === 0 || !keyBlock) {
        throw new AuthError("Input 'client-certificate' must hold a -----BEGIN CERTIFICATE----- block and a -----BEGIN PRIVATE KEY----- block.");
    }
    let certificate;
    try {
        certificate = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(certificates[0]);
    }
    catch {
        throw new AuthError("Input 'client-certificate' holds a CERTIFICATE block that is not a valid X.509 certificate.");
    }
    let privateKey;
    try {
        privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: keyBlock, passphrase: password ?? '' })
            .export({ format: 'pem', type: 'pkcs8' })
            .toString();
    }
    catch {
        throw new AuthError(password
            ? "Input 'client-certificate-password' does not decrypt the private key in 'client-certificate'."
            : "Input 'client-certificate' holds a private key that cannot be read; if it is encrypted, set 'client-certificate-password'.");
    }
    if (!certificate.checkPrivateKey((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKey))) {
        throw new AuthError("Input 'client-certificate' holds a private key that does not belong to its certificate.");
    }
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(privateKey);
    return {
        privateKey,
        thumbprintSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(certificate.raw).digest('hex'),
        // x5c: the chain, so Entra can use subject name + issuer authentication.
        x5c: certificates.join('\n')
    };
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
/**
 * MSAL's HTTP goes through the same bounded, retrying exchange as Graph and Teams. It also sees the
 * request body, so a certificate-mode client assertion is masked before any answer could echo it.
 */
class BoundedNetworkClient {
    options;
    /** The last exchange that failed for good; MSAL wraps errors, the message here says what happened. */
    lastFailure;
    constructor(options) {
        this.options = options;
    }
    sendGetRequestAsync(url, options) {
        return this.send('GET', url, options);
    }
    sendPostRequestAsync(url, options) {
        return this.send('POST', url, options);
    }
    async send(method, url, request) {
        const assertion = /(?:^|&)client_assertion=([^&]+)/.exec(request?.body ?? '')?.[1];
        if (assertion) {
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(assertion);
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(decodeURIComponent(assertion));
        }
        try {
            const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .exchange */ .cv)({ method, url, headers: request?.headers ?? {}, body: request?.body }, {
                policy: { ...TOKEN_RETRY_POLICY, timeoutMs: this.options.timeoutMs },
                what: 'Signing in to Entra ID',
                signal: this.options.signal,
                maxBodyBytes: MAX_TOKEN_ANSWER_BYTES,
                validate: ({ body }) => void JSON.parse(body)
            });
            let body;
            try {
                body = JSON.parse(answer.body);
            }
            catch {
                body = { error: 'invalid_response', error_description: `Entra ID answered HTTP ${answer.status} with a body that is not JSON.` };
            }
            const headers = {};
            for (const [name, value] of Object.entries(answer.headers))
                if (value !== undefined)
                    headers[name] = Array.isArray(value) ? value.join(', ') : value;
            return { status: answer.status, headers, body: body };
        }
        catch (error) {
            this.lastFailure = error;
            throw error;
        }
    }
}
/**
 * The tenant's sign-in metadata, given to MSAL so that signing in is one request (the token) instead
 * of three (instance discovery, OpenID configuration, token). The endpoints are Entra's fixed layout.
 */
function authorityMetadata(authority) {
    return JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`
    });
}
/** Entra error codes an admin can fix, with the fix. */
function explainEntraError(message, settings) {
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
        case '700023':
            return `Entra ID rejected the certificate${tail}. Upload the certificate (public part) under App registrations → Certificates & secrets, or check that it has not expired.`;
        case '700213':
        case '70021':
            return `Entra ID found no federated credential on the app matching this workflow's GitHub OIDC token${tail}. ${expectedSubjectHint()}`;
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
            return `Signing in to Entra ID failed${tail}: ${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(message.split('\n')[0]), 500)}`;
    }
}
/** The subject GitHub puts in this run's OIDC token by default, for the federated credential. */
function expectedSubjectHint(env = process.env) {
    const repo = env.GITHUB_REPOSITORY;
    const ref = env.GITHUB_REF;
    const subject = repo && ref ? `repo:${repo}:ref:${ref}` : 'repo:OWNER/REPO:ref:refs/heads/main';
    return (`Add a federated credential (App registrations → Certificates & secrets → Federated credentials → GitHub Actions) with Issuer https://token.actions.githubusercontent.com, Audience api://AzureADTokenExchange and Subject ${subject} ` +
        `(for a job that uses an environment: repo:OWNER/REPO:environment:NAME). If the repository or organisation customised its OIDC subject claim, for example to the newer immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:..., use that form instead.`);
}
async function createTokenProvider(settings, options = { timeoutMs: TOKEN_RETRY_POLICY.timeoutMs }) {
    const authority = `${settings.authorityHost}/${settings.tenantId}`;
    // Known clouds and an authority-host override alike: the host is trusted as configured and its metadata
    // is given, so MSAL asks neither instance discovery nor the OpenID configuration. Nothing is cached across runs.
    const auth = {
        clientId: settings.clientId,
        authority,
        knownAuthorities: [new URL(settings.authorityHost).host],
        authorityMetadata: authorityMetadata(authority)
    };
    const credential = settings.credential;
    if (credential.kind === 'secret') {
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(credential.clientSecret);
        auth.clientSecret = credential.clientSecret;
    }
    else if (credential.kind === 'certificate') {
        auth.clientCertificate = readCertificatePem(credential.pem, credential.password);
    }
    else {
        // Called by MSAL for every token request, so a long run never reuses an expired assertion.
        auth.clientAssertion = async () => {
            if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
                throw new AuthError("No client-secret or client-certificate is set, so the action signs in with GitHub OIDC, but the job cannot request an ID token. Add 'permissions: id-token: write' to the job (and keep 'contents: read'), or set client-secret.");
            }
            let assertion;
            try {
                assertion = await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getIDToken */ .V9('api://AzureADTokenExchange');
            }
            catch (error) {
                throw new AuthError(`Requesting the GitHub OIDC token failed: ${error.message}. Check that the job has 'permissions: id-token: write'.`);
            }
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(assertion);
            return assertion;
        };
    }
    const network = new BoundedNetworkClient(options);
    const app = new _azure_msal_node__WEBPACK_IMPORTED_MODULE_2__/* .ConfidentialClientApplication */ .WR({
        auth,
        system: {
            networkClient: network,
            disableInternalRetries: true,
            loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined }
        }
    });
    const scopes = [`${_clouds_js__WEBPACK_IMPORTED_MODULE_3__/* .CLOUDS */ .J[settings.cloud].graph}/.default`];
    return async () => {
        let result;
        try {
            result = await app.acquireTokenByClientCredential({ scopes });
        }
        catch (error) {
            if (error instanceof AuthError || error instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__/* .ExchangeCancelled */ .dH)
                throw error;
            const failure = network.lastFailure;
            network.lastFailure = undefined;
            if (failure instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__/* .ExchangeCancelled */ .dH)
                throw failure;
            if (failure instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__/* .HttpError */ .j$)
                throw new AuthError(`${failure.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`);
            const message = String(error?.message ?? error);
            throw new AuthError(explainEntraError(message, settings));
        }
        if (!result?.accessToken)
            throw new AuthError('Entra ID returned no access token.');
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(result.accessToken);
        return result.accessToken;
    };
}


/***/ })

};

//# sourceMappingURL=81.index.js.map