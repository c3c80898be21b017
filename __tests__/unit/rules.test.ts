import { readFileSync } from 'node:fs';
import { SettingsError } from '../../src/inputs/inputs.js';
import {
  budgetFreesAt,
  createdToday,
  MAX_CREATES_PER_DAY,
  newLedger,
  planWindows,
  recordCreation,
  TIERS,
  MAX_WINDOW_MS
} from '../../src/rules/audit-ledger.js';
import { modelNoticeLatency } from '../fakes/audit-latency.js';
import { parseRules } from '../../src/rules/rules.js';
import { recordMatches, valuesAt } from '../../src/rules/rule-match.js';
import {
  emptyRuleEvalState,
  ensureRuleStates,
  evaluateRecords,
  MAX_GROUPS_PER_RULE,
  MAX_SEEN_RECORDS,
  pruneRuleState,
  type RuleEvalState
} from '../../src/rules/rule-eval.js';
import { parseSnapshot, serializeSnapshot, emptySnapshot } from '../../src/snapshot/format.js';
import { combineMatchFirings, newAuditState } from '../../src/rules/audit.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let serial = 0;
/** An audit record as the Graph audit log query API lists it (auditLogRecord). */
export function record(operation: string, minutesAgo: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    '@odata.type': '#microsoft.graph.security.auditLogRecord',
    id: `rec-${serial}-${operation}`,
    createdDateTime: new Date(NOW - minutesAgo * 60_000).toISOString(),
    auditLogRecordType: 'sharePointFileOperation',
    operation,
    organizationId: 'c1a2b3c4-0000-4000-8000-000000000001',
    userType: 'regular',
    userId: 'megan@contoso.com',
    service: 'SharePoint',
    objectId: `https://contoso.sharepoint.com/sites/finance/Shared Documents/file-${serial}.xlsx`,
    userPrincipalName: 'megan@contoso.com',
    clientIp: '203.0.113.10',
    auditData: { '@odata.type': 'microsoft.graph.security.auditData' },
    ...fields
  };
}

const MASS_DELETE = `
- name: Mass file deletion
  type: threshold
  severity: high
  operations: [FileDeleted, FileDeletedFirstStageRecycleBin, FileDeletedSecondStageRecycleBin]
  threshold: 100
  window: 10m
  group-by: userPrincipalName
`;
const FORWARDING = `
- name: Inbox rule forwards mail
  type: match
  severity: high
  operations: [New-InboxRule, Set-InboxRule]
  where:
    - {field: auditData.Parameters.Name, in: [ForwardTo, RedirectTo, ForwardAsAttachmentTo, ForwardingSmtpAddress]}
`;
const NEW_IP = `
- name: New sign-in IP
  type: new-value
  severity: low
  operations: [UserLoggedIn]
  value: clientIp
  group-by: userPrincipalName
  learn-for: 1h
`;

