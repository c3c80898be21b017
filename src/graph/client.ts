import { exchange, HttpError, type RetryPolicy, type Sleep } from '../runtime/http.js';
import { ExplainedError } from '../runtime/errors.js';
import { oneLine } from '../runtime/log.js';
import { redact } from '../runtime/secrets.js';

/**
 * A minimal Microsoft Graph reader: GET a collection and follow `@odata.nextLink` to the end, with
 * `Prefer: include-unknown-enum-members` on every page (without it, serviceSource values added after
 * `unknownFutureValue`, such as microsoftSentinel, arrive as `unknownFutureValue`).
 */
export const GRAPH_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxTotalMs: 120_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
  retryStatuses: [429, 500, 502, 503, 504]
};

/** Raised for an answer that retrying cannot fix; the message says what to do. */
export class GraphError extends ExplainedError {
  override name = 'GraphError';
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
  }
}

export interface GraphClientOptions {
  /** Returns a bearer token; called once per page so a refreshed token is picked up on long runs. */
  getToken: () => Promise<string>;
  policy?: RetryPolicy;
  sleep?: Sleep;
  onRetry?: (reason: string, delayMs: number) => void;
  /** Upper bound on pages, a guard against a server that links pages in a circle. */
  maxPages?: number;
  /** Aborted when the run is cancelled. */
  signal?: AbortSignal;
  /** The runner's clock (ms); its distance to Graph's `Date` header is checked on the first page. */
  now?: () => number;
  /** What is being read, for messages (default: alerts). */
  what?: string;
  /** No further page is asked for after this time (ms): the listing stops with a PagingStopped. */
  stopAt?: number;
  /** Told after each page was handed to `keep`: the link to the next page (undefined at the end). */
  onPage?: (nextLink: string | undefined) => void;
}

/** A listing stopped at `stopAt` (the run's time budget); what was read so far was handed to `keep`. */
export class PagingStopped extends Error {
  override name = 'PagingStopped';
}

/**
 * Beyond this distance between the runner's clock and Graph's, the run stops. The fetch window and the
 * snapshot's cursor are reckoned on the runner's clock: one far ahead asks Graph for alerts from the
 * future (and finds none, silently), one far behind makes every snapshot look planted.
 */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/** The runner's clock is too far from Graph's: the run must stop before it saves anything. */
export class ClockSkewError extends GraphError {
  override name = 'ClockSkewError';
}

export function checkClock(headers: Record<string, string | string[] | undefined>, now: number): void {
  const date = Date.parse(String(headers.date ?? ''));
  if (Number.isNaN(date)) return;
  const skew = now - date;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    throw new ClockSkewError(
      `The runner's clock is ${Math.round(Math.abs(skew) / 60_000)} minutes ${skew > 0 ? 'ahead of' : 'behind'} Microsoft Graph's (runner ${new Date(now).toISOString()}, Graph ${new Date(date).toISOString()}). ` +
        'Alerts are fetched by time, so nothing was posted and the snapshot was not saved; fix the clock of this runner (NTP) and the next run continues where the last good one stopped.'
    );
  }
}

