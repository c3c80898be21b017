import { ExplainedError } from '../runtime/errors.js';
import { exchange, HttpError, parseRetryAfter, type RetryPolicy } from '../runtime/http.js';
import { oneLine } from '../runtime/log.js';
import { redact } from '../runtime/secrets.js';
import { checkClock, getAllPages, type GraphClientOptions } from '../graph/client.js';

/**
 * The Graph Audit Log Query API (/security/auditLog/queries): create a query over a time window, poll
 * it, read its records once it succeeded. Microsoft moved the API between v1.0 and beta, so the version
 * is an input (audit-api-version). A 429 on create means "the tenant's search slots are full": the
 * caller defers, it does not retry now.
 */
export type AuditApiVersion = 'v1.0' | 'beta';

export class AuditApiError extends ExplainedError {
  override name = 'AuditApiError';
}

/** Create and poll: transient faults are retried briefly; a 429 comes back to the caller. */
const AUDIT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxTotalMs: 30_000,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
  timeoutMs: 30_000,
  retryStatuses: [500, 502, 503, 504]
};

export interface AuditClient {
  endpoint: string;
  version: AuditApiVersion;
  options: GraphClientOptions;
}

export type CreateResult = { created: string } | { deferMs: number } | { failed: string };

export type QueryStatus = { status: string; limitExceeded: boolean } | { missing: true } | { failed: string };

function otherVersion(version: AuditApiVersion): AuditApiVersion {
  return version === 'v1.0' ? 'beta' : 'v1.0';
}

function graphSaid(body: string | undefined): string {
  try {
    const error = JSON.parse(body ?? '')?.error;
    const text = [error?.code, error?.message].filter(part => typeof part === 'string' && part).join(': ');
    return text ? ` (Graph said: ${oneLine(redact(text.slice(0, 1000)), 300)})` : '';
  } catch {
    return '';
  }
}

function denied(status: number, body: string): AuditApiError {
  return new AuditApiError(
    `Microsoft Graph denied the audit log query API (HTTP ${status})${graphSaid(body)}. The rules input needs the application permission AuditLogsQuery.Read.All (or the per-workload AuditLogsQuery-Exchange.Read.All, AuditLogsQuery-SharePoint.Read.All, AuditLogsQuery-OneDrive.Read.All, AuditLogsQuery-Entra.Read.All for the operations the rules name) with admin consent, and unified auditing turned on in Purview (Audit → Start recording user and admin activity).`
  );
}

/**
 * A refused create, told by what Graph said: only a 404 or "Resource not found for the segment" (Graph's
 * 400 for a path it does not serve, as when Microsoft moved the API) is about the version; a tenant with
 * unified auditing off answers 400 AuditingDisabledTenant; any other 400 is shown as Graph wrote it.
 */
function refused(client: AuditClient, status: number, body: string): AuditApiError {
  const said = graphSaid(body);
  if (/AuditingDisabledTenant/i.test(body)) {
    return new AuditApiError(
      `Unified auditing is off for this tenant (HTTP ${status}, AuditingDisabledTenant)${said}: the audit log has no records for the rules. Turn it on in Microsoft Purview (Audit → Start recording user and admin activity, or Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true); records are searchable from about an hour later. Alerts are delivered meanwhile.`
    );
  }
  if (status === 404 || /not found for the segment/i.test(body)) {
    return new AuditApiError(
      `Microsoft Graph does not serve the audit log query API on ${client.version} (HTTP ${status})${said}. Microsoft has moved this API between v1.0 and beta; set the input audit-api-version to ${otherVersion(client.version)} and run again.`
    );
  }
  return new AuditApiError(
    `Microsoft Graph refused to create an audit log query (HTTP ${status})${said}. Check the rules' operations and the tenant's audit settings.`
  );
}

function queriesUrl(client: AuditClient): string {
  return `${client.endpoint}/${client.version}/security/auditLog/queries`;
}

