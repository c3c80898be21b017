import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex, Readable } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { createGunzip } from 'node:zlib';
import { proxyAuthorization, proxyFor } from './proxy.js';
import { registerSecret } from './secrets.js';

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
  /** Per attempt: the whole answer, headers and body together, must arrive within this time. */
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
  method: 'GET' | 'POST' | 'PUT';
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

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
/** Waits `ms`, or less when `signal` aborts (a cancelled run stops waiting at once). */
export const realSleep: Sleep = (ms, signal) =>
  new Promise(resolve => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Answers larger than this are refused: a hostile or broken server must not fill the runner's memory. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The run was cancelled (SIGINT/SIGTERM) while this exchange was under way; it is not retried. */
export class ExchangeCancelled extends Error {
  override name = 'ExchangeCancelled';
}

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
  'UND_ERR_CLOSED',
  'ANSWER_TIMEOUT',
  // A compressed body cut short or garbled in transit: like a reset, worth another attempt.
  'Z_DATA_ERROR',
  'Z_BUF_ERROR'
]);

/** Network failures carry a code, on the error or (wrapped) on its cause. */
function networkCode(error: unknown): string | undefined {
  const own = (error as { code?: string })?.code;
  if (own) return own;
  const cause = (error as { cause?: { code?: string; cause?: { code?: string } } })?.cause;
  return cause?.code ?? cause?.cause?.code;
}

