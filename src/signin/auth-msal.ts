import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse
} from '@azure/msal-node';
import { CLOUDS } from '../inputs/clouds.js';
import {
  AuthError,
  explainEntraError,
  MAX_TOKEN_ANSWER_BYTES,
  TOKEN_RETRY_POLICY,
  type SignInOptions,
  type TokenProvider
} from './entra.js';
import { exchange, ExchangeCancelled, HttpError } from '../runtime/http.js';
import { registerSecret } from '../runtime/secrets.js';
import type { Credential, GraphSettings } from '../inputs/settings.js';

/**
 * Certificate sign-in through MSAL, which builds and signs the client assertion (x5t#S256, x5c). Loaded
 * only for client-certificate. One ConfidentialClientApplication per run: MSAL caches the token and
 * refreshes it when it nears expiry.
 */
export interface CertificateCredential {
  privateKey: string;
  thumbprintSha256: string;
  x5c: string;
}

/** Splits a PEM holding a certificate (chain) and a private key into what MSAL wants. */
export function readCertificatePem(pem: string, password?: string): CertificateCredential {
  const certificates: string[] = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const keyBlock = pem.match(
    /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/
  )?.[0];
  if (certificates.length === 0 || !keyBlock) {
    throw new AuthError(
      "Input 'client-certificate' must hold a -----BEGIN CERTIFICATE----- block and a -----BEGIN PRIVATE KEY----- block."
    );
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificates[0]!);
  } catch {
    throw new AuthError("Input 'client-certificate' holds a CERTIFICATE block that is not a valid X.509 certificate.");
  }
  let privateKey: string;
  try {
    privateKey = createPrivateKey({ key: keyBlock, passphrase: password ?? '' })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
  } catch {
    throw new AuthError(
      password
        ? "Input 'client-certificate-password' does not decrypt the private key in 'client-certificate'."
        : "Input 'client-certificate' holds a private key that cannot be read; if it is encrypted, set 'client-certificate-password'."
    );
  }
  if (!certificate.checkPrivateKey(createPrivateKey(privateKey))) {
    throw new AuthError("Input 'client-certificate' holds a private key that does not belong to its certificate.");
  }
  registerSecret(privateKey);
  return {
    privateKey,
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    // x5c: the chain, so Entra can use subject name + issuer authentication.
    x5c: certificates.join('\n')
  };
}

/**
 * MSAL's HTTP goes through the same bounded, retrying exchange as Graph and Teams. It also sees the
 * request body, so a certificate-mode client assertion is masked before any answer could echo it.
 */
class BoundedNetworkClient implements INetworkModule {
  /** The last exchange that failed for good; MSAL wraps errors, the message here says what happened. */
  lastFailure?: Error;
  constructor(private readonly options: SignInOptions) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, request?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const assertion = /(?:^|&)client_assertion=([^&]+)/.exec(request?.body ?? '')?.[1];
    if (assertion) {
      registerSecret(assertion);
      registerSecret(decodeURIComponent(assertion));
    }
    try {
      const answer = await exchange(
        { method, url, headers: request?.headers ?? {}, body: request?.body },
        {
          policy: { ...TOKEN_RETRY_POLICY, timeoutMs: this.options.timeoutMs },
          what: 'Signing in to Entra ID',
          signal: this.options.signal,
          maxBodyBytes: MAX_TOKEN_ANSWER_BYTES,
          validate: ({ body }) => void JSON.parse(body)
        }
      );
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        body = { error: 'invalid_response', error_description: `Entra ID answered HTTP ${answer.status} with a body that is not JSON.` };
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      return { status: answer.status, headers, body: body as T };
    } catch (error) {
      this.lastFailure = error as Error;
      throw error;
    }
  }
}

/**
 * The tenant's sign-in metadata, given to MSAL so that signing in is one request (the token) instead
 * of three (instance discovery, OpenID configuration, token). The endpoints are Entra's fixed layout.
 */
function authorityMetadata(authority: string): string {
  return JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    issuer: `${authority}/v2.0`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    jwks_uri: `${authority}/discovery/v2.0/keys`
  });
}

export async function certificateTokenProvider(
  settings: GraphSettings,
  credential: Extract<Credential, { kind: 'certificate' }>,
  options: SignInOptions,
  scope = `${CLOUDS[settings.cloud].graph}/.default`
): Promise<TokenProvider> {
  const authority = `${settings.authorityHost}/${settings.tenantId}`;
  // Known clouds and an authority-host override alike: the host is trusted as configured and its metadata
  // is given, so MSAL asks neither instance discovery nor the OpenID configuration. Nothing is cached across runs.
  const auth: Configuration['auth'] = {
    clientId: settings.clientId,
    authority,
    knownAuthorities: [new URL(settings.authorityHost).host],
    authorityMetadata: authorityMetadata(authority),
    clientCertificate: readCertificatePem(credential.pem, credential.password)
  };
  const network = new BoundedNetworkClient(options);
  const app = new ConfidentialClientApplication({
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
    } catch (error) {
      if (error instanceof AuthError || error instanceof ExchangeCancelled) throw error;
      const failure = network.lastFailure;
      network.lastFailure = undefined;
      if (failure instanceof ExchangeCancelled) throw failure;
      if (failure instanceof HttpError)
        throw new AuthError(
          `${failure.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`
        );
      const message = String((error as Error)?.message ?? error);
      throw new AuthError(explainEntraError(message, settings));
    }
    if (!result?.accessToken) throw new AuthError('Entra ID returned no access token.');
    registerSecret(result.accessToken);
    return result.accessToken;
  };
}
