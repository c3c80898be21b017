import type { IncomingMessage, ServerResponse } from 'node:http';
import { backoffDelay, exchange, parseRetryAfter, type RetryPolicy } from '../../src/runtime/http.js';
import { startHttps, type RunningServer } from '../fakes/https.js';

test('Retry-After: fractional seconds, integers, HTTP dates, garbage', () => {
  expect(parseRetryAfter('2.128')).toBe(2128);
  expect(parseRetryAfter('3')).toBe(3000);
  expect(parseRetryAfter(['1.5'])).toBe(1500);
  const now = Date.parse('2026-11-25T12:00:00Z');
  expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000);
  expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon')).toBeUndefined();
  expect(parseRetryAfter(undefined)).toBeUndefined();
});

test('backoff grows exponentially with jitter and is capped', () => {
  const policy: RetryPolicy = {
    maxAttempts: 5,
    maxTotalMs: 60_000,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    timeoutMs: 1000,
    retryStatuses: []
  };
  expect(backoffDelay(1, policy, () => 0)).toBe(500);
  expect(backoffDelay(1, policy, () => 1)).toBe(1000);
  expect(backoffDelay(3, policy, () => 1)).toBe(4000);
  expect(backoffDelay(10, policy, () => 1)).toBe(8000);
  expect(backoffDelay(10, policy, () => 0)).toBe(4000);
});

describe('exchange against a loopback HTTPS server', () => {
  const policy: RetryPolicy = {
    maxAttempts: 4,
    maxTotalMs: 10_000,
    baseDelayMs: 50,
    maxDelayMs: 200,
    timeoutMs: 300,
    retryStatuses: [429, 500, 503]
  };
  let server: RunningServer;
  let answers: Array<(res: ServerResponse, raw: IncomingMessage) => void>;
  let hits = 0;
  beforeAll(async () => {
    server = await startHttps((_req, res, raw) => {
      hits++;
      const answer = answers.shift();
      if (answer) return answer(res, raw);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    hits = 0;
    answers = [];
  });

  test('a server that does not answer in time is retried', async () => {
    // unref: the late answer must not keep the test worker alive after the test.
    answers.push(res => void setTimeout(() => res.end('late'), 2000).unref());
    const answer = await exchange({ method: 'GET', url: server.url, headers: {} }, { policy, what: 'probe' });
    expect(answer.status).toBe(200);
    expect(answer.attempts).toBe(2);
  });

  test('Retry-After is waited for, and a reset connection is retried', async () => {
    const waits: number[] = [];
    answers.push((_res, raw) => raw.socket.destroy());
    answers.push(res => {
      res.writeHead(429, { 'retry-after': '0.25' });
      res.end();
    });
    const answer = await exchange(
      { method: 'GET', url: server.url, headers: {} },
      { policy, what: 'probe', onRetry: (_reason, delay) => waits.push(delay) }
    );
    expect(answer.attempts).toBe(3);
    expect(waits[1]).toBe(250);
  });

  test('gives up within the total budget with the last problem, and never names the URL', async () => {
    for (let i = 0; i < 10; i++)
      answers.push(res => {
        res.writeHead(503, { 'retry-after': '5' });
        res.end();
      });
    const started = Date.now();
    await expect(
      exchange(
        { method: 'POST', url: `${server.url}/secret-path?sig=s3cr3t`, headers: {}, body: '{}' },
        { policy: { ...policy, maxTotalMs: 3000 }, what: 'Posting' }
      )
    ).rejects.toThrow(/^Posting failed after 1 attempt\(s\) in 0s; last problem: HTTP 503$/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(hits).toBe(1);
  });

  test('a malformed success body is retried when the caller validates it', async () => {
    answers.push(res => {
      res.writeHead(200);
      res.end('{"value": [');
    });
    const answer = await exchange(
      { method: 'GET', url: server.url, headers: {} },
      { policy, what: 'probe', validate: ({ body }) => void JSON.parse(body) }
    );
    expect(answer.attempts).toBe(2);
  });
});
