import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeAlert, TENANT } from '../fakes/alerts.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * End to end, teams-delivery: bot: dist/index.js posting through a fake Bot Connector (fakes/bot-connector.ts
 * cites the Microsoft documentation each behaviour follows), signing in to the fake Entra for the Bot
 * Framework audience.
 */
const fake = useFakeTenant();
let bot: FakeBotConnector;
const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
const SOC = '19:8c2b7f0f4c1a4d3e9a6b5c4d3e2f1a0b@thread.tacv2';
const LINK = `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/Security?groupId=1b1c8d2e-0000-4000-8000-000000000001&tenantId=${TENANT}`;

beforeEach(async () => {
  bot = await startFakeBotConnector({ issued: fake.entra.issued });
  bot.installed.add(CHANNEL);
});
afterEach(async () => {
  // Every card the channel holds is a valid Adaptive Card, and none came with text beside it.
  expect(bot.messages.flatMap(m => m.problems)).toEqual([]);
  expect(bot.messages.filter(m => m.activity?.text)).toEqual([]);
  await bot.close();
});

const botInputs = (extra: Record<string, string> = {}) =>
  fake.inputs({ 'teams-webhook-url': '', 'teams-delivery': 'bot', 'teams-channel': LINK, 'teams-service-url': bot.serviceUrl, ...extra });
const titleOf = (m: { card?: Record<string, any> }) => JSON.stringify(m.card ?? {}).match(/hidden file #(\d+)/)?.[1];

test('alerts are posted as new conversations in the channel, confirmed with ids the snapshot keeps; one token per run, for the Bot Framework', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  const run = await fake.ws.run(botInputs());
  expect(run.code).toBe(0);
  expect(bot.topLevel(CHANNEL).map(titleOf).sort()).toEqual(['1', '2']);
  expect([run.outputs['posted-count'], run.outputs['confirmed-count'], run.outputs['edited-count']]).toEqual(['2', '2', '0']);
  const snapshot = JSON.parse(await readFile(path.join(fake.ws.dir, '.m365-alerts/snapshot.json'), 'utf8'));
  const ref = snapshot.alerts[makeAlert(1).id].m.default;
  expect(ref).toEqual({
    serviceUrl: bot.serviceUrl,
    conversationId: `${CHANNEL};messageid=${ref.activityId}`,
    activityId: expect.any(String)
  });
  const scopes = fake.entra.tokenRequests.map(form => form.scope);
  expect(scopes.filter(scope => scope === 'https://api.botframework.com/.default')).toHaveLength(1);
  // The token never reaches the log.
  for (const token of fake.entra.issued.keys()) expect(visible(run.stdout)).not.toContain(token);
});

test('an alert resolved: its card edited in place and one reply in its thread, no new top-level message', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const settings = botInputs({ 'notify-on': 'new,updated,resolved' });
  expect((await fake.ws.run(settings)).code).toBe(0);
  const [original] = bot.topLevel(CHANNEL);
  fake.graph.alerts = [makeAlert(1, { status: 'resolved', classification: 'truePositive', lastUpdateDateTime: new Date().toISOString() })];
  const resolved = await fake.ws.run(settings);
  expect(resolved.code).toBe(0);
  expect(bot.topLevel(CHANNEL)).toHaveLength(1);
  expect(original.edits).toBe(1);
  expect(JSON.stringify(original.card)).toMatch(/Resolved/);
  expect(JSON.stringify(original.card)).toMatch(/True Positive/);
  expect(bot.replies(original.activityId)).toHaveLength(1);
  expect([resolved.outputs['resolved-count'], resolved.outputs['edited-count'], resolved.outputs['confirmed-count']]).toEqual([
    '1',
    '1',
    '1'
  ]);
  // Nothing changed: nothing is posted or edited again.
  const quiet = await fake.ws.run(settings);
  expect([quiet.outputs['posted-count'], bot.messages.length, original.edits]).toEqual(['0', 2, 1]);
});

