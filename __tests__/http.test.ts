import { backoffDelay, parseRetryAfter, type RetryPolicy } from '../src/http.js';

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
  const policy: RetryPolicy = { maxAttempts: 5, maxTotalMs: 60_000, baseDelayMs: 1000, maxDelayMs: 8000, timeoutMs: 1000, retryStatuses: [] };
  expect(backoffDelay(1, policy, () => 0)).toBe(500);
  expect(backoffDelay(1, policy, () => 1)).toBe(1000);
  expect(backoffDelay(3, policy, () => 1)).toBe(4000);
  expect(backoffDelay(10, policy, () => 1)).toBe(8000);
  expect(backoffDelay(10, policy, () => 0)).toBe(4000);
});
