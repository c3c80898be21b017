import { CLOUDS } from '../inputs/clouds.js';
import {
  assertionClaims,
  AuthError,
  explainEntraError,
  MAX_TOKEN_ANSWER_BYTES,
  TOKEN_RETRY_POLICY,
  type SignInOptions,
  type TokenProvider
} from './entra.js';
import { exchange, HttpError } from '../runtime/http.js';
import { registerSecret } from '../runtime/secrets.js';
import type { GraphSettings } from '../inputs/settings.js';

export { AuthError, explainEntraError, expectedSubjectHint, type TokenProvider } from './entra.js';

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
async function githubAssertion(): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    throw new AuthError(
      "No client-secret or client-certificate is set, so the action signs in with GitHub OIDC, but the job cannot request an ID token. Add 'permissions: id-token: write' to the job (and keep 'contents: read'), or set client-secret."
    );
  }
  let assertion: string;
  try {
    // @actions/core (with its HTTP client) is loaded only here: the one call that needs it.
    const { getIDToken } = await import('@actions/core');
    assertion = await getIDToken('api://AzureADTokenExchange');
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
  if (answer.status < 200 || answer.status >= 300) {
    const claims = form.client_assertion ? assertionClaims(form.client_assertion) : undefined;
    throw new AuthError(explainEntraError(entraErrorText(answer.body, answer.status), settings, claims));
  }
  const data = JSON.parse(answer.body) as Record<string, unknown>;
  if (typeof data.access_token !== 'string' || data.access_token === '') throw new AuthError('Entra ID returned no access token.');
  const expiresIn = Number(data.expires_in);
  return { token: data.access_token, expiresAt: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000) };
}

/**
 * Tokens for one resource: Microsoft Graph by default, or another scope (the Bot Connector's, for
 * teams-delivery: bot) with the same app's credential or the bot's own.
 */
export async function createTokenProvider(
  settings: GraphSettings,
  options: SignInOptions = { timeoutMs: TOKEN_RETRY_POLICY.timeoutMs },
  scope = `${CLOUDS[settings.cloud].graph}/.default`
): Promise<TokenProvider> {
  const credential = settings.credential;
  if (credential.kind === 'certificate')
    return (await import('./auth-msal.js')).certificateTokenProvider(settings, credential, options, scope);
  if (credential.kind === 'secret') registerSecret(credential.clientSecret);
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
