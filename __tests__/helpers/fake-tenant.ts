import { CLIENT, SECRET, TENANT } from '../fakes/alerts.js';
import { startFakeCacheService, type FakeCacheService } from '../fakes/cache-service.js';
import { startFakeEntra, type EntraApp, type FakeEntra } from '../fakes/entra.js';
import { startFakeGraph, type FakeGraph } from '../fakes/graph.js';
import { newFakeAuditLog } from '../fakes/audit.js';
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
  /** With `cache: true`: the Actions cache service fake (on Azurite); pass its env() to runs. */
  cacheService: FakeCacheService;
  /** Inputs of a run against this tenant (client secret, file snapshot, no pacing), plus `extra`. */
  inputs(extra?: Record<string, string>): Record<string, string>;
}

/**
 * `scope: 'file'`: Teams and the workspace live for the whole file too (tests that build on each other's
 * runs, snapshots and cache entries); `cache: true` adds the Actions cache service fake; `app` is the
 * app registration Entra knows (default: the client-secret app of fakes/alerts.ts).
 */
export function useFakeTenant(options: { scope?: 'test' | 'file'; cache?: boolean; app?: EntraApp } = {}): FakeTenant {
  const tenant = {
    inputs: (extra: Record<string, string> = {}) =>
      fakeTenantInputs({ graph: tenant.graph, entra: tenant.entra, webhookUrl: tenant.teams.workflowsUrl }, extra)
  } as FakeTenant;
  beforeAll(async () => {
    // `app` is read by the fake on every request: a test may change it (credentials, federation).
    tenant.entra = await startFakeEntra(options.app ?? { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
    // Graph takes only tokens for its own audience (a Bot Connector token is refused).
    tenant.graph = await startFakeGraph(token => tenant.entra.issued.get(token)?.audience === 'https://graph.microsoft.com');
    if (options.cache) tenant.cacheService = await startFakeCacheService();
    if (options.scope === 'file') {
      tenant.teams = await startFakeTeams();
      tenant.ws = await Workspace.create();
    }
  });
  afterAll(async () => {
    if (options.scope === 'file') {
      expect(tenant.teams.received.flatMap(r => r.problems)).toEqual([]);
      expect(tenant.teams.flowFailures).toEqual([]);
      await tenant.teams.close();
      await tenant.ws.remove();
    }
    await Promise.all([tenant.graph.close(), tenant.entra.close(), options.cache ? tenant.cacheService.close() : undefined]);
  });
  if (options.scope === 'file') return tenant;
  beforeEach(async () => {
    tenant.teams = await startFakeTeams();
    Object.assign(tenant.graph, {
      alerts: [],
      rawItems: [],
      requests: [],
      faults: [],
      deny: undefined,
      defaultPageSize: 100,
      maxTop: undefined,
      clockOffsetMs: 0
    });
    tenant.graph.audit = newFakeAuditLog(() => Date.now() + tenant.graph.clockOffsetMs);
    tenant.entra.faults.length = 0;
    tenant.ws = await Workspace.create();
  });
  afterEach(async () => {
    expect(tenant.teams.received.flatMap(r => r.problems)).toEqual([]);
    // What the flow would have failed on after its 202: a post the channel never showed.
    expect(tenant.teams.flowFailures).toEqual([]);
    await tenant.teams.close();
    await tenant.ws.remove();
  });
  return tenant;
}
