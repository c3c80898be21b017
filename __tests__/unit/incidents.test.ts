import type { Notice } from '../../src/alerts/delta.js';
import { checkIncident, planIncidents, type GraphIncident } from '../../src/incidents/incidents.js';
import { nextIncidents } from '../../src/incidents/next-incidents.js';
import { incidentCard } from '../../src/delivery/cards/cards.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const settings = { notifyOn: ['new' as const, 'resolved' as const], minSeverity: 'low' as const };
const alertNotice = (id: string, incidentId: string | undefined, kind: Notice['kind'] = 'new'): Notice => ({
  kind,
  alert: {
    id,
    title: `Alert ${id}`,
    severity: 'high',
    serviceSource: 'microsoftDefenderForEndpoint',
    incidentId,
    evidence: [{ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '203.0.113.9' }]
  }
});
const incident = (id: string, changes: Partial<GraphIncident> = {}): GraphIncident => ({
  id,
  displayName: `Incident ${id}`,
  status: 'active',
  severity: 'medium',
  lastUpdateDateTime: new Date(NOW).toISOString(),
  ...changes
});

test('alert notices are grouped per incident; alert follow-ups inside incidents are told silently; others stay alert cards', () => {
  const plan = planIncidents(
    [alertNotice('a', '1'), alertNotice('b', '1'), alertNotice('c', undefined), alertNotice('d', '1', 'resolved')],
    new Map([['1', incident('1')]]),
    undefined,
    settings,
    NOW
  );
  expect(plan.notices.map(n => [n.kind, n.alert.id, n.incident?.alerts.map(a => a.alert.id)])).toEqual([
    ['new', 'c', undefined],
    ['new', 'incident:1', ['a', 'b']]
  ]);
  expect(plan.silent.map(n => n.alert.id)).toEqual(['d']);
  const card = incidentCard(plan.notices[1]);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).toContain('203[.]0[.]113[.]9');
});

test('an incident follow-up that was not delivered stays owed and is posted from its stored copy, even if Graph does not return the incident again', () => {
  const told = { '1': { s: 'active|medium|||', u: NOW - 60_000 } };
  const plan = planIncidents([], new Map([['1', incident('1', { status: 'resolved' })]]), told, settings, NOW);
  expect(plan.notices.map(n => [n.kind, n.incident?.changes])).toEqual([['resolved', ['Status: active → resolved']]]);
  const afterFailure = nextIncidents(plan, new Set(), NOW - 1);
  expect(afterFailure['1']).toMatchObject({ s: 'active|medium|||', a: { id: '1', status: 'resolved' } });
  const retry = planIncidents([], new Map(), afterFailure, settings, NOW + 60_000);
  expect(retry.notices.map(n => n.kind)).toEqual(['resolved']);
  const delivered = nextIncidents(retry, new Set(retry.notices), NOW - 1);
  expect(delivered['1']).toEqual({ s: 'resolved|medium|||', u: NOW, r: undefined });
  expect(planIncidents([], new Map(), delivered, settings, NOW + 120_000).notices).toEqual([]);
});

test('incidents are hostile data: only a usable id and text fields are kept', () => {
  expect(checkIncident({ id: 7, status: 'active', displayName: { x: 1 }, severity: 3 })).toEqual({ id: '7', status: 'active' });
  expect(checkIncident({ id: '' })).toBeUndefined();
  expect(checkIncident('nope')).toBeUndefined();
  expect(checkIncident({ id: '__proto__', displayName: 'x'.repeat(1000) })?.displayName).toHaveLength(500);
});