test('on-change: update edits only, reply only replies; an original Teams no longer has is posted as a new card', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  expect((await fake.ws.run(botInputs({ 'notify-on': 'new,updated' }))).code).toBe(0);
  const [first, second] = bot.topLevel(CHANNEL).sort((a, b) => Number(titleOf(a)) - Number(titleOf(b)));
  fake.graph.alerts = [1, 2].map(n => makeAlert(n, { status: 'inProgress', lastUpdateDateTime: new Date().toISOString() }));
  expect((await fake.ws.run(botInputs({ 'notify-on': 'new,updated', 'on-change': 'update' }))).code).toBe(0);
  expect([first.edits, second.edits, bot.replies(first.activityId).length]).toEqual([1, 1, 0]);
  fake.graph.alerts = [1, 2].map(n => makeAlert(n, { severity: 'high', lastUpdateDateTime: new Date().toISOString() }));
  // The first card was deleted in Teams: its follow-up becomes a new card.
  bot.messages.splice(bot.messages.indexOf(first), 1);
  const replied = await fake.ws.run(botInputs({ 'notify-on': 'new,updated', 'on-change': 'reply' }));
  expect(replied.code).toBe(0);
  expect([second.edits, bot.replies(second.activityId).length]).toEqual([1, 1]);
  expect(bot.topLevel(CHANNEL).map(titleOf).sort()).toEqual(['1', '2']);
});

test('a burst of 100 alerts: 100 cards within the per-channel windows, every 429 honoured, none lost', async () => {
  fake.graph.alerts = Array.from({ length: 100 }, (_, i) => makeAlert(i + 1));
  const run = await fake.ws.run(botInputs({ 'max-cards': '100' }));
  expect(run.code).toBe(0);
  expect(new Set(bot.topLevel(CHANNEL).map(titleOf)).size).toBe(100);
  expect(run.outputs['confirmed-count']).toBe('100');
  // The action paces itself by Teams' documented limits, so the fake never had to throttle it.
  expect(bot.throttled).toBe(0);
}, 120_000);

test('429 with Retry-After and 412 are retried; a reset after the message was stored posts it again (at least once), never drops it', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  bot.faults.push({ kind: 'status', status: 429, retryAfter: '1', body: '{"error":{"code":"Throttled","message":"Too many requests."}}' });
  bot.faults.push({
    kind: 'status',
    status: 412,
    body: '{"error":{"code":"PreconditionFailed","message":"Precondition failed, please try again."}}'
  });
  bot.resetAfterStore = 1;
  const run = await fake.ws.run(botInputs());
  expect(run.code).toBe(0);
  const titles = bot.topLevel(CHANNEL).map(titleOf);
  expect(new Set(titles)).toEqual(new Set(['1', '2']));
  expect(titles.length).toBeLessThanOrEqual(3);
  expect(run.outputs['confirmed-count']).toBe('2');
});

test('403 BotNotInConversationRoster: a clear error, the notices stay owed, and are delivered once the app is installed', async () => {
  bot.installed.clear();
  fake.graph.alerts = [makeAlert(1)];
  const refused = await fake.ws.run(botInputs());
  expect(refused.code).toBe(1);
  expect(visible(refused.stdout)).toMatch(/BotNotInConversationRoster.*install it in that team/);
  expect(refused.outputs['owed-count']).toBe('1');
  bot.installed.add(CHANNEL);
  const installed = await fake.ws.run(botInputs());
  expect(installed.code).toBe(0);
  expect(bot.topLevel(CHANNEL).map(titleOf)).toEqual(['1']);
});

test('the documented refusals each name their remedy: admin block, GCC host, unknown channel', async () => {
  fake.graph.alerts = [makeAlert(1)];
  bot.disabledByAdmin = true;
  expect(visible((await fake.ws.run(botInputs())).stdout)).toMatch(/BotDisabledByAdmin.*Teams admin center/);
  bot.disabledByAdmin = false;
  bot.gccTenant = true;
  expect(visible((await fake.ws.run(botInputs())).stdout)).toMatch(/InvalidBotApiHost.*cloud: gcc/);
  bot.gccTenant = false;
  const unknown = await fake.ws.run(botInputs({ 'teams-channel': SOC }));
  expect(visible(unknown.stdout)).toMatch(/BotNotInConversationRoster|ConversationNotFound/);
  expect(bot.messages).toHaveLength(0);
});

test('a token for another audience is refused by the Bot Connector: a Graph token never posts', async () => {
  fake.graph.alerts = [makeAlert(1)];
  // Entra issues the bot's token for the Graph audience (a scope misconfigured by a proxy, say).
  const issued = fake.entra.issued;
  const realSet = issued.set.bind(issued);
  issued.set = (token, value) => realSet(token, { ...value, audience: 'https://graph.microsoft.com' });
  try {
    const run = await fake.ws.run(botInputs());
    expect(run.code).toBe(1);
    expect(visible(run.stdout)).toMatch(/HTTP 401.*teams-bot-app-id/);
    expect(bot.messages).toHaveLength(0);
  } finally {
    issued.set = realSet;
  }
});