export interface PagedResult<T> {
  items: T[];
  requests: number;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Graph's own error code and message, as one bounded line (they are shown to the user). */
function graphErrorText(body: string | undefined): string {
  try {
    const error = JSON.parse(body ?? '')?.error;
    const text = [error?.code, error?.message].filter(part => typeof part === 'string' && part).join(': ');
    return oneLine(redact(text.slice(0, 2000)), 500);
  } catch {
    return '';
  }
}

function explainFailure(status: number, body: string): GraphError {
  const detail = graphErrorText(body);
  const suffix = detail ? ` (Graph said: ${detail})` : '';
  if (status === 401) {
    return new GraphError(
      `Microsoft Graph rejected the access token (HTTP 401)${suffix}. Check that tenant-id and client-id belong to the same app registration and that graph-endpoint matches the cloud the app lives in.`,
      status
    );
  }
  if (status === 403 && detail && !/role|permission|scope|consent|authoriz/i.test(detail)) {
    return new GraphError(
      `Microsoft Graph refused the security alerts API for this tenant (HTTP 403)${suffix}. The app's permission may be fine: the tenant needs Microsoft Defender XDR (a Microsoft 365 E5 / Defender or Purview licence that produces alerts, and the Defender portal opened once to provision it). If the tenant has it, check that SecurityAlert.Read.All is granted with admin consent.`,
      status
    );
  }
  if (status === 403) {
    return new GraphError(
      `Microsoft Graph denied access to security alerts (HTTP 403)${suffix}. The app registration needs the Microsoft Graph application permission SecurityAlert.Read.All with admin consent granted (Entra admin center → App registrations → API permissions → Add → Microsoft Graph → Application permissions → SecurityAlert.Read.All → Grant admin consent). The tenant also needs a Microsoft Defender XDR or Purview licence that produces alerts.`,
      status
    );
  }
  if (status === 400) return new GraphError(`Microsoft Graph rejected the alerts query (HTTP 400)${suffix}.`, status);
  if (status === 404)
    return new GraphError(`Microsoft Graph has no /v1.0/security/alerts_v2 at the configured graph-endpoint (HTTP 404)${suffix}.`, status);
  return new GraphError(`Microsoft Graph answered HTTP ${status}${suffix}.`, status);
}

function parsePage<T>(body: string): GraphPage<T> {
  const page = JSON.parse(body) as GraphPage<T>;
  if (!page || !Array.isArray(page.value)) throw new Error('the page has no "value" array');
  if (page['@odata.nextLink'] !== undefined && typeof page['@odata.nextLink'] !== 'string')
    throw new Error('"@odata.nextLink" is not a string');
  return page;
}

/**
 * Reads every page of a collection. `keep` sees each item as its page arrives and returns what to hold
 * on to (the item, a smaller copy, or undefined to drop it), so a large listing is never held whole.
 */
export async function getAllPages<T, K = T>(
  firstUrl: string,
  options: GraphClientOptions,
  keep: (item: T) => K | undefined = item => item as unknown as K
): Promise<PagedResult<K>> {
  const items: K[] = [];
  const maxPages = options.maxPages ?? 10_000;
  const firstOrigin = new URL(firstUrl).origin;
  let url: string | undefined = firstUrl;
  let requests = 0;
  while (url) {
    if (requests >= maxPages) throw new GraphError(`Microsoft Graph returned more than ${maxPages} pages; stopping.`);
    if (options.stopAt !== undefined && requests > 0 && Date.now() >= options.stopAt) throw new PagingStopped('the run ran out of time');
    // A nextLink is followed only on the host we asked: the bearer token must never go elsewhere.
    if (new URL(url).origin !== firstOrigin)
      throw new GraphError('Microsoft Graph returned an @odata.nextLink to another host; refusing to send the token there.');
    let answer;
    let page: GraphPage<T> | undefined;
    try {
      answer = await exchange(
        {
          method: 'GET',
          url,
          headers: {
            authorization: `Bearer ${await options.getToken()}`,
            accept: 'application/json',
            prefer: 'include-unknown-enum-members'
          }
        },
        {
          policy: options.policy ?? GRAPH_RETRY_POLICY,
          what: options.what ?? 'Reading alerts from Microsoft Graph',
          sleep: options.sleep,
          validate: ({ body }) => void (page = parsePage<T>(body)),
          onRetry: options.onRetry,
          signal: options.signal
        }
      );
    } catch (error) {
      if (error instanceof HttpError) {
        requests += error.attempts;
        const detail = graphErrorText(error.body);
        throw new GraphError(`${error.message}${detail ? ` (Graph said: ${detail})` : ''}`, error.status);
      }
      throw error;
    }
    requests += answer.attempts;
    if (answer.status < 200 || answer.status >= 300) throw explainFailure(answer.status, answer.body);
    if (url === firstUrl) checkClock(answer.headers, (options.now ?? Date.now)());
    // validate() parsed the accepted answer's body; parse again only if it was never asked to (non-2xx is handled above).
    const accepted: GraphPage<T> = page ?? parsePage<T>(answer.body);
    for (const item of accepted.value) {
      const kept = keep(item);
      if (kept !== undefined) items.push(kept);
    }
    url = accepted['@odata.nextLink'];
    options.onPage?.(url);
  }
  return { items, requests };
}
