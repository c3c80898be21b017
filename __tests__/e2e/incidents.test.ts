import { TENANT, makeAlert } from '../fakes/alerts.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * group-by: incident, end to end against a fake Graph serving alerts_v2 and incidents: one card per
 * incident, one follow-up per change (new alert, resolved, merged), nothing told twice.
 */
const fake = useFakeTenant();
const incident = (id: string, changes: Record<string, unknown> = {}) => ({
  id,
  tenantId: TENANT,
  status: 'active',
  severity: 'medium',
  displayName: `Multi-stage incident ${id}`,
  assignedTo: null,
  classification: null,
  determination: null,
  redirectIncidentId: null,
  incidentWebUrl: `https://security.microsoft.com/incident2/${id}/overview?tid=${TENANT}`,
  createdDateTime: new Date(Date.now() - 3_600_000).toISOString(),
  lastUpdateDateTime: new Date(Date.now() - 60_000).toISOString(),
  ...changes
});
const inIncident = (n: number, id: string, changes: Record<string, unknown> = {}) =>
  makeAlert(n, { incidentId: id, incidentWebUrl: `https://security.microsoft.com/incident2/${id}/overview?tid=${TENANT}`, ...changes });
const captions = () => fake.teams.received.map(r => String(r.card.body[0].items[0].text));
const touch = (item: Record<string, unknown>, changes: Record<string, unknown>) =>
  Object.assign(item, changes, { lastUpdateDateTime: new Date().toISOString() });

test('6 alerts in 2 incidents and 1 without: 3 cards; a 7th joins; one resolves; one is merged; nothing twice', async () => {
  const inputs = fake.inputs({ 'group-by': 'incident', 'notify-on': 'new,resolved', 'max-cards': '10' });
  fake.graph.alerts = [1, 2, 3]
    .map(n => inIncident(n, '101'))
    .concat(
      [4, 5, 6].map(n => inIncident(n, '202')),
      [makeAlert(7, { incidentId: null })]
    );
  fake.graph.incidents = [incident('101', { severity: 'high' }), incident('202')];
  const first = await fake.ws.run(inputs);
  expect(first.code).toBe(0);
  expect(captions().sort()).toEqual(['HIGH SEVERITY · New incident', 'MEDIUM SEVERITY · New alert', 'MEDIUM SEVERITY · New incident']);
  const card101 = fake.teams.received.find(r => r.text.includes('Multi-stage incident 101'))!.text;
  for (const n of [1, 2, 3]) expect(card101).toContain(`hidden file #${n}`);
  expect(card101).toContain('"url":"https://security.microsoft.com/incident2/101/overview');
  expect(first.outputs['new-count']).toBe('7');

  // A 7th alert joins incident 101: exactly one follow-up naming it.
  fake.graph.alerts.push(inIncident(8, '101', { lastUpdateDateTime: new Date().toISOString() }));
  touch(fake.graph.incidents[0], {});
  const joined = await fake.ws.run(inputs);
  expect(joined.code).toBe(0);
  expect(fake.teams.received).toHaveLength(4);
  expect(fake.teams.received[3].text).toMatch(/\+1 alert: Suspicious execution of hidden file #8/);
  expect(captions()[3]).toBe('HIGH SEVERITY · Incident update');

  // Incident 202 is resolved: one resolved follow-up.
  touch(fake.graph.incidents[1], { status: 'resolved', classification: 'truePositive' });
  const resolved = await fake.ws.run(inputs);
  expect(resolved.code).toBe(0);
  expect(fake.teams.received).toHaveLength(5);
  expect(captions()[4]).toBe('MEDIUM SEVERITY · Incident resolved');
  expect(fake.teams.received[4].text).toContain('Status: active → resolved');

  // Incident 101 is merged into a new incident 303 that takes its alerts: one "merged" notice, no re-post.
  fake.graph.incidents.push(incident('303', { severity: 'high' }));
  touch(fake.graph.incidents[0], { status: 'redirected', redirectIncidentId: '303' });
  for (const alert of fake.graph.alerts.filter(a => a.incidentId === '101')) touch(alert, { incidentId: '303' });
  const merged = await fake.ws.run(inputs);
  expect(merged.code).toBe(0);
  expect(fake.teams.received).toHaveLength(6);
  expect(fake.teams.received[5].text).toContain('Merged into incident #303');

  // Nothing changes: nothing is posted.
  const quiet = await fake.ws.run(inputs);
  expect([quiet.code, quiet.outputs['posted-count']]).toEqual([0, '0']);
  expect(fake.teams.received).toHaveLength(6);

  // Later news of the target incident is posted as its follow-up (it is known to the channel now).
  touch(fake.graph.incidents[2], { status: 'resolved' });
  await fake.ws.run(inputs);
  expect(fake.teams.received).toHaveLength(7);
  expect(captions()[6]).toBe('HIGH SEVERITY · Incident resolved');
}, 60_000);

test('switching group-by on an existing snapshot posts nothing already told; a 403 on incidents names the permission', async () => {
  fake.graph.alerts = [1, 2].map(n => inIncident(n, '101'));
  fake.graph.incidents = [incident('101')];
  expect((await fake.ws.run(fake.inputs())).code).toBe(0);
  expect(fake.teams.received).toHaveLength(2);
  const switched = await fake.ws.run(fake.inputs({ 'group-by': 'incident' }));
  expect([switched.code, switched.outputs['posted-count']]).toEqual([0, '0']);
  const back = await fake.ws.run(fake.inputs());
  expect([back.code, back.outputs['posted-count']]).toEqual([0, '0']);
  fake.graph.denyIncidents = 403;
  const denied = await fake.ws.run(fake.inputs({ 'group-by': 'incident' }));
  fake.graph.denyIncidents = undefined;
  expect(denied.code).toBe(1);
  expect(denied.stdout).toMatch(
    /::error::Microsoft Graph denied access to security incidents \(HTTP 403\)\. group-by: incident needs the application permission SecurityIncident\.Read\.All/
  );
});