async function send(client: AuditClient, method: 'GET' | 'POST', url: string, body?: string) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${await client.options.getToken()}`,
    accept: 'application/json'
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer = await exchange(
    { method, url, headers, body },
    {
      policy: client.options.policy ? { ...AUDIT_RETRY_POLICY, timeoutMs: client.options.policy.timeoutMs } : AUDIT_RETRY_POLICY,
      what: 'Using the audit log query API',
      sleep: client.options.sleep,
      signal: client.options.signal,
      maxBodyBytes: 1024 * 1024,
      validate: ({ body: text }) => void JSON.parse(text)
    }
  );
  // Query windows are reckoned on the runner's clock: one far off would plan windows in the future and
  // leave a gap when it is fixed. Every answer is checked; the run then stops before saving anything.
  checkClock(answer.headers, (client.options.now ?? Date.now)());
  return answer;
}

/** The query object: Graph returns it bare; the get example wraps it in {"value": {...}}. Both are taken. */
function queryOf(body: string): Record<string, unknown> | undefined {
  const data = JSON.parse(body) as unknown;
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>).value;
  const query = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : data;
  return query as Record<string, unknown>;
}

export async function createQuery(
  client: AuditClient,
  window: { start: number; end: number },
  operations: readonly string[],
  displayName: string
): Promise<CreateResult> {
  const request = {
    displayName,
    filterStartDateTime: new Date(window.start).toISOString(),
    filterEndDateTime: new Date(window.end).toISOString(),
    operationFilters: operations
  };
  let answer;
  try {
    answer = await send(client, 'POST', queriesUrl(client), JSON.stringify(request));
  } catch (error) {
    if (error instanceof HttpError) return { failed: `${error.message}${graphSaid(error.body)}` };
    throw error;
  }
  if (answer.status === 429) return { deferMs: parseRetryAfter(answer.headers['retry-after']) ?? 5 * 60_000 };
  // Auditing off is told as such whatever the status it comes with (400 as documented, or a 403).
  if (/AuditingDisabledTenant/i.test(answer.body) || answer.status === 400 || answer.status === 404)
    throw refused(client, answer.status, answer.body);
  if (answer.status === 401 || answer.status === 403) throw denied(answer.status, answer.body);
  if (answer.status < 200 || answer.status >= 300) return { failed: `HTTP ${answer.status}${graphSaid(answer.body)}` };
  const id = textId(queryOf(answer.body)?.id);
  if (!id) return { failed: 'the created query has no id' };
  return { created: id };
}

function textId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,200}$/.test(value) ? value : undefined;
}

export async function getQuery(client: AuditClient, id: string): Promise<QueryStatus> {
  let answer;
  try {
    answer = await send(client, 'GET', `${queriesUrl(client)}/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof HttpError) return { failed: `${error.message}${graphSaid(error.body)}` };
    throw error;
  }
  if (answer.status === 404) return { missing: true };
  if (answer.status === 401 || answer.status === 403) throw denied(answer.status, answer.body);
  if (answer.status === 429) return { status: 'running', limitExceeded: false }; // ask again next run
  if (answer.status < 200 || answer.status >= 300) return { failed: `HTTP ${answer.status}${graphSaid(answer.body)}` };
  const query = queryOf(answer.body);
  const status = typeof query?.status === 'string' ? query.status : 'unknownFutureValue';
  return { status, limitExceeded: query?.isRecordCountLimitExceeded === true };
}

/** Reads a succeeded query's records page by page; `each` sees every record as its page arrives. */
export interface ReadPosition {
  /** Where to start: a next-page link saved by an earlier run (same host as the endpoint), or undefined. */
  resumeFrom?: string;
  /** Told after each page: the next page's link, to resume from if the read stops. */
  onPage?: (nextLink: string | undefined) => void;
  stopAt?: number;
}

export async function readRecords(
  client: AuditClient,
  id: string,
  each: (record: unknown) => void,
  position: ReadPosition = {}
): Promise<number> {
  const first = `${queriesUrl(client)}/${encodeURIComponent(id)}/records`;
  const resume = position.resumeFrom;
  // A saved link is followed only on the Graph host: the token never goes anywhere else.
  const url = resume && URL.canParse(resume) && new URL(resume).origin === new URL(first).origin ? resume : first;
  const { requests } = await getAllPages<unknown, never>(
    url,
    {
      ...client.options,
      maxPages: 5_000,
      what: 'Reading audit log records from Microsoft Graph',
      stopAt: position.stopAt,
      onPage: position.onPage
    },
    record => {
      each(record);
      return undefined;
    }
  );
  return requests;
}
