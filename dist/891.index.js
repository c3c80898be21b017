export const id = 891;
export const ids = [891];
export const modules = {

/***/ 4891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   certificateTokenProvider: () => (/* binding */ certificateTokenProvider)
/* harmony export */ });
/* harmony import */ var _azure_msal_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2669);
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(157);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9081);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6803);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7194);





/**
 * Certificate sign-in through MSAL, which builds and signs the client assertion (x5t#S256, x5c). Loaded
 * only for client-certificate. One ConfidentialClientApplication per run: MSAL caches the token and
 * refreshes it when it nears expiry.
 */
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
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(assertion);
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(decodeURIComponent(assertion));
        }
        try {
            const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .exchange */ .cv)({ method, url, headers: request?.headers ?? {}, body: request?.body }, {
                policy: { ..._auth_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_RETRY_POLICY */ .Kl, timeoutMs: this.options.timeoutMs },
                what: 'Signing in to Entra ID',
                signal: this.options.signal,
                maxBodyBytes: _auth_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TOKEN_ANSWER_BYTES */ .Ac,
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
async function certificateTokenProvider(settings, credential, options) {
    const authority = `${settings.authorityHost}/${settings.tenantId}`;
    // Known clouds and an authority-host override alike: the host is trusted as configured and its metadata
    // is given, so MSAL asks neither instance discovery nor the OpenID configuration. Nothing is cached across runs.
    const auth = {
        clientId: settings.clientId,
        authority,
        knownAuthorities: [new URL(settings.authorityHost).host],
        authorityMetadata: authorityMetadata(authority),
        clientCertificate: (0,_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .readCertificatePem */ .qZ)(credential.pem, credential.password)
    };
    const network = new BoundedNetworkClient(options);
    const app = new _azure_msal_node__WEBPACK_IMPORTED_MODULE_0__/* .ConfidentialClientApplication */ .WR({
        auth,
        system: {
            networkClient: network,
            disableInternalRetries: true,
            loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined }
        }
    });
    const scopes = [`${_clouds_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOUDS */ .J[settings.cloud].graph}/.default`];
    return async () => {
        let result;
        try {
            result = await app.acquireTokenByClientCredential({ scopes });
        }
        catch (error) {
            if (error instanceof _auth_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .lR || error instanceof _http_js__WEBPACK_IMPORTED_MODULE_3__/* .ExchangeCancelled */ .dH)
                throw error;
            const failure = network.lastFailure;
            network.lastFailure = undefined;
            if (failure instanceof _http_js__WEBPACK_IMPORTED_MODULE_3__/* .ExchangeCancelled */ .dH)
                throw failure;
            if (failure instanceof _http_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j$)
                throw new _auth_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .lR(`${failure.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`);
            const message = String(error?.message ?? error);
            throw new _auth_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .lR((0,_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .explainEntraError */ .cC)(message, settings));
        }
        if (!result?.accessToken)
            throw new _auth_js__WEBPACK_IMPORTED_MODULE_2__/* .AuthError */ .lR('Entra ID returned no access token.');
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(result.accessToken);
        return result.accessToken;
    };
}


/***/ })

};

//# sourceMappingURL=891.index.js.map