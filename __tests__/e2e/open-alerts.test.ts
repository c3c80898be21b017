import path from 'node:path';
import { makeAlert } from '../fakes/alerts.js';
import { startFakeBotConnector, type BotMessage, type FakeBotConnector } from '../fakes/bot-connector.js';
import { DIST } from '../fakes/runner.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * End to end: the open-alerts board (a bot's card edited in place) and the daily digest (any channel, on a
 * virtual clock across days and a daylight-saving change), run as dist/index.js against the fakes.
 */
const fake = useFakeTenant();
let bot: FakeBotConnector;
const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';

beforeEach(async () => {
  bot = await startFakeBotConnector({ issued: fake.entra.issued });
  bot.installed.add(CHANNEL);
});
afterEach(async () => {
  expect(bot.messages.flatMap(m => m.problems)).toEqual([]);
  await bot.close();
});

const botInputs = (extra: Record<string, string> = {}) =>
  fake.inputs({
    'teams-webhook-url': '',
    'teams-delivery': 'bot',
    'teams-channel': CHANNEL,
    'teams-service-url': bot.serviceUrl,
    'open-alerts-board': 'true',
    ...extra
  });
/** The action's clock (and Graph's) set to `iso`: the environment a run needs for it. */
function clockAt(iso: string): Record<string, string> {
  const offset = Date.parse(iso) - Date.now();
  fake.graph.clockOffsetMs = offset;
  return {
    NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
    CLOCK_OFFSET_MS: String(offset)
  };
}
const isBoard = (m: BotMessage) => JSON.stringify(m.card ?? {}).includes('Open alerts board');
const boards = () => bot.topLevel(CHANNEL).filter(isBoard);
/** The alert numbers a board lists, in its order. */
const rowsOf = (m: BotMessage) => [...JSON.stringify(m.card).matchAll(/hidden file #(\d+)/g)].map(match => Number(match[1]));

test('one board per channel, edited in place only when the open set changed; resolved alerts leave it; oldest first', async () => {
  const now = Date.now();
  fake.graph.alerts = [makeAlert(2, { severity: 'high' }, now - 3_600_000), makeAlert(1, { severity: 'low' }, now - 7_200_000)];
  const first = await fake.ws.run(botInputs());
  expect(first.code).toBe(0);
  expect(first.outputs['board-updated']).toBe('true');
  expect(boards()).toHaveLength(1);
  const [board] = boards();
  expect(JSON.stringify(board.card)).toContain('Open alerts board: 2 open alerts');
  expect(JSON.stringify(board.card)).toContain('2 (High 1 · Low 1)');
  // The oldest open alert first.
  expect(rowsOf(board)).toEqual([1, 2]);

  // Nothing changed: the board is not touched.
  const quiet = await fake.ws.run(botInputs());
  expect([quiet.outputs['board-updated'], board.edits, boards().length]).toEqual(['false', 0, 1]);

  // Alert 1 is resolved in the portal: it leaves the board, which is edited in place.
  fake.graph.alerts[1] = makeAlert(
    1,
    { severity: 'low', status: 'resolved', lastUpdateDateTime: new Date().toISOString() },
    now - 7_200_000
  );
  const resolved = await fake.ws.run(botInputs());
  expect([resolved.outputs['board-updated'], board.edits, boards().length]).toEqual(['true', 1, 1]);
  expect(rowsOf(board)).toEqual([2]);
  expect(JSON.stringify(board.card)).toContain('Open alerts board: 1 open alert');

  // A new alert: posted as its own card, and added to the board (after the older one).
  fake.graph.alerts.push(makeAlert(3, { severity: 'medium', lastUpdateDateTime: new Date().toISOString() }));
  const added = await fake.ws.run(botInputs());
  expect([added.outputs['board-updated'], board.edits, boards().length]).toEqual(['true', 2, 1]);
  expect(rowsOf(board)).toEqual([2, 3]);

  // The board was deleted in Teams: the next change posts a new one and forgets the old id.
  bot.messages.splice(bot.messages.indexOf(board), 1);
  fake.graph.alerts.push(makeAlert(4, { severity: 'high', lastUpdateDateTime: new Date().toISOString() }));
  const reposted = await fake.ws.run(botInputs());
  expect(reposted.code).toBe(0);
  expect(boards()).toHaveLength(1);
  expect(rowsOf(boards()[0])).toEqual([2, 3, 4]);
  const again = await fake.ws.run(botInputs());
  expect([again.outputs['board-updated'], boards()[0].edits, boards().length]).toEqual(['false', 0, 1]);
});

test('open-alerts-board with a webhook is an input error naming teams-delivery: bot; bad digest times and zones name the input', async () => {
  const board = await fake.ws.run(fake.inputs({ 'open-alerts-board': 'true' }));
  expect(board.code).toBe(1);
  expect(visible(board.stdout)).toMatch(/Input 'open-alerts-board' is true, but teams-delivery is webhook.*teams-delivery: bot/);
  for (const [value, message] of [
    ['8.30', /Input 'open-alerts-digest' is '8.30', which is not a time of day/],
    ['25:00', /Input 'open-alerts-digest' is '25:00', which is not a time of day/],
    ['08:30 Mars/Olympus', /Input 'open-alerts-digest' names the time zone 'Mars\/Olympus', which is not an IANA time zone/]
  ] as const) {
    const run = await fake.ws.run(fake.inputs({ 'open-alerts-digest': value }));
    expect([value, run.code]).toEqual([value, 1]);
    expect(visible(run.stdout)).toMatch(message);
  }
});

test('the daily digest (webhook): one per local day at the first run after the set time, across a daylight-saving change, never twice', async () => {
  // America/New_York leaves daylight saving time on 2026-11-01 at 02:00 (01:00 to 02:00 happens twice).
  const runAt = (iso: string) => fake.ws.run(fake.inputs({ 'open-alerts-digest': '01:30 America/New_York' }), clockAt(iso));
  fake.graph.alerts = [makeAlert(1, { severity: 'high' }, Date.parse('2026-10-31T04:30:00Z'))];
  const digests = () => fake.teams.received.filter(card => card.text.includes('Daily digest'));
  const expectRun = async (iso: string, posted: boolean) => {
    const run = await runAt(iso);
    expect([iso, run.code, run.outputs['digest-posted']]).toEqual([iso, 0, String(posted)]);
  };
  await expectRun('2026-10-31T05:00:00Z', false); // 01:00 EDT: the alert is posted, the digest is not due
  await expectRun('2026-10-31T05:40:00Z', true); // 01:40 EDT: the first run after 01:30
  await expectRun('2026-10-31T09:00:00Z', false); // later the same day: not again
  await expectRun('2026-11-01T05:35:00Z', true); // 01:35 EDT, the first 01:35 of the day
  await expectRun('2026-11-01T06:35:00Z', false); // 01:35 EST, the same local time again: not twice
  await expectRun('2026-11-02T08:00:00Z', true); // 03:00 EST: a late schedule still posts, once
  expect(digests()).toHaveLength(3);
  expect(digests()[0].text).toContain('Daily digest: 1 open alert');
  expect(digests()[0].text).toContain('hidden file #1');
});

test('an empty digest is skipped, or says nothing is open with open-alerts-digest-empty: post', async () => {
  const skipped = await fake.ws.run(fake.inputs({ 'open-alerts-digest': '08:30' }), clockAt('2026-12-07T09:00:00Z'));
  expect([skipped.code, skipped.outputs['digest-posted'], fake.teams.received.length]).toEqual([0, 'false', 0]);
  const post = fake.inputs({ 'open-alerts-digest': '08:30', 'open-alerts-digest-empty': 'post' });
  // Today's (empty) digest was already settled by the skip: the next day's is posted.
  const sameDay = await fake.ws.run(post, clockAt('2026-12-07T09:00:00Z'));
  expect(sameDay.outputs['digest-posted']).toBe('false');
  const nextDay = await fake.ws.run(post, clockAt('2026-12-08T09:00:00Z'));
  expect(nextDay.outputs['digest-posted']).toBe('true');
  expect(fake.teams.received.map(card => card.text).join('\n')).toContain('Daily digest: nothing open');
});
