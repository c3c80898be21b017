import { CLIENT, SECRET, TENANT, makeAlert } from './fakes/alerts.js';
import { startFakeCacheService, type FakeCacheService } from './fakes/cache-service.js';
import { startFakeEntra, type FakeEntra } from './fakes/entra.js';
import { startFakeGraph, type FakeGraph } from './fakes/graph.js';
import { Workspace } from './fakes/runner.js';
import { startFakeTeams, type FakeTeams } from './fakes/teams.js';

/**
 * The snapshot through the real @actions/cache code (bundled in dist/index.js) against a local cache
 * service v2 fake whose blobs live in Azurite.
 */
let entra: FakeEntra;
let graph: FakeGraph;
let teams: FakeTeams;
let cacheService: FakeCacheService;
let ws: Workspace;

beforeAll(async () => {
  entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
  graph = await startFakeGraph(token => entra.tokens.has(token));
  teams = await startFakeTeams();
  cacheService = await startFakeCacheService();
  ws = await Workspace.create();
});
afterAll(async () => {
  await Promise.all([graph.close(), entra.close(), teams.close(), cacheService.close()]);
  await ws.remove();
});

const inputs = () => ({
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  'graph-endpoint': graph.url,
  'authority-host': entra.url,
  'teams-webhook-url': teams.workflowsUrl,
  'post-interval': '0s'
});

test('snapshot-store auto uses the Actions cache: unique key per run, restore by prefix, outage is not a first run', async () => {
  graph.alerts = [makeAlert(1), makeAlert(2)];
  const first = await ws.run(inputs(), cacheService.env());
  expect(first.code).toBe(0);
  expect(first.outputs['cache-hit']).toBe('false');
  expect(first.outputs['snapshot-key']).toBe(`m365-alerts-snapshot-${TENANT}-1001-1`);
  expect(teams.received).toHaveLength(2);

  const second = await ws.run(inputs(), cacheService.env());
  expect(second.code).toBe(0);
  expect(second.outputs['cache-hit']).toBe('true');
  expect(second.outputs['snapshot-key']).toBe(`m365-alerts-snapshot-${TENANT}-1002-1`);
  expect(teams.received).toHaveLength(2);
  expect(cacheService.entries.map(e => e.key)).toEqual([`m365-alerts-snapshot-${TENANT}-1001-1`, `m365-alerts-snapshot-${TENANT}-1002-1`]);

  // The cache service fails: restoreCache only warns and answers "no entry". The action must not
  // take that for a first run and post both alerts again.
  cacheService.outage = 500;
  const outage = await ws.run(inputs(), cacheService.env());
  expect(outage.code).toBe(1);
  expect(outage.stdout).toMatch(/::error::The alert snapshot could not be read from the Actions cache/);
  expect(teams.received).toHaveLength(2);
  expect(graph.requests.length).toBeGreaterThan(0);

  cacheService.outage = undefined;
  graph.alerts.push(makeAlert(3, { lastUpdateDateTime: new Date().toISOString() }));
  const recovered = await ws.run(inputs(), cacheService.env());
  expect(recovered.code).toBe(0);
  expect(teams.received).toHaveLength(3);
  expect(recovered.outputs['posted-count']).toBe('1');
}, 240_000);

test('snapshot-store actions-cache without a cache service is a clear error', async () => {
  const run = await ws.run({ ...inputs(), 'snapshot-store': 'actions-cache' });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::Input 'snapshot-store' is 'actions-cache', but this step has no Actions cache service/);
});