const errorOf = (text: string) => {
  try {
    parseRules(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
};

function deletions(count: number, fromMinutesAgo: number, toMinutesAgo: number, user = 'megan@contoso.com') {
  return Array.from({ length: count }, (_, i) =>
    record('FileDeleted', fromMinutesAgo - ((fromMinutesAgo - toMinutesAgo) * i) / Math.max(1, count - 1), {
      userPrincipalName: user,
      userId: user
    })
  );
}

describe('parseRules', () => {
  it('reads the three types with their keys', () => {
    const rules = parseRules(MASS_DELETE + FORWARDING + NEW_IP);
    expect(rules.map(rule => [rule.name, rule.type, rule.severity])).toEqual([
      ['Mass file deletion', 'threshold', 'high'],
      ['Inbox rule forwards mail', 'match', 'high'],
      ['New sign-in IP', 'new-value', 'low']
    ]);
    expect(rules[0]).toMatchObject({ threshold: 100, windowMs: 600_000, groupBy: [['userPrincipalName']] });
    expect(rules[1].where[0]).toMatchObject({ field: ['auditData', 'Parameters', 'Name'], op: 'in' });
    expect(rules[2]).toMatchObject({ value: ['clientIp'], learnForMs: 3_600_000 });
  });

  it('takes a scalar as one value, split on commas only: names and values hold spaces', () => {
    const [rule] = parseRules(`
- name: consent
  type: match
  operations: Consent to application.
  where:
    - {field: objectId, contains: Shared Documents}
    - {field: operation, in: "Add member to role., Consent to application."}
`);
    expect(rule.operations).toEqual(['Consent to application.']);
    expect(rule.where[0].values).toEqual(['shared documents']);
    expect(rule.where[1].values).toEqual(['add member to role.', 'consent to application.']);
  });

  it('accepts JSON and the presets in examples/rules.yml', () => {
    expect(parseRules(JSON.stringify([{ name: 'x', type: 'match', operations: ['Consent to application.'] }]))).toHaveLength(1);
    const presets = parseRules(readFileSync('examples/rules.yml', 'utf8'));
    expect(presets.length).toBeGreaterThanOrEqual(8);
    expect(presets.map(rule => rule.type)).toEqual(expect.arrayContaining(['threshold', 'match', 'new-value']));
  });

  it.each([
    ['- name: a\n  type: sometimes\n  operations: [X]', "rule 'a': 'type' is 'sometimes'. Valid values: match, threshold, new-value."],
    ['- name: a\n  type: match\n  operations: [File*]', "'operations' has 'File*', a wildcard"],
    ['- name: a\n  type: match', "rule 'a': has no 'operations'"],
    ['- name: a\n  type: match\n  operations: [X]\n  threshold: 5', "has the key 'threshold', which belongs to rules of type threshold"],
    ['- name: a\n  type: threshold\n  operations: [X]\n  threshold: 0\n  window: 10m', "'threshold' is '0'"],
    ['- name: a\n  type: threshold\n  operations: [X]\n  threshold: 5', "has no 'window'"],
    [
      '- name: a\n  type: threshold\n  operations: [X]\n  threshold: 5\n  window: 3 weeks',
      "'window' is '3 weeks'. Give a duration from 1m to 24h"
    ],
    ['- name: a\n  type: new-value\n  operations: [X]\n  value: clientIp', "has no 'group-by'"],
    [
      '- name: a\n  type: match\n  operations: [X]\n  where: [{field: a.b, like: x}]',
      "'where' item 1: has the key 'like', which is not known"
    ],
    ['- name: a\n  type: match\n  operations: [X]\n  where: [{field: "a..b", in: [x]}]', "'field' is 'a..b', which is not a field path"],
    ['- name: a\n  type: match\n  operations: [X]\n  exclude: {ips: [10.0.0.300]}', "'exclude.ips' has '10.0.0.300'"],
    ['- name: a\n  type: match\n  operations: [X]\n- name: A\n  type: match\n  operations: [Y]', "repeats the name 'A'"],
    ['- type: match\n  operations: [X]', "rule 1: has no 'name'"],
    ['rules: nope', "Input 'rules' is not a list of rules"]
  ])('refuses %j with an error naming the rule and key', (text, expected) => {
    const message = errorOf(text);
    expect(message).toContain("Input 'rules'");
    expect(message).toContain(expected);
  });
});

describe('field paths', () => {
  it('walks lists (any item matches) and finds auditData fields under dynamicProperties', () => {
    const nested = record('New-InboxRule', 1, {
      auditData: {
        dynamicProperties: {
          Parameters: [
            { Name: 'Name', Value: 'x' },
            { Name: 'ForwardTo', Value: 'evil@example.net' }
          ]
        }
      }
    });
    expect(valuesAt(nested, ['auditData', 'Parameters', 'Name'])).toEqual(['Name', 'ForwardTo']);
    const flat = record('New-InboxRule', 1, { auditData: { parameters: [{ name: 'RedirectTo' }] } });
    expect(valuesAt(flat, ['auditData', 'Parameters', 'Name'])).toEqual(['RedirectTo']);
    const [rule] = parseRules(FORWARDING);
    expect(recordMatches(rule, nested)).toBe(true);
    expect(recordMatches(rule, flat)).toBe(true);
    expect(recordMatches(rule, record('New-InboxRule', 1, { auditData: { Parameters: [{ Name: 'MoveToFolder' }] } }))).toBe(false);
  });

  it('never throws on hostile records and does not read inherited keys', () => {
    const [rule] = parseRules(FORWARDING);
    const hostile: unknown[] = [
      null,
      42,
      [],
      { operation: { toString: 1 } },
      JSON.parse('{"__proto__": {"operation": "New-InboxRule"}, "id": "x", "createdDateTime": "2026-11-25T11:00:00Z"}'),
      record('New-InboxRule', 1, { auditData: { Parameters: 'not a list' } }),
      record('New-InboxRule', 1, { auditData: { Parameters: Array.from({ length: 100_000 }, () => ({ Name: 'x' })) } })
    ];
    const state = emptyRuleEvalState();
    const result = evaluateRecords(state, [rule], hostile as Array<Record<string, unknown>>, NOW - 3_600_000, NOW);
    expect(result.firings).toEqual([]);
    expect(result.skipped).toBe(4);
  });
});

describe('threshold rules', () => {
  const rules = parseRules(MASS_DELETE);
  it('120 deletions by one user in 10 minutes: exactly one notice with the user and count', () => {
    const state = emptyRuleEvalState();
    const { firings } = evaluateRecords(state, rules, deletions(120, 30, 22), NOW - 3_600_000, NOW);
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ group: 'megan@contoso.com', count: 120 });
    expect(firings[0].samples).toHaveLength(5);
  });

  it('the window counts both its ends: 100 deletions from minute 0 to minute 10 exactly fire', () => {
    const exact = Array.from({ length: 100 }, (_, i) => record('FileDeleted', 30 - (10 * i) / 99));
    expect(evaluateRecords(emptyRuleEvalState(), rules, exact, NOW - 3_600_000, NOW).firings).toHaveLength(1);
    const wider = Array.from({ length: 100 }, (_, i) => record('FileDeleted', 30 - (10.1 * i) / 99));
    expect(evaluateRecords(emptyRuleEvalState(), rules, wider, NOW - 3_600_000, NOW).firings).toEqual([]);
  });

  it('50 deletions: none; 100 spread over an hour: none', () => {
    expect(evaluateRecords(emptyRuleEvalState(), rules, deletions(50, 30, 25), NOW - 3_600_000, NOW).firings).toEqual([]);
    expect(evaluateRecords(emptyRuleEvalState(), rules, deletions(100, 70, 5), NOW - 3_600_000, NOW).firings).toEqual([]);
  });

  it('the same burst split across two query windows (and read twice by overlap): one notice', () => {
    const state = emptyRuleEvalState();
    const burst = deletions(120, 30, 22);
    expect(evaluateRecords(state, rules, burst.slice(0, 60), NOW - 3_600_000, NOW).firings).toEqual([]);
    const second = evaluateRecords(state, rules, [...burst.slice(50, 120)], NOW - 1_800_000, NOW);
    expect(second.firings).toHaveLength(1);
    expect(second.duplicates).toBe(10);
    // The late window reads everything again, plus late records of the same burst.
    const late = evaluateRecords(state, rules, [...burst, ...deletions(30, 29, 23)], NOW - 3_600_000, NOW + 4 * 3_600_000);
    expect(late.firings).toEqual([]);
    expect(late.duplicates).toBe(120);
  });

  it('records arriving late complete a burst: counted', () => {
    const state = emptyRuleEvalState();
    expect(evaluateRecords(state, rules, deletions(70, 200, 195), NOW - 4 * 3_600_000, NOW).firings).toEqual([]);
    // Three hours later, the late window brings the rest of the same ten minutes.
    const late = evaluateRecords(state, rules, deletions(40, 199, 196), NOW - 5 * 3_600_000, NOW + 3 * 3_600_000);
    expect(late.firings).toHaveLength(1);
    expect(late.firings[0].count).toBe(110);
  });

  it('a storm that goes on fires once per window, and other users count apart', () => {
    const state = emptyRuleEvalState();
    const storm = deletions(600, 60, 31); // 30 minutes of 20 per minute
    const { firings } = evaluateRecords(state, rules, [...storm, ...deletions(99, 20, 18, 'adele@contoso.com')], NOW - 7_200_000, NOW);
    expect(firings.map(f => f.group)).toEqual(['megan@contoso.com', 'megan@contoso.com', 'megan@contoso.com']);
  });

  it('distinct counts values, not events', () => {
    const [rule] = parseRules(`
- name: Many files shared
  type: threshold
  operations: [FileDeleted]
  threshold: 3
  window: 10m
  group-by: userPrincipalName
  distinct: objectId
`);
    const same = Array.from({ length: 10 }, () => record('FileDeleted', 5, { objectId: 'one' }));
    expect(evaluateRecords(emptyRuleEvalState(), [rule], same, NOW - 3_600_000, NOW).firings).toEqual([]);
    const three = ['a', 'b', 'c'].map(objectId => record('FileDeleted', 5, { objectId }));
    expect(evaluateRecords(emptyRuleEvalState(), [rule], three, NOW - 3_600_000, NOW).firings).toHaveLength(1);
  });

  it('exclude skips users and IP ranges', () => {
    const [rule] = parseRules(`${MASS_DELETE}  exclude: {users: [Megan@Contoso.com], ips: [198.51.100.0/24]}\n`);
    expect(evaluateRecords(emptyRuleEvalState(), [rule], deletions(120, 30, 22), NOW - 3_600_000, NOW).firings).toEqual([]);
    const fromRange = deletions(120, 30, 22, 'adele@contoso.com').map(r => ({ ...r, clientIp: '198.51.100.7:50123' }));
    expect(evaluateRecords(emptyRuleEvalState(), [rule], fromRange, NOW - 3_600_000, NOW).firings).toEqual([]);
  });
});