function isTransientNetworkError(error: unknown): boolean {
  const code = networkCode(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** What went wrong, naming the host (and the proxy, when one was used): ENOTFOUND alone says nothing. */
function describeNetworkError(error: unknown): string {
  const code = networkCode(error);
  const where = (error as { where?: string })?.where;
  const text =
    code === 'ANSWER_TIMEOUT'
      ? `time-out: ${(error as Error).message}`
      : code === 'PROXY_REFUSED'
        ? (error as Error).message
        : code
          ? `${code}`
          : String((error as Error)?.message ?? error);
  return where && !text.includes(where) ? `${text} (${where})` : text;
}

export interface ExchangeOptions {
  policy: RetryPolicy;
  /** What is being done, for messages; never contains the URL (it may be a secret). */
  what: string;
  sleep?: Sleep;
  /** Checks a 2xx body; throwing makes the attempt count as failed and retryable (e.g. malformed JSON). */
  validate?: (answer: HttpAnswer) => void;
  onRetry?: (reason: string, delayMs: number, attempt: number) => void;
  /** Largest answer body accepted (bytes). */
  maxBodyBytes?: number;
  /** Aborts the exchange at once (run cancelled): in-flight request, waits and retries. */
  signal?: AbortSignal;
}

/** Reads a (decompressed) body up to `max` bytes; a longer one is cut off and refused. */
async function readCapped(body: AsyncIterable<Uint8Array> | null, max: number, what: string): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (length > max) throw new HttpError(`${what} failed: the answer is larger than ${Math.round(max / 1024)} KB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length).toString('utf8');
}

/**
 * One attempt, headers and body together bounded by `timeoutMs` and by the caller's signal. It uses Node's
 * own HTTP client: its parser is built in, so a run compiles and instantiates nothing more for HTTP (undici,
 * bundled by @actions/core, would instantiate its WebAssembly parser on the first request). Answers are
 * asked for gzip-compressed and decompressed here; the size cap counts decompressed bytes, so a
 * compression bomb is cut off too. Redirects are never followed: a bearer token or a card never goes
 * where it was not sent.
 */
async function attemptOnce(req: HttpRequest, options: ExchangeOptions, timeoutMs: number, attempt: number): Promise<HttpAnswer> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  const url = new URL(req.url);
  const proxy = proxyFor(url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const started = (outgoing: ClientRequest) => {
        outgoing.on('error', reject);
        outgoing.end(req.body);
      };
      if (!proxy) return started(send(url, { method: req.method, headers, signal }, resolve));
      openThroughProxy(url, proxy, req.method, headers, signal).then(options => started(send(options, resolve)), reject);
    });
    const gzipped = String(response.headers['content-encoding'] ?? '').toLowerCase() === 'gzip';
    const stream: Readable = gzipped ? response.pipe(createGunzip()) : response;
    if (gzipped) response.on('error', error => stream.destroy(error));
    const body = await readCapped(stream, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, options.what).finally(() => {
      // A refused (too large) or failed body: drop the connection rather than read on.
      if (!response.complete) response.destroy();
    });
    return { status: response.statusCode ?? 0, headers: response.headers, body, attempts: attempt };
  } catch (error) {
    if (options.signal?.aborted) throw new ExchangeCancelled(`${options.what} was cancelled`);
    if (timeout.signal.aborted)
      throw Object.assign(new Error(`no complete answer within ${(timeoutMs / 1000).toFixed(1)}s`), { code: 'ANSWER_TIMEOUT' });
    // Name the host (never the path or query: a webhook URL is a secret) and the proxy it went through.
    if (error && typeof error === 'object' && !(error instanceof HttpError))
      Object.assign(error, { where: proxy ? `${url.host} through the proxy ${proxy.host}` : url.host });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function proxyRefused(status: number | undefined): Error {
  const hint = status === 407 ? ' (check the user and password in HTTPS_PROXY)' : '';
  return Object.assign(new Error(`the proxy answered HTTP ${status} to CONNECT${hint}`), { code: 'PROXY_REFUSED' });
}

/**
 * The request options for `target` through `proxy`: an https target through a CONNECT tunnel (TLS to the
 * target inside it, so the proxy sees only the host name), an http target as an absolute-URI request to
 * the proxy, as @actions/http-client does (through the tunnel package). Credentials in the proxy URL go
 * as Proxy-Authorization and are masked.
 */
async function openThroughProxy(
  target: URL,
  proxy: URL,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal
): Promise<RequestOptions> {
  const auth = proxyAuthorization(proxy);
  registerSecret(proxy.password ? decodeURIComponent(proxy.password) : undefined);
  const proxyPort = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  if (target.protocol === 'http:') {
    return {
      host: proxyHost,
      port: proxyPort,
      method,
      path: target.href,
      headers: { ...headers, host: target.host, ...(auth ? { 'proxy-authorization': auth } : {}) },
      signal
    };
  }
  const port = Number(target.port) || 443;
  const authority = `${target.hostname}:${port}`;
  const socket = await new Promise<Socket>((resolve, reject) => {
    const connect = (proxy.protocol === 'https:' ? httpsRequest : httpRequest)({
      host: proxyHost,
      port: proxyPort,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...(auth ? { 'proxy-authorization': auth } : {}) },
      signal
    });
    connect.once('connect', (answer, tunnel) => {
      if (answer.statusCode === 200) return resolve(tunnel);
      tunnel.destroy();
      reject(proxyRefused(answer.statusCode));
    });
    connect.once('response', answer => {
      answer.resume();
      reject(proxyRefused(answer.statusCode));
    });
    connect.once('error', reject);
    connect.end();
  });
  const servername = target.hostname.replace(/^\[|\]$/g, '');
  return {
    host: servername,
    port,
    method,
    path: `${target.pathname}${target.search}`,
    headers: { ...headers, host: target.host },
    signal,
    createConnection: () => tlsConnect({ socket, servername: isIP(servername) ? undefined : servername }) as unknown as Duplex
  } as RequestOptions;
}

export async function exchange(req: HttpRequest, options: ExchangeOptions): Promise<HttpAnswer> {
  const { policy, what, sleep = realSleep } = options;
  const started = Date.now();
  let lastProblem = '';
  let lastStatus: number | undefined;
  let lastBody: string | undefined;
  for (let attempt = 1; ; attempt++) {
    let delay: number | undefined;
    if (options.signal?.aborted) throw new ExchangeCancelled(`${what} was cancelled`);
    // No attempt outlives the whole exchange's budget.
    const timeoutMs = Math.min(policy.timeoutMs, Math.max(1_000, policy.maxTotalMs - (Date.now() - started)));
    try {
      const answer = await attemptOnce(req, options, timeoutMs, attempt);
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
      lastBody = answer.body;
    } catch (error) {
      if (error instanceof ExchangeCancelled || error instanceof HttpError) throw error;
      if (!isTransientNetworkError(error)) {
        throw new HttpError(`${what} failed: ${describeNetworkError(error)}`, undefined, undefined, attempt);
      }
      lastProblem = `a network error (${describeNetworkError(error)})`;
    }
    delay ??= backoffDelay(attempt, policy);
    const elapsed = Date.now() - started;
    if (attempt >= policy.maxAttempts || elapsed + delay > policy.maxTotalMs) {
      throw new HttpError(
        `${what} failed after ${attempt} attempt(s) in ${Math.round(elapsed / 1000)}s; last problem: ${lastProblem}`,
        lastStatus,
        lastBody,
        attempt
      );
    }
    options.onRetry?.(lastProblem, delay, attempt);
    await sleep(delay, options.signal);
  }
}
