import { constants, createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import { applyFault, json, startHttps, type Fault, type RunningServer } from './https.js';

/**
 * Fake Entra ID v2.0 endpoint: OpenID metadata and the client-credentials token endpoint, with the
 * error bodies Entra sends (AADSTS codes in `error_description`, `error_codes`).
 */
export interface FakeEntra extends RunningServer {
  tokens: Set<string>;
  /** Every token issued: the audience it is for (the scope without /.default) and when it expires. */
  issued: Map<string, { audience: string; expiresAt: number }>;
  /** Lifetime of the tokens issued, in seconds (Entra: about an hour). */
  expiresIn: number;
  tokenRequests: Array<Record<string, string>>;
  faults: Fault[];
  /** Every request, as `METHOD /path`. */
  paths: string[];
  /** Added before every answer, in ms. */
  latencyMs?: () => number;
  /** Answers a token request with a fault chosen from its form (e.g. an error page echoing the assertion). */
  faultFor?: (form: Record<string, string>) => Fault | undefined;
}

export interface EntraApp {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  /** Certificate (PEM) uploaded to the app registration: assertions must be signed with its key. */
  certificatePem?: string;
  /** Federated credential: the ID-token issuer fake and the subject it must carry. */
  federated?: { isIssued: (token: string) => boolean; subject: string; subjectOf: (token: string) => string | undefined };
}

const b64url = (data: Buffer) => data.toString('base64url');

/** Checks a client assertion as Entra does for certificate credentials; returns a problem or undefined. */
function checkCertificateAssertion(assertion: string, certificatePem: string, tokenEndpoint: string, clientId: string): string | undefined {
  const [headerPart, payloadPart, signaturePart] = assertion.split('.');
  if (!headerPart || !payloadPart || !signaturePart) return 'AADSTS50027: JWT token is invalid or malformed.';
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  const certificate = new X509Certificate(certificatePem);
  const thumbprint = b64url(createHash('sha256').update(certificate.raw).digest());
  if (header['x5t#S256'] !== thumbprint)
    return `AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.`;
  if (!Array.isArray(header.x5c) || header.x5c.length === 0) return 'AADSTS700027: Client assertion is missing the x5c chain.';
  const data = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  const ok =
    header.alg === 'PS256'
      ? verify('sha256', data, { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
      : header.alg === 'RS256' && verify('sha256', data, certificate.publicKey, signature);
  if (!ok) return 'AADSTS700027: Client assertion contains an invalid signature.';
  // Codes and texts as Microsoft lists them (https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
  // 700023 InvalidClientAssertionAudience: "Client assertion audience claim does not match Realm issuer";
  // 700021 "Client assertion application identifier doesn't match 'client_id' parameter".
  if (payload.aud !== tokenEndpoint) return 'AADSTS700023: Client assertion audience claim does not match Realm issuer.';
  if (payload.iss !== clientId || payload.sub !== clientId)
    return "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter.";
  if (typeof payload.exp !== 'number' || payload.exp * 1000 < Date.now())
    return 'AADSTS700024: Client assertion is not within its valid time range.';
  return undefined;
}

function entraError(status: number, error: string, code: number, text: string) {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: 0000 Correlation ID: 0000 Timestamp: 2026-11-25 00:00:00Z`,
      error_codes: [code],
      timestamp: '2026-11-25 00:00:00Z',
      trace_id: '00000000-0000-0000-0000-000000000000',
      correlation_id: '00000000-0000-0000-0000-000000000000'
    }
  };
}

export async function startFakeEntra(app: EntraApp): Promise<FakeEntra> {
  const tokens = new Set<string>();
  const issued = new Map<string, { audience: string; expiresAt: number }>();
  const tokenRequests: Array<Record<string, string>> = [];
  const faults: Fault[] = [];
  let origin = '';
  const paths: string[] = [];
  const fake = { expiresIn: 3599 } as {
    latencyMs?: () => number;
    faultFor?: (form: Record<string, string>) => Fault | undefined;
    expiresIn: number;
  };
  const server = await startHttps(async (req, res, raw) => {
    if (fake.latencyMs) await new Promise(resolve => setTimeout(resolve, fake.latencyMs!()));
    paths.push(`${req.method} ${req.url.pathname}`);
    // Entra names itself by the host it was asked on (its metadata and the token endpoint an assertion's
    // audience must name): the loopback address, or a name that only a test proxy resolves.
    const base = req.headers.host ? `https://${req.headers.host}` : origin;
    const [, tenant, ...rest] = req.url.pathname.split('/');
    const tail = rest.join('/');
    if (req.method === 'GET' && tail === 'v2.0/.well-known/openid-configuration') {
      if (tenant !== app.tenantId) {
        return json(res, 400, {
          error: 'invalid_tenant',
          error_description: `AADSTS90002: Tenant '${tenant}' not found.`,
          error_codes: [90002]
        });
      }
      return json(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/${tenant}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat'],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com'
      });
    }
    if (req.method === 'POST' && tail === 'oauth2/v2.0/token') {
      const form = Object.fromEntries(new URLSearchParams(req.body));
      tokenRequests.push(form);
      if (await applyFault(faults.shift() ?? fake.faultFor?.(form), res, raw)) return;
      let failure: ReturnType<typeof entraError> | undefined;
      if (tenant !== app.tenantId) failure = entraError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
      else if (form.grant_type !== 'client_credentials')
        failure = entraError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
      else if (form.client_id !== app.clientId)
        failure = entraError(
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${form.client_id}' was not found in the directory '${tenant}'.`
        );
      else if (form.client_assertion !== undefined) {
        if (form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
          failure = entraError(400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
        } else {
          const header = (() => {
            try {
              return JSON.parse(Buffer.from(form.client_assertion.split('.')[0], 'base64url').toString('utf8'));
            } catch {
              return undefined;
            }
          })();
          if (!header) failure = entraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
          else if (header['x5t#S256'] || header.x5t) {
            const problem = app.certificatePem
              ? checkCertificateAssertion(form.client_assertion, app.certificatePem, `${base}/${tenant}/oauth2/v2.0/token`, app.clientId)
              : 'AADSTS700027: No certificate is registered on the application.';
            if (problem)
              failure = entraError(401, 'invalid_client', Number(/AADSTS(\d+)/.exec(problem)![1]), problem.replace(/^AADSTS\d+: /, ''));
          } else if (!app.federated || !app.federated.isIssued(form.client_assertion)) {
            failure = entraError(
              400,
              'invalid_client',
              700211,
              'No matching federated identity record found for presented assertion issuer.'
            );
          } else {
            const subject = app.federated.subjectOf(form.client_assertion);
            if (subject !== app.federated.subject) {
              failure = entraError(
                400,
                'invalid_client',
                700213,
                `No matching federated identity record found for presented assertion subject '${subject}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
              );
            }
          }
        }
      } else if (app.clientSecret === undefined || form.client_secret !== app.clientSecret) {
        failure = entraError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'
        );
      } else if (!/\/\.default$/.test(form.scope ?? ''))
        failure = entraError(
          400,
          'invalid_scope',
          1002012,
          'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.'
        );
      if (failure) return json(res, failure.status, failure.body);
      const token = `fake-access-token-${randomBytes(16).toString('hex')}`;
      tokens.add(token);
      // The token's audience is the resource of the scope asked for (a Graph token is no Bot Connector token).
      issued.set(token, { audience: form.scope.replace(/\/\.default$/, ''), expiresAt: Date.now() + fake.expiresIn * 1000 });
      return json(res, 200, { token_type: 'Bearer', expires_in: fake.expiresIn, ext_expires_in: fake.expiresIn, access_token: token });
    }
    json(res, 404, { error: 'not_found' });
  });
  origin = server.url;
  return Object.assign(fake, server, { tokens, issued, tokenRequests, faults, paths });
}