describe('match and new-value rules', () => {
  it('a forwarding inbox rule: one match notice, the same record read again: none', () => {
    const rules = parseRules(FORWARDING);
    const state = emptyRuleEvalState();
    const forward = record('New-InboxRule', 10, {
      auditLogRecordType: 'exchangeAdmin',
      service: 'Exchange',
      auditData: { Parameters: [{ Name: 'ForwardTo', Value: 'drop@example.net' }] }
    });
    const first = evaluateRecords(state, rules, [forward, record('New-InboxRule', 9)], NOW - 3_600_000, NOW);
    expect(first.firings).toHaveLength(1);
    expect(evaluateRecords(state, rules, [forward], NOW - 3_600_000, NOW).firings).toEqual([]);
  });

  it('learns during learn-for, then one notice for a new IP, none for the same IP again', () => {
    const rules = parseRules(NEW_IP);
    const state = emptyRuleEvalState();
    const start = NOW - 3 * 3_600_000;
    const login = (minutesAgo: number, ip: string, user = 'megan@contoso.com') =>
      record('UserLoggedIn', minutesAgo, { clientIp: ip, userPrincipalName: user, auditLogRecordType: 'azureActiveDirectoryStsLogon' });
    // Learning (the first hour after the first harvested window's start): recorded, not notified.
    expect(evaluateRecords(state, rules, [login(170, '203.0.113.1'), login(150, '203.0.113.2')], start, NOW).firings).toEqual([]);
    // After learning: a known IP, a new IP (one notice), a user first seen (learned silently).
    const after = evaluateRecords(
      state,
      rules,
      [login(60, '203.0.113.1'), login(50, '198.51.100.9'), login(40, '192.0.2.1', 'adele@contoso.com')],
      start,
      NOW
    );
    expect(after.firings).toHaveLength(1);
    expect(after.firings[0]).toMatchObject({ value: '198.51.100.9', group: 'megan@contoso.com' });
    expect([...after.firings[0].known!].sort()).toEqual(['203.0.113.1', '203.0.113.2']);
    expect(evaluateRecords(state, rules, [login(30, '198.51.100.9')], start, NOW).firings).toEqual([]);
    expect(evaluateRecords(state, rules, [login(20, '192.0.2.77', 'adele@contoso.com')], start, NOW).firings).toHaveLength(1);
  });

  it('values and groups named like Object.prototype members are learned like any other', () => {
    const rules = parseRules(NEW_IP);
    const state = emptyRuleEvalState();
    const login = (minutesAgo: number, ip: string, user: string) =>
      record('UserLoggedIn', minutesAgo, { clientIp: ip, userPrincipalName: user });
    const start = NOW - 3 * 3_600_000;
    evaluateRecords(state, rules, [login(100, '__proto__', '__proto__'), login(99, 'constructor', 'constructor')], start, NOW);
    expect(
      evaluateRecords(state, rules, [login(50, '__proto__', '__proto__'), login(49, 'constructor', 'constructor')], start, NOW).firings
    ).toEqual([]);
    const fresh = evaluateRecords(state, rules, [login(40, 'toString', '__proto__')], start, NOW);
    expect(fresh.firings.map(f => [f.group, f.value])).toEqual([['__proto__', 'tostring']]);
    expect(Object.getPrototypeOf(state.rules)).toBeNull();
  });
});