test('routes name their channels; send-test-card posts to each and logs the message ids', async () => {
  bot.installed.add(SOC);
  const routes = `- name: soc\n  min-severity: high\n  channel: ${SOC}`;
  fake.graph.alerts = [makeAlert(1, { severity: 'high' }), makeAlert(2, { severity: 'low' })];
  expect((await fake.ws.run(botInputs({ routes }))).code).toBe(0);
  expect(bot.topLevel(SOC).map(titleOf)).toEqual(['1']);
  expect(bot.topLevel(CHANNEL).map(titleOf)).toEqual(['2']);
  const test = await fake.ws.run(botInputs({ routes, 'send-test-card': 'true' }));
  expect(test.code).toBe(0);
  expect(test.stdout).toMatch(/Test card to 'default': accepted by Teams: in the channel, message id \d+/);
  expect(test.stdout).toMatch(/Test card to 'soc': accepted by Teams: in the channel, message id \d+/);
  expect(test.outputs['confirmed-count']).toBe('2');
});

test('bad bot inputs are refused naming the input and what to give', async () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ 'teams-channel': 'general' }, /Input 'teams-channel' holds 'general', which is not a Teams channel id/],
    [
      { 'teams-channel': LINK.replace(TENANT, '00000000-0000-0000-0000-000000000000') },
      /Input 'teams-channel' is a link to a channel of tenant 0{8}/
    ],
    [{ 'teams-webhook-url': fake.teams.workflowsUrl }, /Input 'teams-webhook-url' is set, but teams-delivery is bot/],
    [
      { 'teams-bot-app-id': '11111111-1111-1111-1111-111111111111' },
      /Input 'teams-bot-client-secret' is empty, but teams-bot-app-id is another app/
    ],
    [{ 'on-change': 'edit' }, /Input 'on-change'.*update, reply, update\+reply/],
    [{ 'teams-delivery': 'chat' }, /Input 'teams-delivery'.*webhook, bot/]
  ];
  for (const [extra, message] of cases) {
    const run = await fake.ws.run(botInputs(extra));
    expect([extra, run.code]).toEqual([extra, 1]);
    expect(visible(run.stdout)).toMatch(message);
  }
  const webhook = await fake.ws.run(fake.inputs({ 'teams-channel': CHANNEL }));
  expect(visible(webhook.stdout)).toMatch(/Input 'teams-channel' is set, but teams-delivery is webhook/);
});

test('group-by: incident: an incident resolved or merged edits its card in place and replies in its thread', async () => {
  const incident = (id: string, changes: Record<string, unknown> = {}) => ({
    id,
    tenantId: TENANT,
    status: 'active',
    severity: 'high',
    displayName: `Multi-stage incident ${id}`,
    incidentWebUrl: `https://security.microsoft.com/incident2/${id}/overview?tid=${TENANT}`,
    createdDateTime: new Date(Date.now() - 3_600_000).toISOString(),
    lastUpdateDateTime: new Date(Date.now() - 60_000).toISOString(),
    ...changes
  });
  const settings = botInputs({ 'group-by': 'incident', 'notify-on': 'new,updated,resolved' });
  fake.graph.alerts = [1, 2].map(n => makeAlert(n, { incidentId: '101' }));
  fake.graph.incidents = [incident('101')];
  expect((await fake.ws.run(settings)).code).toBe(0);
  const [card] = bot.topLevel(CHANNEL);
  expect(JSON.stringify(card.card)).toContain('Multi-stage incident 101');
  fake.graph.incidents = [
    incident('101', { status: 'resolved', classification: 'truePositive', lastUpdateDateTime: new Date().toISOString() })
  ];
  const resolved = await fake.ws.run(settings);
  expect(resolved.code).toBe(0);
  expect(bot.topLevel(CHANNEL)).toHaveLength(1);
  expect(card.edits).toBe(1);
  expect(JSON.stringify(card.card)).toMatch(/Resolved/);
  expect(bot.replies(card.activityId)).toHaveLength(1);
  expect(resolved.outputs['edited-count']).toBe('1');
});
