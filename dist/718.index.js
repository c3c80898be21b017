export const id = 718;
export const ids = [718];
export const modules = {

/***/ 8718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   certificateTokenProvider: () => (/* binding */ certificateTokenProvider),
/* harmony export */   readCertificatePem: () => (/* binding */ readCertificatePem)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _azure_msal_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2669);
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9295);
/* harmony import */ var _entra_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6270);
/* harmony import */ var _runtime_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4137);
/* harmony import */ var _runtime_secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4205);






/** Splits a PEM holding a certificate (chain) and a private key into what MSAL wants. */
function readCertificatePem(pem, password) {
    const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    const keyBlock = pem.match(/-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/)?.[0];
    if (certificates.length === 0 || !keyBlock) {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR("Input 'client-certificate' must hold a -----BEGIN CERTIFICATE----- block and a -----BEGIN PRIVATE KEY----- block.");
    }
    let certificate;
    try {
        certificate = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(certificates[0]);
    }
    catch {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR("Input 'client-certificate' holds a CERTIFICATE block that is not a valid X.509 certificate.");
    }
    let privateKey;
    try {
        privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: keyBlock, passphrase: password ?? '' })
            .export({ format: 'pem', type: 'pkcs8' })
            .toString();
    }
    catch {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR(password
            ? "Input 'client-certificate-password' does not decrypt the private key in 'client-certificate'."
            : "Input 'client-certificate' holds a private key that cannot be read; if it is encrypted, set 'client-certificate-password'.");
    }
    if (!certificate.checkPrivateKey((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKey))) {
        throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR("Input 'client-certificate' holds a private key that does not belong to its certificate.");
    }
    (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(privateKey);
    return {
        privateKey,
        thumbprintSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(certificate.raw).digest('hex'),
        // x5c: the chain, so Entra can use subject name + issuer authentication.
        x5c: certificates.join('\n')
    };
}
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
            (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(assertion);
            (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(decodeURIComponent(assertion));
        }
        try {
            const answer = await (0,_runtime_http_js__WEBPACK_IMPORTED_MODULE_4__/* .exchange */ .cv)({ method, url, headers: request?.headers ?? {}, body: request?.body }, {
                policy: { ..._entra_js__WEBPACK_IMPORTED_MODULE_3__/* .TOKEN_RETRY_POLICY */ .Kl, timeoutMs: this.options.timeoutMs },
                what: 'Signing in to Entra ID',
                signal: this.options.signal,
                maxBodyBytes: _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_TOKEN_ANSWER_BYTES */ .Ac,
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
async function certificateTokenProvider(settings, credential, options, scope = `${_inputs_clouds_js__WEBPACK_IMPORTED_MODULE_2__/* .CLOUDS */ .J[settings.cloud].graph}/.default`) {
    const authority = `${settings.authorityHost}/${settings.tenantId}`;
    // Known clouds and an authority-host override alike: the host is trusted as configured and its metadata
    // is given, so MSAL asks neither instance discovery nor the OpenID configuration. Nothing is cached across runs.
    const auth = {
        clientId: settings.clientId,
        authority,
        knownAuthorities: [new URL(settings.authorityHost).host],
        authorityMetadata: authorityMetadata(authority),
        clientCertificate: readCertificatePem(credential.pem, credential.password)
    };
    const network = new BoundedNetworkClient(options);
    const app = new _azure_msal_node__WEBPACK_IMPORTED_MODULE_1__/* .ConfidentialClientApplication */ .WR({
        auth,
        system: {
            networkClient: network,
            disableInternalRetries: true,
            loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined }
        }
    });
    const scopes = [scope];
    return async () => {
        let result;
        try {
            result = await app.acquireTokenByClientCredential({ scopes });
        }
        catch (error) {
            if (error instanceof _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR || error instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_4__/* .ExchangeCancelled */ .dH)
                throw error;
            const failure = network.lastFailure;
            network.lastFailure = undefined;
            if (failure instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_4__/* .ExchangeCancelled */ .dH)
                throw failure;
            if (failure instanceof _runtime_http_js__WEBPACK_IMPORTED_MODULE_4__/* .HttpError */ .j$)
                throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR(`${failure.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`);
            const message = String(error?.message ?? error);
            throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR((0,_entra_js__WEBPACK_IMPORTED_MODULE_3__/* .explainEntraError */ .cC)(message, settings));
        }
        if (!result?.accessToken)
            throw new _entra_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .lR('Entra ID returned no access token.');
        (0,_runtime_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(result.accessToken);
        return result.accessToken;
    };
}


/***/ })

};

//# sourceMappingURL=718.index.js.map