describe('bounded state', () => {
  it('100k records against 10 rules: evaluated, state bounded, snapshot round-trips', () => {
    const rules = parseRules(readFileSync('examples/rules.yml', 'utf8')).slice(0, 10);
    const state: RuleEvalState = emptyRuleEvalState();
    const records = Array.from({ length: 100_000 }, (_, i) =>
      record(i % 3 === 0 ? 'FileDeleted' : i % 3 === 1 ? 'UserLoggedIn' : 'FileAccessed', (i % 2000) / 10, {
        userPrincipalName: `user${i % 500}@contoso.com`,
        clientIp: `203.0.113.${i % 200}`
      })
    );
    const started = performance.now();
    evaluateRecords(state, rules, records, NOW - 86_400_000, NOW);
    const ms = performance.now() - started;
    // Printed, not asserted: timings belong to the bench.
    console.log(`evaluated 100k records against ${rules.length} rules in ${ms.toFixed(0)} ms`);
    expect(Object.keys(state.seen).length).toBeLessThanOrEqual(MAX_SEEN_RECORDS);
    const audit = newAuditState(NOW, 86_400_000);
    audit.r = state;
    const snapshot = { ...emptySnapshot('t'), audit };
    const parsed = parseSnapshot(serializeSnapshot(snapshot), { scope: 't', now: NOW });
    expect(Object.keys(parsed.audit!.r.seen).length).toBe(Object.keys(state.seen).length);
  });

  it('a malformed audit section is not trusted', () => {
    const bad = {
      ...emptySnapshot('t'),
      audit: { w: { frontiers: { fresh: 1, settle: 1, reconcile: 1 }, windows: [{ s: 'x' }] }, r: {}, o: {}, t: {} }
    };
    expect(() => parseSnapshot(JSON.stringify(bad), { scope: 't', now: NOW })).toThrow(/audit rules state has a malformed query window/);
  });
});

