import { jest } from '@jest/globals';
import type { GraphAlert } from '../../src/model/alert.js';
import { computeDelta, fetchWindowStart, nextSnapshot, type DeltaSettings } from '../../src/alerts/delta.js';
import { SettingsError } from '../../src/inputs/inputs.js';
import { parseSnapshot, serializeSnapshot, type Snapshot } from '../../src/snapshot/format.js';
import { parseSuppress } from '../../src/suppress/suppress.js';
import { ruleMatches, suppressedBy } from '../../src/suppress/suppress-match.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const alert = (id: string, changes: Partial<GraphAlert> = {}, minutesAgo = 30): GraphAlert => {
  const at = new Date(NOW - minutesAgo * 60_000).toISOString();
  return {
    id,
    title: `Alert ${id}`,
    severity: 'medium',
    status: 'new',
    serviceSource: 'microsoftDefenderForEndpoint',
    detectionSource: 'antivirus',
    categories: ['Execution'],
    createdDateTime: at,
    lastUpdateDateTime: at,
    evidence: [
      {
        '@odata.type': '#microsoft.graph.security.userEvidence',
        userAccount: { userPrincipalName: 'Megan@Contoso.com', accountName: 'megan' }
      },
      { '@odata.type': '#microsoft.graph.security.deviceEvidence', deviceDnsName: 'LAB-01.contoso.local' },
      { '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '198.51.100.23' },
      { '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '2001:db8::7' }
    ],
    ...changes
  };
};
const errorOf = (text: string) => {
  try {
    parseSuppress(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
};

test('rules: every matcher must match; values within a matcher are alternatives; entities come from the evidence', () => {
  const one = (yaml: string) => parseSuppress(`- name: r\n  reason: why\n${yaml}`)[0];
  const a = alert('a');
  expect(ruleMatches(one('  ips: [198.51.100.0/24]'), a)).toBe(true);
  expect(ruleMatches(one('  ips: [2001:db8::/32]'), a)).toBe(true);
  expect(ruleMatches(one('  ips: [203.0.113.0/24, 10.0.0.1]'), a)).toBe(false);
  expect(ruleMatches(one('  users: [megan@contoso.com]'), a)).toBe(true);
  expect(ruleMatches(one('  users: [MEGAN]'), a)).toBe(true);
  expect(ruleMatches(one('  devices: [lab-01]'), a)).toBe(true);
  expect(ruleMatches(one('  devices: [lab-01.contoso.local]'), a)).toBe(true);
  expect(ruleMatches(one('  devices: [lab-02]'), a)).toBe(false);
  expect(ruleMatches(one('  title: "^alert a$"'), a)).toBe(true);
  expect(ruleMatches(one('  severity: [high]'), a)).toBe(false);
  expect(ruleMatches(one('  severity: [medium, high]\n  detection-sources: [Antivirus]\n  categories: [execution]'), a)).toBe(true);
  expect(ruleMatches(one('  service-sources: [microsoftDefenderForEndpoint]\n  users: [someone-else]'), a)).toBe(false);
  // An alert without evidence cannot match an entity matcher.
  expect(ruleMatches(one('  users: [megan]'), alert('b', { evidence: null }))).toBe(false);
});

test('until: a snooze holds until then; a bare date is 00:00 UTC', () => {
  const [rule] = parseSuppress('- name: snooze\n  reason: change window\n  until: 2026-11-26\n  severity: [medium]');
  expect(rule.until).toBe(Date.parse('2026-11-26T00:00:00Z'));
  expect(suppressedBy([rule], alert('a'), NOW)).toBe(rule);
  expect(suppressedBy([rule], alert('a'), Date.parse('2026-11-26T00:00:00Z'))).toBeUndefined();
  expect(parseSuppress('- name: s\n  reason: r\n  until: "2026-12-01T08:00:00+01:00"\n  severity: low')[0].until).toBe(
    Date.parse('2026-12-01T07:00:00Z')
  );
});

test.each([
  ['- reason: r\n  severity: low', /rule 1: has no 'name'/],
  ['- name: a\n  severity: low', /rule 'a': has no 'reason'/],
  ['- name: a\n  reason: r', /rule 'a': has no matcher, so it would hold back every alert/],
  [
    '- name: a\n  reason: r\n  severity: critical',
    /rule 'a': 'severity' has 'critical', which is not a valid value\. Valid values: informational, low, medium, high/
  ],
  ['- name: a\n  reason: r\n  ips: [10.0.0.0/33]', /rule 'a': 'ips' has '10\.0\.0\.0\/33', which is not an IP address or CIDR range/],
  ['- name: a\n  reason: r\n  until: next week\n  severity: low', /rule 'a': 'until' is 'next week', which is not a date-time/],
  ['- name: a\n  reason: r\n  title: "(a)\\\\1"', /rule 'a': 'title' is not a valid regular expression for the linear-time matcher/],
  [
    '- name: a\n  reason: r\n  sevrity: low',
    /rule 'a': has the key 'sevrity', which is not known\. Valid keys: name, reason, until, title/
  ],
  ['- name: a\n  reason: r\n  users: []', /rule 'a': 'users' is empty/],
  ['- name: a\n  reason: r\n  severity: low\n- name: a\n  reason: r\n  severity: high', /repeats the name 'a'/],
  ['name: a', /is not a list of rules/]
])('a bad rule is refused with the rule and key named (case %#)', (text, message) => {
  expect(errorOf(text)).toMatch(message);
});

const base: DeltaSettings = {
  minSeverity: 'low',
  statuses: ['new', 'inProgress'],
  serviceSources: [],
  notifyOn: ['new', 'resolved'],
  firstRun: 'notify',
  lookbackMs: 86_400_000
};

test('a held-back alert is not posted while the rule holds, survives the snapshot, and is posted once the snooze ends', () => {
  const suppress = parseSuppress('- name: pen-test\n  reason: SEC-1\n  until: 2026-11-26T00:00:00Z\n  ips: [198.51.100.0/24]');
  const settings = { ...base, suppress };
  const first = computeDelta(undefined, [alert('held'), alert('other', { evidence: [] })], settings, NOW);
  expect(first.notices.map(n => n.alert.id)).toEqual(['other']);
  expect([...first.suppressed]).toEqual([['pen-test', 1]]);
  const stored = parseSnapshot(serializeSnapshot(nextSnapshot(first, new Set(first.notices), 'tenant', NOW)), {
    scope: 'tenant',
    now: NOW
  });
  expect(stored.alerts.held).toMatchObject({ x: 'pen-test', a: { id: 'held' } });
  expect(stored.alerts.held.n).toBeUndefined();
  // A held-back notice does not pin the fetch window (the cursor does).
  expect(fetchWindowStart(stored, NOW + 60_000, base.lookbackMs)).toBe(stored.cursor! - 10 * 60_000);
  // Still held an hour later (not fetched again: decided from the stored copy, evidence included).
  const later = computeDelta(stored, [], settings, NOW + 3_600_000);
  expect(later.notices).toEqual([]);
  // Counted in the run that held it back, not again in every run it stays held.
  expect([...later.suppressed]).toEqual([]);
  expect(later.heldCount).toBe(1);
  const again: Snapshot = nextSnapshot(later, new Set(), 'tenant', NOW + 3_600_000);
  // The snooze ends: the alert is posted as new, from the stored copy.
  const after = computeDelta(again, [], settings, Date.parse('2026-11-26T00:05:00Z'));
  expect(after.notices.map(n => `${n.kind}:${n.alert.id}`)).toEqual(['new:held']);
  // Removing the rule has the same effect.
  expect(computeDelta(again, [], base, NOW + 7_200_000).notices.map(n => n.alert.id)).toEqual(['held']);
  // Resolved meanwhile (fetched again as resolved): never posted, nothing owed.
  const resolved = computeDelta(again, [alert('held', { status: 'resolved' }, 1)], base, NOW + 7_200_000);
  expect(resolved.notices).toEqual([]);
});

test('held-back copies are small, and a rule without until lets them expire with the ordinary retention', () => {
  const forGood = parseSuppress('- name: scanner\n  reason: SEC-2\n  ips: [198.51.100.0/24]');
  const settings = { ...base, suppress: forGood };
  const wordy = alert('held', { description: 'x'.repeat(5000), recommendedActions: 'y'.repeat(5000) });
  const first = computeDelta(undefined, [wordy], settings, NOW);
  const snapshot = nextSnapshot(first, new Set(), 'tenant', NOW);
  expect(JSON.stringify(snapshot.alerts.held).length).toBeLessThan(900);
  expect(snapshot.alerts.held.a?.description).toBeUndefined();
  // Under a snooze the description is kept: the snooze's end posts the alert, possibly from the copy.
  const snoozed = parseSuppress('- name: pen\n  reason: SEC-1\n  until: 2099-01-01\n  ips: [198.51.100.0/24]');
  const kept = nextSnapshot(computeDelta(undefined, [wordy], { ...base, suppress: snoozed }, NOW), new Set(), 'tenant', NOW);
  expect(kept.alerts.held.a?.description).toMatch(/^x{1000}…$/);
  // Past the retention (31 days after its last update, the tenant's newer alerts moving the cursor on): forgotten.
  const newer = alert('newer', { evidence: [], lastUpdateDateTime: new Date(NOW + 32 * 86_400_000).toISOString() });
  const month = computeDelta(snapshot, [newer], settings, NOW + 32 * 86_400_000);
  expect(month.entries.has('held')).toBe(false);
  expect(month.heldCount).toBe(0);
  // Within it: still held (decided again from the copy).
  expect(computeDelta(snapshot, [], settings, NOW + 5 * 86_400_000).heldCount).toBe(1);
});

describe('strict values', () => {
  const warnings = (fn: () => void): string[] => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      fn();
      return write.mock.calls.map(call => String(call[0])).filter(line => line.startsWith('::warning::'));
    } finally {
      write.mockRestore();
    }
  };
  const errorOf = (text: string) => {
    try {
      parseSuppress(text);
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      return (error as Error).message;
    }
    throw new Error('expected a SettingsError');
  };

  it.each(['10.9.9.0/', '10.9.9.0/0x10', '10.9.9.0/1e1', '10.9.9.0/33', '10.9.9.0/-1', '2001:db8::/129', '10.9.9.0/8/1'])(
    'the range %s is an input error naming the rule and key, not a range that matches everything',
    range => {
      expect(errorOf(`- name: a\n  reason: r\n  ips: ['${range}']`)).toMatch(
        new RegExp(
          `Input 'suppress' rule 'a': 'ips' has '${range.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}', which is not an IP address or CIDR range`
        )
      );
    }
  );

  it.each(['2026-02-30', '2026-02-29T00:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T12:60Z', '2026-13-01', '2026-12-01T08:00:00+15:00'])(
    'the impossible date %s is an input error',
    until => {
      expect(errorOf(`- name: a\n  reason: r\n  until: '${until}'\n  severity: low`)).toMatch(/'until' is .*which is not a date-time/);
    }
  );

  it('dates that exist are taken, leap days and zones included', () => {
    const [rule] = parseSuppress(`- name: a\n  reason: r\n  until: '2028-02-29T23:30:00+01:00'\n  severity: low`);
    expect(rule.until).toBe(Date.parse('2028-02-29T22:30:00Z'));
  });

  it('a rule that matches every alert is warned about; a narrow one is not', () => {
    const wide = warnings(() =>
      parseSuppress(
        `- name: all\n  reason: r\n  severity: [informational, low, medium, high]\n- name: any-title\n  reason: r\n  title: '.*'`
      )
    );
    expect(wide.filter(line => line.includes('matches every alert'))).toHaveLength(2);
    expect(warnings(() => parseSuppress(`- name: low\n  reason: r\n  severity: [low]\n  title: 'Test'`))).toEqual([]);
  });

  it('new serviceSource values are accepted; an unknown camelCase one with a warning; a malformed one is an error', () => {
    const [rule] = parseSuppress(`- name: a\n  reason: r\n  service-sources: [microsoftThreatIntelligence, microsoftsecurityforai]`);
    expect(rule.serviceSources).toEqual(['microsoftThreatIntelligence', 'microsoftSecurityForAI']);
    const said = warnings(() => parseSuppress(`- name: a\n  reason: r\n  service-sources: [microsoftDefenderForTomorrow]`));
    expect(said.join('\n')).toMatch(/'microsoftDefenderForTomorrow' is not a serviceSource value Microsoft documents.*used as written/);
    expect(errorOf(`- name: a\n  reason: r\n  service-sources: ['not a source!']`)).toMatch(/'service-sources' has 'not a source!'/);
  });
});

test('saving never writes what the next load refuses: past the budget, told entries are forgotten oldest first, owed and held ones never', async () => {
  const { fitSnapshot } = await import('../../src/snapshot/budget.js');
  const snapshot: Snapshot = { version: 1, scope: 't', cursor: NOW, savedAt: new Date(NOW).toISOString(), alerts: Object.create(null) };
  for (let i = 0; i < 1000; i++) snapshot.alerts[`told-${i}`] = { u: NOW - (1000 - i) * 60_000, s: 'new|low|||', n: 'new|low|||' };
  snapshot.alerts.owed = { u: NOW - 2_000 * 60_000, s: 'new|high|||', a: { id: 'owed', title: 'owed' } };
  snapshot.alerts.held = { u: NOW - 2_000 * 60_000, s: 'new|high|||', a: { id: 'held' }, x: 'rule' };
  const json = JSON.stringify(snapshot);
  const budget = Math.floor(Buffer.byteLength(json) / 2);
  const fitted = fitSnapshot(snapshot, json, budget, budget * 2);
  expect(fitted.bytes).toBeLessThanOrEqual(budget);
  expect(fitted.pruned).toBeGreaterThan(400);
  const kept = JSON.parse(fitted.json).alerts;
  expect(kept.owed).toBeDefined();
  expect(kept.held).toBeDefined();
  // Oldest first: the newest told entry is kept, the oldest gone.
  expect(kept['told-999']).toBeDefined();
  expect(kept['told-0']).toBeUndefined();
  // Under the budget nothing is touched.
  expect(fitSnapshot(snapshot, fitted.json, budget * 4).pruned).toBe(0);
  // Owed entries alone beyond the limit: not saved at all (the next run would refuse the snapshot).
  expect(() => fitSnapshot(snapshot, fitted.json, 10, 100)).toThrow(/more than the next run reads/);
});
