import { CLIENT, SECRET, TENANT, makeAlert } from '../fakes/alerts.js';
import { startFakeCacheService, type FakeCacheService } from '../fakes/cache-service.js';
import { startFakeEntra, type FakeEntra } from '../fakes/entra.js';
import { startFakeGraph, type FakeGraph } from '../fakes/graph.js';
import { Workspace } from '../fakes/runner.js';
import { startFakeTeams, type FakeTeams } from '../fakes/teams.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.js';
import path from 'node:path';
import { DIST } from '../fakes/runner.js';
import { prng } from '../fakes/prng.js';

/**
 * Randomised simulation: many consecutive scheduled runs of dist/index.js over an evolving alert set,
 * with a fault injected at one edge in most runs, group-by switching between alert and incident and
 * delivery between a Workflows webhook and a Teams bot (the same channel) at random. Reproduce a failure
 * with SIM_SEED=<seed>.
 *
 * Invariants:
 * - every alert notifiable in its final state reaches Teams at least once (nothing lost);
 * - an alert is posted twice only if its first post came from a run whose snapshot was not saved
 *   (a failed save, or a process killed mid-run) or from a post whose answer timed out (Teams may
 *   have taken it; at-least-once delivery retries it);
 * - a run whose snapshot restore failed posts nothing (no flood);
 * - no run ever finds the stored snapshot unreadable (never corrupted).
 *
 * Audit rules run alongside: a match rule over audit records that appear run by run (some reaching the
 * log hours late), against the fake audit log query API; the same invariants hold for every record. Runs
 * are 11 minutes apart in simulated time (the action's clock and Graph's move together), the last
 * fault-free runs 2.5 hours apart, so late windows come round.
 */
const RUNS = Number(process.env.SIM_RUNS ?? 42);
const SEED = Number(process.env.SIM_SEED ?? Date.now() % 1_000_000);

let entra: FakeEntra;
let graph: FakeGraph;
let teams: FakeTeams;
let bot: FakeBotConnector;
const CHANNEL = '19:5im0la7ion0channel@thread.tacv2';
let cacheService: FakeCacheService;
let ws: Workspace;

beforeAll(async () => {
  entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
  graph = await startFakeGraph(token => entra.tokens.has(token));
  teams = await startFakeTeams();
  bot = await startFakeBotConnector({ issued: entra.issued });
  bot.installed.add(CHANNEL);
  cacheService = await startFakeCacheService();
  ws = await Workspace.create();
});
afterAll(async () => {
  expect(bot.messages.flatMap(m => m.problems)).toEqual([]);
  await Promise.all([graph.close(), entra.close(), teams.close(), bot.close(), cacheService.close()]);
  await ws.remove();
});

const FAULTS = [
  'token-5xx',
  'token-reset',
  'graph-429',
  'graph-5xx',
  'graph-reset',
  'graph-malformed',
  'graph-slow',
  'graph-trickle',
  'teams-429',
  'teams-5xx-one-card',
  'teams-reset',
  'teams-timeout',
  'teams-trickle',
  'cache-restore-outage',
  'cache-save-failure',
  'kill',
  'sigterm',
  'deadline',
  'hostile-alert',
  'future-alert',
  'audit-429',
  'audit-query-fails',
  'audit-late-record',
  'audit-budget',
  'audit-other-operations',
  'bot-not-installed',
  'bot-answer-lost'
] as const;
type FaultName = (typeof FAULTS)[number] | 'none';