describe('query windows', () => {
  const LAG = TIERS.fresh.lagMs;
  it('frontiers planted far in the future or past are brought back to what can be asked for', () => {
    const ledger = newLedger(NOW, 86_400_000);
    ledger.frontiers = { fresh: NOW + 365 * 86_400_000, settle: Number.MIN_SAFE_INTEGER, reconcile: NOW + 86_400_000 };
    const planned = planWindows(ledger, NOW, NOW - 2 * 86_400_000);
    expect(planned.every(w => w.s >= NOW - 2 * 86_400_000 && w.e <= NOW)).toBe(true);
    expect(ledger.frontiers.fresh).toBe(NOW - TIERS.fresh.lagMs);
    expect(ledger.frontiers.reconcile).toBe(NOW - TIERS.reconcile.lagMs);
    // Half an hour on, a fresh window follows on from now, not from next year.
    expect(planWindows(ledger, NOW + LAG, NOW - 2 * 86_400_000).filter(w => w.k === 'fresh')).toEqual([
      { s: NOW - LAG - 300_000, e: NOW, k: 'fresh', n: 0 }
    ]);
  });

  it('the first run reads the look-back; later runs tile fresh and late windows', () => {
    const ledger = newLedger(NOW, 86_400_000);
    const first = planWindows(ledger, NOW, NOW - 2 * 86_400_000);
    // The fresh tier queries a window once its records are in: it ends the tier's lag before now.
    expect(first.filter(w => w.k === 'fresh').map(w => [w.s, w.e])).toEqual([[NOW - 86_400_000, NOW - LAG]]);
    expect(first.every(w => w.e - w.s <= MAX_WINDOW_MS)).toBe(true);
    // A clock that moved on by a millisecond while planning adds no sliver of a window.
    const late = newLedger(NOW - 1, 86_400_000);
    expect(planWindows(late, NOW, NOW - 2 * 86_400_000)).toEqual([{ s: NOW - 1 - 86_400_000, e: NOW - LAG, k: 'fresh', n: 0 }]);
    // Five minutes later nothing is due; half an hour later a fresh window overlapping the last.
    expect(planWindows(ledger, NOW + 300_000, NOW - 2 * 86_400_000)).toEqual([]);
    const next = planWindows(ledger, NOW + LAG, NOW - 2 * 86_400_000);
    expect(next).toEqual([{ s: NOW - LAG - 300_000, e: NOW, k: 'fresh', n: 0 }]);
    // Later windows re-read the span once late records are in.
    const later = planWindows(ledger, NOW + 8 * 3_600_000, NOW - 2 * 86_400_000);
    expect(later.find(w => w.k === 'settle')!.e).toBe(NOW + 8 * 3_600_000 - TIERS.settle.lagMs);
    expect(later.find(w => w.k === 'reconcile')).toEqual({
      s: NOW - 6 * 3_600_000 - 300_000,
      e: NOW + 2 * 3_600_000,
      k: 'reconcile',
      n: 0
    });
  });
});

