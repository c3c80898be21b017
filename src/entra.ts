import { ExplainedError } from './errors.js';
import type { RetryPolicy } from './http.js';
import { oneLine } from './log.js';
import { redact } from './secrets.js';
import type { GraphSettings } from './settings.js';

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
