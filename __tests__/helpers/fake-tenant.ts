import { CLIENT, SECRET, TENANT } from '../fakes/alerts.js';
import { startFakeEntra, type FakeEntra } from '../fakes/entra.js';
import { startFakeGraph, type FakeGraph } from '../fakes/graph.js';
import { Workspace } from '../fakes/runner.js';
import { startFakeTeams, type FakeTeams } from '../fakes/teams.js';
import { fakeTenantInputs } from './action-inputs.js';

/**
 * The fake tenant most end-to-end files need: Entra ID and Graph for the whole file, a fresh Teams
 * webhook, Graph state and workspace for every test, and after every test the check that each card
 * Teams received is a valid Adaptive Card 1.4. The returned object's fields are filled by the hooks.
 */
export interface FakeTenant {
  entra: FakeEntra;
  graph: FakeGraph;
  teams: FakeTeams;
  ws: Workspace;
  /** Inputs of a run against this tenant (client secret, file snapshot, no pacing), plus `extra`. */
  inputs(extra?: Record<string, string>): Record<string, string>;
}

export function useFakeTenant(): FakeTenant {
  const tenant = {
    inputs: (extra: Record<string, string> = {}) =>
      fakeTenantInputs({ graph: tenant.graph, entra: tenant.entra, webhookUrl: tenant.teams.workflowsUrl }, extra)
  } as FakeTenant;
  beforeAll(async () => {
    tenant.entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
    tenant.graph = await startFakeGraph(token => tenant.entra.tokens.has(token));
  });
  afterAll(async () => {
    await tenant.graph.close();
    await tenant.entra.close();
  });
  beforeEach(async () => {
    tenant.teams = await startFakeTeams();
    Object.assign(tenant.graph, {
      alerts: [],
      rawItems: [],
      requests: [],
      faults: [],
      deny: undefined,
      defaultPageSize: 100,
      maxTop: undefined
    });
    tenant.entra.faults.length = 0;
    tenant.ws = await Workspace.create();
  });
  afterEach(async () => {
    expect(tenant.teams.received.flatMap(r => r.problems)).toEqual([]);
    await tenant.teams.close();
    await tenant.ws.remove();
  });
  return tenant;
}