describe('query budget and latency', () => {
  it('a modelled tenant (records 10-60 min late, queries up to 40 min, a run every 5 min): at most 100 queries a day, median notice within 100 min', () => {
    const figures = modelNoticeLatency({
      days: 3,
      scheduleMinutes: 5,
      lateMinutes: [10, 60],
      queryMinutes: [1, 40],
      eventsPerHour: 20,
      seed: 42
    });
    expect(figures.missed).toBe(0);
    expect(figures.maxCreatesPerDay).toBeLessThanOrEqual(MAX_CREATES_PER_DAY);
    expect(figures.medianMinutes).toBeLessThanOrEqual(100);
    // Every record is counted within the reconcile tier's reach.
    expect(figures.maxMinutes).toBeLessThanOrEqual(12 * 60);
  });

  it('the daily budget holds whatever fails: creations past it wait until the oldest is a day old', () => {
    const ledger = newLedger(NOW, 86_400_000);
    for (let i = 0; i < MAX_CREATES_PER_DAY; i++) {
      expect(budgetFreesAt(ledger, NOW + i * 60_000)).toBeUndefined();
      recordCreation(ledger, NOW + i * 60_000);
    }
    expect(createdToday(ledger, NOW + 100 * 60_000)).toBe(MAX_CREATES_PER_DAY);
    expect(budgetFreesAt(ledger, NOW + 100 * 60_000)).toBe(NOW + 86_400_000);
    expect(budgetFreesAt(ledger, NOW + 86_400_000 + 1)).toBeUndefined();
    // Times planted in the future (or from a clock since set back) do not hold the budget shut.
    const planted = newLedger(NOW, 86_400_000);
    planted.made = Array.from({ length: 500 }, (_, i) => NOW + 365 * 86_400_000 + i);
    expect([createdToday(planted, NOW), budgetFreesAt(planted, NOW)]).toEqual([0, undefined]);
    // What is kept is bounded: a day's creations, never more.
    for (let i = 0; i < 1000; i++) recordCreation(ledger, NOW + 2 * 86_400_000 + i);
    expect(ledger.made!.length).toBeLessThanOrEqual(2 * MAX_CREATES_PER_DAY);
  });
});

