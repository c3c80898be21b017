import type { Notice } from '../../src/alerts/delta.js';
import { planCards } from '../../src/delivery/cards/cards.js';
import { deliverCards, TEAMS_RETRY_POLICY } from '../../src/delivery/channels/webhook/webhook.js';
import { startFakeTeams, type FakeTeams } from '../fakes/teams.js';

/** deliverCards against the fake Teams Workflows webhook, with a virtual clock for pacing. */
let teams: FakeTeams;
beforeEach(async () => {
  teams = await startFakeTeams();
});
afterEach(async () => teams.close());

const notices = (count: number): Notice[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'new',
    alert: { id: `a${i}`, title: `Alert ${i}`, severity: 'high', status: 'new', alertWebUrl: `https://security.microsoft.com/alerts/a${i}` }
  }));

function virtualClock() {
  let now = 1_000_000;
  const waits: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (waits.push(ms), (now += ms)), waits, advance: (ms: number) => (now += ms) };
}

test('post-rate: the 21st post in five minutes waits for the window; every card arrives, in order', async () => {
  const clock = virtualClock();
  const paced: number[] = [];
  const plans = planCards(notices(30), 30);
  const results = await deliverCards(plans, {
    url: teams.workflowsUrl,
    kind: 'workflows',
    intervalMs: 1000,
    rate: { requests: 20, windowMs: 300_000 },
    now: clock.now,
    sleep: clock.sleep,
    onPace: (_label, delayMs) => paced.push(delayMs)
  });
  expect(results.every(r => r.delivered)).toBe(true);
  expect(teams.received.map(r => r.card.body[0].items[1].inlines[0].text)).toEqual(Array.from({ length: 30 }, (_, i) => `Alert ${i}`));
  // 20 posts a second apart, then the 21st waits until 5 minutes after the 1st; later ones follow the window.
  expect(clock.waits.slice(0, 19)).toEqual(Array(19).fill(1000));
  // (the 1st went out at 0 s, the 20th at 19 s: the 21st waits the 281 s left of the window, interval included)
  expect(paced).toEqual([300_000 - 19_000]);
  // Posts 22 to 30 follow a second apart: each leaves the window as full as it found it.
  expect(clock.waits.slice(-9)).toEqual(Array(9).fill(1000));
  expect(clock.waits.reduce((a, b) => a + b, 0)).toBe(28 * 1000 + 281_000);
});

test('a 429 with Retry-After is waited out and retried; one card failing does not stop the others', async () => {
  teams.faults.push({ kind: 'status', status: 429, retryAfter: '2' });
  teams.faultFor = card => (card.text.includes('Alert 2') ? { kind: 'status', status: 500 } : undefined);
  const clock = virtualClock();
  const retries: string[] = [];
  const results = await deliverCards(planCards(notices(4), 4), {
    url: teams.workflowsUrl,
    kind: 'workflows',
    intervalMs: 0,
    policy: { ...TEAMS_RETRY_POLICY, maxTotalMs: 600_000 },
    sleep: clock.sleep,
    onRetry: (_label, reason, delayMs) => retries.push(`${reason} ${delayMs}`)
  });
  expect(results.map(r => r.delivered)).toEqual([true, true, false, true]);
  expect(retries[0]).toBe('HTTP 429 2000');
  expect(results[2].error).toMatch(/failed after 4 attempt\(s\).*HTTP 500/);
  expect(results[2].error).not.toContain(teams.url);
});
