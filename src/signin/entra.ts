import { ExplainedError } from '../runtime/errors.js';
import type { RetryPolicy } from '../runtime/http.js';
import { oneLine } from '../runtime/log.js';
import { redact } from '../runtime/secrets.js';
import type { GraphSettings } from '../inputs/settings.js';

/** What both sign-in paths share: the error type, the retry policy, Entra's error codes explained. */
export class AuthError extends ExplainedError {
  override name = 'AuthError';
}

export type TokenProvider = () => Promise<string>;

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

/** The claims of the GitHub OIDC token a run presented: what a federated credential must match. */
export interface AssertionClaims {
  sub?: string;
  aud?: string;
}

/** Reads `sub` and `aud` from a JWT's payload (not verified: only to tell the admin what was presented). */
export function assertionClaims(jwt: string): AssertionClaims {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? oneLine(value, 300) : undefined);
    return { sub: text(payload.sub), aud: text(Array.isArray(payload.aud) ? payload.aud[0] : payload.aud) };
  } catch {
    return {};
  }
}

/** Entra's text cut to its code and first sentence: enough to look it up, without an echoed request. */
function firstSentence(message: string): string {
  const line = message.split('\n')[0];
  const end = /\.(\s|$)/.exec(line);
  return oneLine(redact(end ? line.slice(0, end.index + 1) : line), 300);
}

/** Entra error codes an admin can fix, with the fix. `claims`: the OIDC token presented, if any. */
export function explainEntraError(message: string, settings: GraphSettings, claims?: AssertionClaims): string {
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
export function expectedSubjectHint(env: NodeJS.ProcessEnv = process.env, claims?: AssertionClaims): string {
  const where =
    'Add a federated credential (App registrations → Certificates & secrets → Federated credentials → GitHub Actions, or "Other issuer") with Issuer https://token.actions.githubusercontent.com';
  if (claims?.sub) {
    return `This run's token has Subject ${claims.sub} and Audience ${claims.aud ?? '(none)'}. ${where}, Audience api://AzureADTokenExchange and exactly that Subject (register the subject the run prints, not one built from the repository name).`;
  }
  const repo = env.GITHUB_REPOSITORY ?? 'OWNER/REPO';
  const ref = env.GITHUB_REF ?? 'refs/heads/main';
  return (
    `${where}, Audience api://AzureADTokenExchange and the Subject GitHub puts in this workflow's token: repo:${repo}:ref:${ref} for older repositories, ` +
    `or the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:${ref} for repositories created or renamed since 2026-07-15 (for a job with an environment, …:environment:NAME). Register the subject the run prints.`
  );
}