const SEVERITIES = ['informational', 'low', 'medium', 'high'];
const idsIn = (text: string) => [...text.matchAll(/hidden file #(\d+)/g)].map(m => Number(m[1]));
const recordsIn = (text: string) => [...text.matchAll(/by rec(\d+)@contoso/g)].map(m => Number(m[1]));
const DRAIN_RUNS = 5;
const RULES = `
- name: Inbox rule forwards mail
  type: match
  severity: high
  operations: [New-InboxRule]
  where:
    - {field: auditData.Parameters.Name, in: [ForwardTo]}
`;
const isNotifiable = (a: Record<string, any>) => ['low', 'medium', 'high'].includes(a.severity) && ['new', 'inProgress'].includes(a.status);

test(`simulation over ${RUNS} runs (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const alerts = new Map<number, Record<string, any>>();
  const hidden = new Set<number>();
  let next = 1;
  let clock = Date.now() - 6 * 3_600_000;
  const firstPostedIn = new Map<number, number>();
  const postCount = new Map<number, number>();
  const taintedRuns = new Set<number>();
  const faultCounts: Record<string, number> = {};
  let cutShort = 0;
  const deck: FaultName[] = [];
  const inputs = {
    'tenant-id': TENANT,
    'client-id': CLIENT,
    'client-secret': SECRET,
    'graph-endpoint': graph.url,
    'authority-host': entra.url,
    'teams-webhook-url': teams.workflowsUrl,
    'post-interval': '0s',
    'max-cards': '3',
    lookback: '7d',
    'request-timeout': '1s',
    rules: RULES
  };
  graph.defaultPageSize = 4;
  graph.audit.pageSize = 3;
  let offsetMs = 0;
  let nextRecord = 1;
  const recordFirstPostedIn = new Map<number, number>();
  const recordPostCount = new Map<number, number>();
  const addRecord = (lateMinutes = 0) => {
    const n = nextRecord++;
    const graphNow = Date.now() + offsetMs;
    graph.audit.records.push({
      id: `sim-${SEED}-${n}`,
      createdDateTime: new Date(graphNow - Math.floor(random() * 5 * 60_000)).toISOString(),
      auditLogRecordType: 'exchangeAdmin',
      operation: 'New-InboxRule',
      service: 'Exchange',
      userId: `rec${n}@contoso.com`,
      userPrincipalName: `rec${n}@contoso.com`,
      clientIp: '203.0.113.9',
      objectId: `rec${n}@contoso.com\\fwd`,
      auditData: { Parameters: [{ Name: 'ForwardTo', Value: 'drop@example.net' }] },
      ...(lateMinutes ? { visibleAt: graphNow + lateMinutes * 60_000 } : {})
    });
  };

  for (let run = 1; run <= RUNS + DRAIN_RUNS; run++) {
    const draining = run > RUNS;
    offsetMs += draining ? 150 * 60_000 : 11 * 60_000;
    graph.clockOffsetMs = offsetMs;
    if (!draining && random() < 0.5) addRecord();
    // Evolve the tenant: new alerts, changes, ties in lastUpdateDateTime, alerts that vanish and come back.
    clock += 5 * 60_000;
    const stamp = () => new Date(clock + Math.floor(random() * 60_000)).toISOString();
    if (!draining) {
      for (let i = Math.floor(random() * 4); i > 0; i--) {
        const n = next++;
        alerts.set(
          n,
          makeAlert(n, {
            severity: pick(SEVERITIES),
            status: random() < 0.8 ? 'new' : 'inProgress',
            createdDateTime: stamp(),
            lastUpdateDateTime: stamp()
          })
        );
      }
      const known = [...alerts.keys()];
      for (let i = Math.floor(random() * 3); i > 0 && known.length > 0; i--) {
        const alert = alerts.get(pick(known))!;
        const change = random();
        if (change < 0.3) alert.status = 'resolved';
        else if (change < 0.6) alert.severity = pick(SEVERITIES);
        else if (change < 0.8) alert.status = 'inProgress';
        else alert.assignedTo = 'secops@contoso.com';
        // Sometimes exactly the newest timestamp already seen: a tie that a strict '>' would lose.
        alert.lastUpdateDateTime =
          random() < 0.3
            ? [...alerts.values()]
                .map(a => a.lastUpdateDateTime)
                .sort()
                .pop()
            : stamp();
      }
      if (known.length > 0 && random() < 0.15) hidden.add(pick(known));
      else if (hidden.size > 0 && random() < 0.5) {
        const back = pick([...hidden]);
        hidden.delete(back);
        alerts.get(back)!.lastUpdateDateTime = stamp();
      }
    }
    graph.alerts = [...alerts.entries()].filter(([n]) => !hidden.has(n)).map(([, a]) => a);

    // Every third run is clean; the others take the next fault from a shuffled deck, so every kind of
    // fault occurs in every simulation, in a different order per seed.
    if (deck.length === 0) deck.push(...[...FAULTS].sort(() => random() - 0.5));
    const fault: FaultName = draining || run % 3 === 0 ? 'none' : deck.pop()!;
    faultCounts[fault] = (faultCounts[fault] ?? 0) + 1;
    let killAfter: number | undefined;
    let signal: NodeJS.Signals = 'SIGKILL';
    // Alerts or incidents, switching at random between runs: either way nothing told is posted again.
    let runInputs: Record<string, string> = { ...inputs, 'group-by': random() < 0.5 ? 'alert' : 'incident' };
    // Webhook or bot, switching at random: the snapshot carries over, nothing told is posted again.
    const viaBot = fault.startsWith('bot-') || random() < 0.5;
    if (viaBot)
      runInputs = {
        ...runInputs,
        'teams-webhook-url': '',
        'teams-delivery': 'bot',
        'teams-channel': CHANNEL,
        'teams-service-url': bot.serviceUrl,
        // The open-alerts board at random too: it lists alerts but is no post about them.
        'open-alerts-board': random() < 0.5 ? 'true' : 'false'
      };
    const edge = viaBot ? bot : teams;
    switch (fault) {
      case 'token-5xx':
        entra.faults.push({ kind: 'status', status: 503, body: '{"error":"temporarily_unavailable"}' });
        break;
      case 'token-reset':
        entra.faults.push({ kind: 'reset' });
        break;
      // Each byte arrives in time, the answer never completes: request-timeout (1s) must cut it off.
      case 'graph-trickle':
        graph.faults.push({ kind: 'trickle', everyMs: 100, totalMs: 3_000 });
        break;
      case 'teams-trickle':
        edge.faults.push({ kind: 'trickle', everyMs: 100, totalMs: 3_000 });
        break;
      // A cancelled job: SIGTERM mid-run (a quiet run takes a few hundred ms); what was delivered must be recorded.
      case 'sigterm':
        killAfter = 50 + Math.floor(random() * 450);
        signal = 'SIGTERM';
        break;
      // A run too short for its posts: the rest stays owed, nothing is failed or posted twice.
      case 'deadline':
        runInputs = { ...runInputs, 'post-rate': '1/2s', 'max-run-time': '5s' };
        break;
      // Attacker-shaped alert text and a malformed field: posted, and never a workflow command.
      case 'hostile-alert': {
        const n = next++;
        alerts.set(
          n,
          makeAlert(n, {
            title: `Suspicious execution of hidden file #${n}\n::error::pwned-${n}\n::stop-commands::x`,
            severity: 'high',
            serviceSource: 42,
            createdDateTime: stamp(),
            lastUpdateDateTime: stamp()
          })
        );
        graph.alerts = [...alerts.entries()].filter(([m]) => !hidden.has(m)).map(([, a]) => a);
        break;
      }
      // One alert dated far in the future: posted, and it must not stop later alerts from arriving.
      case 'future-alert': {
        const n = next++;
        alerts.set(n, makeAlert(n, { severity: 'medium', createdDateTime: stamp(), lastUpdateDateTime: '2099-01-01T00:00:00.000Z' }));
        graph.alerts = [...alerts.entries()].filter(([m]) => !hidden.has(m)).map(([, a]) => a);
        break;
      }
      case 'graph-429':
        graph.faults.push({ kind: 'status', status: 429, retryAfter: '0.2' });
        break;
      case 'graph-5xx':
        graph.faults.push({ kind: 'status', status: 502 });
        break;
      case 'graph-reset':
        graph.faults.push({ kind: 'reset' });
        break;
      case 'graph-malformed':
        graph.faults.push({ kind: 'malformed' });
        break;
      case 'graph-slow':
        graph.faults.push({ kind: 'delay', ms: 600 });
        break; // slow, within request-timeout
      case 'teams-429':
        edge.faults.push({ kind: 'status', status: 429, retryAfter: '0.3' });
        break;
      case 'teams-reset':
        edge.faults.push({ kind: 'reset' });
        break;
      // No answer within request-timeout; Teams still posts the card afterwards, as a real service may.
      case 'teams-timeout':
        edge.faults.push({ kind: 'delay', ms: 2500 });
        break;
      case 'teams-5xx-one-card': {
        const victim = pick([...alerts.keys()]);
        teams.faultFor = card => (idsIn(card.text).includes(victim) ? { kind: 'status', status: 500 } : undefined);
        bot.faultFor = card => (idsIn(card).includes(victim) ? { kind: 'status', status: 500 } : undefined);
        break;
      }
      // The app removed from the team for a run: every post answers 403 BotNotInConversationRoster; all stays owed.
      case 'bot-not-installed':
        bot.installed.delete(CHANNEL);
        break;
      // The message is stored, then the connection drops before the answer: posted again (at-least-once).
      case 'bot-answer-lost':
        bot.resetAfterStore = 1;
        break;
      // 4xx: @actions/cache gives up at once (5xx would cost ~30 s of its retries per run).
      case 'cache-restore-outage':
        cacheService.outage = 400;
        break;
      case 'cache-save-failure':
        cacheService.saveOutage = 400;
        break;
      case 'kill':
        killAfter = 50 + Math.floor(random() * 450);
        break;
      // The tenant's search slots are full: the query waits for Retry-After, nothing is lost.
      case 'audit-429':
        graph.audit.throttleNext = 1;
        addRecord();
        break;
      case 'audit-query-fails':
        graph.audit.failNext = 1;
        addRecord();
        break;
      // A record that reaches the audit log three hours after the activity: a late window counts it.
      case 'audit-late-record':
        addRecord(180);
        break;
      // The tenant's daily search allowance is used up (other tools): creates answer 429 for this run.
      case 'audit-budget':
        graph.audit.dailyBudget = 0;
        addRecord();
        break;
      // Activity the rules do not name: windows with no record for any rule are harvested like any other.
      case 'audit-other-operations':
        graph.audit.records.push({
          id: `sim-${SEED}-other-${run}`,
          createdDateTime: new Date(Date.now() + offsetMs - 60_000).toISOString(),
          auditLogRecordType: 'sharePointFileOperation',
          operation: 'FileAccessed',
          userPrincipalName: 'quiet@contoso.com'
        });
        break;
    }
    const clockEnv = {
      NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
      CLOCK_OFFSET_MS: String(offsetMs)
    };

    const postedBefore = teams.received.length;
    const botBefore = bot.messages.length;
    const result = await ws.run(runInputs, { ...cacheService.env(), ...clockEnv }, killAfter, signal);
    // The fake Teams records a card it answered too late (teams-timeout) only after its delay: wait for it,
    // so the card counts for this run and not for whichever later run is under way when it lands.
    if (fault === 'teams-timeout') await new Promise(resolve => setTimeout(resolve, 3_000));
    graph.audit.throttleNext = 0;
    graph.audit.failNext = 0;
    graph.audit.dailyBudget = 200;
    teams.faultFor = undefined;
    bot.faultFor = undefined;
    bot.faults.length = 0;
    bot.installed.add(CHANNEL);
    bot.resetAfterStore = 0;
    cacheService.outage = undefined;
    cacheService.saveOutage = undefined;
    graph.faults.length = 0;
    entra.faults.length = 0;
    teams.faults.length = 0;

    const context = `run ${run}, fault ${fault}, ${viaBot ? 'bot' : 'webhook'}, seed ${SEED}`;
    expect([context, result.stdout]).not.toContainEqual(expect.stringMatching(/Snapshot ignored/));
    // Duplicates are allowed only where at-least-once delivery cannot avoid them: the snapshot was not
    // saved (kill, save failure), or Teams took a card whose answer never arrived (retried after the time-out).
    // A SIGTERM cuts off the post in flight: Teams may have taken it, so it may come again (at-least-once).
    if (
      fault === 'kill' ||
      fault === 'sigterm' ||
      fault === 'cache-save-failure' ||
      fault === 'teams-timeout' ||
      fault === 'bot-answer-lost'
    )
      taintedRuns.add(run);
    if ((fault === 'kill' || fault === 'sigterm') && result.code !== 0) cutShort++;
    expect([context, result.stdout]).not.toContainEqual(expect.stringMatching(/^\s*::(error::pwned|stop-commands)/m));
    if (fault === 'deadline') expect([context, result.outputs['failed-count'] ?? '0']).toEqual([context, '0']);
    // Cards posted in this run, through the webhook or the bot.
    const texts = [
      ...teams.received.slice(postedBefore).map(card => card.text),
      ...bot.messages.slice(botBefore).map(m => JSON.stringify(m.card ?? {}))
    ];
    if (fault === 'teams-timeout' && texts.some(text => !text.includes('Open alerts board')))
      expect([context, result.stdout]).toContainEqual(expect.stringMatching(/Teams: .*time-out: no complete answer.*retrying/));
    if (fault === 'cache-restore-outage') expect([context, texts.length]).toEqual([context, 0]);
    if (draining && result.code !== 0) throw new Error(`${context}: a fault-free run failed:\n${result.stdout}`);
    // A backlog card names alerts it does not deliver (later runs post them); a board lists what is open.
    for (const text of texts.filter(text => !text.includes('Backlog: ') && !text.includes('Open alerts board'))) {
      // An incident card may name an alert twice (in its name and in its list): one post.
      for (const id of new Set(idsIn(text))) {
        postCount.set(id, (postCount.get(id) ?? 0) + 1);
        if (!firstPostedIn.has(id)) firstPostedIn.set(id, run);
      }
      for (const n of new Set(recordsIn(text))) {
        recordPostCount.set(n, (recordPostCount.get(n) ?? 0) + 1);
        if (!recordFirstPostedIn.has(n)) recordFirstPostedIn.set(n, run);
      }
    }
  }

  const lost = [...alerts.entries()].filter(([n, a]) => !hidden.has(n) && isNotifiable(a) && !postCount.has(n)).map(([n]) => n);
  expect(lost).toEqual([]);
  const duplicates = [...postCount.entries()].filter(([, count]) => count > 1);
  const unexplained = duplicates.filter(([id]) => !taintedRuns.has(firstPostedIn.get(id)!));
  expect(unexplained).toEqual([]);
  // Audit records: every one reached the channel through the rule, twice only after a tainted run.
  const lostRecords = Array.from({ length: nextRecord - 1 }, (_, i) => i + 1).filter(n => !recordPostCount.has(n));
  expect(lostRecords).toEqual([]);
  const recordDuplicates = [...recordPostCount.entries()].filter(
    ([n, count]) => count > 1 && !taintedRuns.has(recordFirstPostedIn.get(n)!)
  );
  expect(recordDuplicates).toEqual([]);
  const faults = Object.entries(faultCounts)
    .filter(([name]) => name !== 'none')
    .reduce((sum, [, count]) => sum + count, 0);
  console.log(
    `simulation: seed=${SEED} runs=${RUNS + DRAIN_RUNS} faults=${faults} ${JSON.stringify(faultCounts)} alerts=${alerts.size} posted=${postCount.size} duplicates=${duplicates.length} auditRecords=${nextRecord - 1} ruleNotices=${recordPostCount.size} killedMidRun=${cutShort}`
  );
}, 600_000);
