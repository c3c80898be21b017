import { request, type Dispatcher } from 'undici';

/**
 * One HTTP exchange with retries, shared by the Graph and Teams edges. It retries what a well-behaved
 * client should (429 and 5xx answers, resets, time-outs, bodies cut short), waits what the server asks
 * for (Retry-After, fractional seconds included) or a jittered exponential backoff, and gives up within
 * a bounded total time so one stuck service cannot hold a scheduled run for hours.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** The whole exchange, waits included, ends within this budget. */
  maxTotalMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt: time to response headers and between body chunks. */
  timeoutMs: number;
  retryStatuses: readonly number[];
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  attempts: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Raised when the exchange failed for good; `status` is the last HTTP status if any arrived. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    message: string,
    readonly status?: number,
    readonly body?: string,
    readonly attempts = 1
  ) {
    super(message);
  }
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Seconds (possibly fractional, as Graph sends `2.128`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": half fixed, half random, so retries from parallel runs spread out.
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED'
]);

function isTransientNetworkError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
}

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  return code ? `${code}` : String((error as Error)?.message ?? error);
}

export interface ExchangeOptions {
  policy: RetryPolicy;
  /** What is being done, for messages; never contains the URL (it may be a secret). */
  what: string;
  sleep?: Sleep;
  dispatcher?: Dispatcher;
  /** Checks a 2xx body; throwing makes the attempt count as failed and retryable (e.g. malformed JSON). */
  validate?: (answer: HttpAnswer) => void;
  onRetry?: (reason: string, delayMs: number, attempt: number) => void;
}

export async function exchange(req: HttpRequest, options: ExchangeOptions): Promise<HttpAnswer> {
  const { policy, what, sleep = realSleep } = options;
  const started = Date.now();
  let lastProblem = '';
  let lastStatus: number | undefined;
  let lastBody: string | undefined;
  for (let attempt = 1; ; attempt++) {
    let delay: number | undefined;
    try {
      const response = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        headersTimeout: policy.timeoutMs,
        bodyTimeout: policy.timeoutMs,
        dispatcher: options.dispatcher
      });
      const body = await response.body.text();
      const answer: HttpAnswer = { status: response.statusCode, headers: response.headers, body, attempts: attempt };
      if (answer.status >= 200 && answer.status < 300) {
        try {
          options.validate?.(answer);
          return answer;
        } catch (problem) {
          lastProblem = `a malformed answer (${(problem as Error).message})`;
        }
      } else if (policy.retryStatuses.includes(answer.status)) {
        lastProblem = `HTTP ${answer.status}`;
        delay = parseRetryAfter(answer.headers['retry-after']);
      } else {
        // Not retryable (4xx other than 429): the caller turns it into an actionable message.
        return answer;
      }
      lastStatus = answer.status;
      lastBody = body;
    } catch (error) {
      if (!isTransientNetworkError(error)) {
        throw new HttpError(`${what} failed: ${describeNetworkError(error)}`, undefined, undefined, attempt);
      }
      lastProblem = `a network error (${describeNetworkError(error)})`;
    }
    delay ??= backoffDelay(attempt, policy);
    const elapsed = Date.now() - started;
    if (attempt >= policy.maxAttempts || elapsed + delay > policy.maxTotalMs) {
      throw new HttpError(`${what} failed after ${attempt} attempt(s) in ${Math.round(elapsed / 1000)}s; last problem: ${lastProblem}`, lastStatus, lastBody, attempt);
    }
    options.onRetry?.(lastProblem, delay, attempt);
    await sleep(delay);
  }
}