describe('state that scales', () => {
  it('new-groups: notify makes a group first seen after learn-for a notice (a dormant account); learn (the default) learns it silently', () => {
    const rule = (newGroups: string) =>
      parseRules(`
- name: New IP
  type: new-value
  operations: [UserLoggedIn]
  value: clientIp
  group-by: userPrincipalName
  learn-for: 1d
  new-groups: ${newGroups}
`);
    const login = (user: string, ip: string, minutesAgo: number) =>
      record('UserLoggedIn', minutesAgo, { userPrincipalName: user, clientIp: ip, auditLogRecordType: 'azureActiveDirectoryStsLogon' });
    for (const [mode, expected] of [
      ['notify', 1],
      ['learn', 0]
    ] as const) {
      const rules = rule(mode);
      const state = emptyRuleEvalState();
      // A 25,000-user tenant learned during the first day.
      const day = Array.from({ length: 25_000 }, (_, i) => login(`user${i}@contoso.com`, `203.0.113.${i % 250}`, 3 * 1440 - (i % 1000)));
      expect(evaluateRecords(state, rules, day, NOW - 3 * 86_400_000, NOW, 4 * 86_400_000).firings).toEqual([]);
      // Two days later, a dormant account never seen before signs in from an attacker's address.
      const attack = evaluateRecords(
        state,
        rules,
        [login('dormant@contoso.com', '198.51.100.66', 10)],
        NOW - 3_600_000,
        NOW,
        4 * 86_400_000
      );
      expect([mode, attack.firings.length]).toEqual([mode, expected]);
      if (expected) expect(attack.firings[0]).toMatchObject({ group: 'dormant@contoso.com', value: '198.51.100.66' });
    }
  });

  it('groups and seen records past their bounds are dropped with a report (warned about), and ids are kept by time, not by a small count', () => {
    const [rule] = parseRules(
      '- name: IP\n  type: new-value\n  operations: [UserLoggedIn]\n  value: clientIp\n  group-by: userPrincipalName'
    );
    const state = emptyRuleEvalState();
    ensureRuleStates(state, [rule], NOW - 86_400_000);
    for (let i = 0; i < MAX_GROUPS_PER_RULE + 7; i++) state.rules[rule.name].g[`u${i}`] = { t: NOW - i, v: { '203.0.113.1': NOW - i } };
    for (let i = 0; i < 400_000; i++) state.seen[`id${i}`] = NOW - (i % 3_600_000);
    const report = pruneRuleState(state, [rule], NOW);
    expect(report.groups.get('IP')).toBe(7);
    expect(Object.keys(state.rules.IP.g)).toHaveLength(MAX_GROUPS_PER_RULE);
    // The least recently active went.
    expect(Object.hasOwn(state.rules.IP.g, 'u0')).toBe(true);
    expect(Object.hasOwn(state.rules.IP.g, `u${MAX_GROUPS_PER_RULE + 6}`)).toBe(false);
    // 400,000 ids within the horizon: all remembered (the old 300,000 cap counted re-read records twice).
    expect([report.seen, Object.keys(state.seen).length]).toEqual([0, 400_000]);
  });

  it('a match rule combines a flood per user and window: 5,000 scripted inbox rules by five users are five notices; combine: false keeps one per record', () => {
    const text = (combine: string) =>
      `- name: Inbox rule\n  type: match\n  operations: [New-InboxRule]\n${combine ? `  combine: ${combine}\n` : ''}`;
    const flood = Array.from({ length: 5000 }, (_, i) =>
      record('New-InboxRule', 60 - (i % 50), { userPrincipalName: `u${i % 5}@contoso.com`, auditLogRecordType: 'exchangeAdmin' })
    );
    const combined = combineMatchFirings(evaluateRecords(emptyRuleEvalState(), parseRules(text('')), flood, NOW - 3_600_000, NOW).firings);
    expect(combined).toHaveLength(5);
    expect(combined.map(f => f.count)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(combined.every(f => f.samples.length === 5)).toBe(true);
    const apart = combineMatchFirings(
      evaluateRecords(emptyRuleEvalState(), parseRules(text('false')), flood, NOW - 3_600_000, NOW).firings
    );
    expect(apart).toHaveLength(5000);
    expect(() => parseRules(text('sometimes'))).toThrow(/'combine' is not true or false/);
  });
});
