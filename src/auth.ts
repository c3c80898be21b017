import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import * as core from '@actions/core';
import { CLOUDS } from './clouds.js';
import { ExplainedError } from './errors.js';
import { exchange, HttpError, type RetryPolicy } from './http.js';
import { oneLine } from './log.js';
import { redact, registerSecret } from './secrets.js';
import type { GraphSettings } from './settings.js';

/**
 * Signs in to Entra ID as the app registration (client credentials flow) and hands out Graph tokens.
 * A client secret or a GitHub OIDC token is one form POST to the tenant's token endpoint, made here
 * through the bounded HTTP client; a certificate needs a signed assertion and goes through MSAL
 * (auth-msal.ts), loaded only then: MSAL is 0.75 MB of JavaScript that every other run would compile.
 * The token is kept for the run and asked for again when it nears expiry; nothing is cached across runs.
 */
export class AuthError extends ExplainedError {
  override name = 'AuthError';
}

export type TokenProvider = () => Promise<string>;

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

/** Token requests are retried like Graph's: resets, time-outs, 429 and 5xx, within a bounded budget. */
export const TOKEN_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxTotalMs: 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 15_000,
  timeoutMs: 30_000,
  retryStatuses: [429, 500, 502, 503, 504]
};
/** Entra's answers are small JSON documents. */
export const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;

export interface SignInOptions {
  /** request-timeout: each attempt's whole answer must arrive within it. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Entra error codes an admin can fix, with the fix. */
export function explainEntraError(message: string, settings: GraphSettings): string {
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
      return `Signing in to Entra ID failed${tail}: ${oneLine(redact(message.split('\n')[0]), 500)}`;
  }
}

/** The subject GitHub puts in this run's OIDC token by default, for the federated credential. */
export function expectedSubjectHint(env: NodeJS.ProcessEnv = process.env): string {
  const repo = env.GITHUB_REPOSITORY;
  const ref = env.GITHUB_REF;
  const subject = repo && ref ? `repo:${repo}:ref:${ref}` : 'repo:OWNER/REPO:ref:refs/heads/main';
  return (
    `Add a federated credential (App registrations → Certificates & secrets → Federated credentials → GitHub Actions) with Issuer https://token.actions.githubusercontent.com, Audience api://AzureADTokenExchange and Subject ${subject} ` +
    `(for a job that uses an environment: repo:OWNER/REPO:environment:NAME). If the repository or organisation customised its OIDC subject claim, for example to the newer immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:..., use that form instead.`
  );
}

/** A token is asked for again when it has less than this left. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** GitHub's OIDC token for Entra (federated credential), asked for on every token request. */
async function githubAssertion(): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    throw new AuthError(
      "No client-secret or client-certificate is set, so the action signs in with GitHub OIDC, but the job cannot request an ID token. Add 'permissions: id-token: write' to the job (and keep 'contents: read'), or set client-secret."
    );
  }
  let assertion: string;
  try {
    assertion = await core.getIDToken('api://AzureADTokenExchange');
  } catch (error) {
    throw new AuthError(
      `Requesting the GitHub OIDC token failed: ${(error as Error).message}. Check that the job has 'permissions: id-token: write'.`
    );
  }
  registerSecret(assertion);
  return assertion;
}

/** Entra's error text: error_description holds the AADSTS code and message. */
function entraErrorText(body: string, status: number): string {
  try {
    const data = JSON.parse(body) as Record<string, unknown>;
    const text = [data.error_description, data.error].find(value => typeof value === 'string' && value);
    if (text) return String(text);
  } catch {
    // Not JSON: say what arrived.
  }
  return `Entra ID answered HTTP ${status} without an error description`;
}

/** One client-credentials token request (secret or OIDC assertion), retried like Graph's requests. */
async function requestToken(
  settings: GraphSettings,
  form: Record<string, string>,
  options: SignInOptions
): Promise<{ token: string; expiresAt: number }> {
  let answer;
  try {
    answer = await exchange(
      {
        method: 'POST',
        url: `${settings.authorityHost}/${settings.tenantId}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams(form).toString()
      },
      {
        policy: { ...TOKEN_RETRY_POLICY, timeoutMs: options.timeoutMs },
        what: 'Signing in to Entra ID',
        signal: options.signal,
        maxBodyBytes: MAX_TOKEN_ANSWER_BYTES,
        validate: ({ body }) => void JSON.parse(body)
      }
    );
  } catch (error) {
    if (error instanceof HttpError)
      throw new AuthError(
        `${error.message}. Entra ID (${settings.authorityHost}) could not be reached or kept failing; the next run tries again.`
      );
    throw error;
  }
  if (answer.status < 200 || answer.status >= 300)
    throw new AuthError(explainEntraError(entraErrorText(answer.body, answer.status), settings));
  const data = JSON.parse(answer.body) as Record<string, unknown>;
  if (typeof data.access_token !== 'string' || data.access_token === '') throw new AuthError('Entra ID returned no access token.');
  const expiresIn = Number(data.expires_in);
  return { token: data.access_token, expiresAt: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000) };
}

export async function createTokenProvider(
  settings: GraphSettings,
  options: SignInOptions = { timeoutMs: TOKEN_RETRY_POLICY.timeoutMs }
): Promise<TokenProvider> {
  const credential = settings.credential;
  if (credential.kind === 'certificate') return (await import('./auth-msal.js')).certificateTokenProvider(settings, credential, options);
  if (credential.kind === 'secret') registerSecret(credential.clientSecret);
  const scope = `${CLOUDS[settings.cloud].graph}/.default`;
  let current: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (current && current.expiresAt - REFRESH_BEFORE_MS > Date.now()) return current.token;
    const form: Record<string, string> = { client_id: settings.clientId, scope, grant_type: 'client_credentials' };
    if (credential.kind === 'secret') form.client_secret = credential.clientSecret;
    else {
      form.client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
      form.client_assertion = await githubAssertion();
    }
    current = await requestToken(settings, form, options);
    registerSecret(current.token);
    return current.token;
  };
}
