import { explainEntraError } from '../../src/signin/auth.js';
import type { Notice } from '../../src/alerts/delta.js';
import { deliveredNotices } from '../../src/delivery/delivery.js';
import { planDeliveries } from '../../src/delivery/destinations.js';
import { buildAlertsFilter, buildAlertsUrl } from '../../src/alerts/graph-alerts.js';
import { counts, type RunOutcome } from '../../src/report/report.js';
import { parseRoutes } from '../../src/routes/routes.js';
import type { GraphSettings } from '../../src/inputs/settings.js';
import type { DeliveryResult } from '../../src/delivery/channels/webhook/webhook.js';

/** Unit tests for the small pure pieces the bigger tests only pass through. */
const WF = (id: string) =>
  `https://prod-01.westeurope.environment.api.powerplatform.com/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sig=S${id}`;
const notice = (id: string, changes: Record<string, unknown> = {}): Notice => ({
  kind: 'new',
  alert: { id, title: `Alert ${id}`, severity: 'medium', serviceSource: 'microsoftDefenderForEndpoint', ...changes }
});

test('buildAlertsFilter: lastUpdateDateTime ge the window start, service sources or-ed in parentheses', () => {
  expect(buildAlertsFilter({ since: Date.parse('2026-11-25T12:00:00Z'), serviceSources: [] })).toBe(
    'lastUpdateDateTime ge 2026-11-25T12:00:00.000Z'
  );
  expect(buildAlertsFilter({ since: 0, serviceSources: ['dataLossPrevention', 'microsoftSentinel'] })).toBe(
    "lastUpdateDateTime ge 1970-01-01T00:00:00.000Z and (serviceSource eq 'dataLossPrevention' or serviceSource eq 'microsoftSentinel')"
  );
  const url = new URL(buildAlertsUrl('https://graph.microsoft.com', { since: 0, serviceSources: [] }, 1000));
  expect(url.pathname).toBe('/v1.0/security/alerts_v2');
  expect(url.searchParams.get('$top')).toBe('1000');
  expect(new URL(buildAlertsUrl('https://graph.microsoft.com', { since: 0, serviceSources: [] })).searchParams.has('$top')).toBe(false);
});

test('planDeliveries: first matching route wins, the rest go to the default channel, labels name the channel', () => {
  const routes = parseRoutes(
    `- name: dlp\n  service-sources: [dataLossPrevention]\n  webhook-url: ${WF('a')}\n- name: high\n  min-severity: high\n  webhook-url: ${WF('b')}`,
    false
  );
  const plans = planDeliveries(
    [notice('1', { serviceSource: 'dataLossPrevention', severity: 'high' }), notice('2', { severity: 'high' }), notice('3')],
    {
      routes,
      webhookUrl: WF('default'),
      webhookKind: 'workflows',
      maxCards: 10
    }
  );
  expect(plans.map(p => [p.destination.name, p.plans.flatMap(plan => plan.notices.map(n => n.alert.id))])).toEqual([
    ['dlp', ['1']],
    ['high', ['2']],
    ['default', ['3']]
  ]);
  expect(plans[0].plans[0].label).toMatch(/^\[dlp\] new: Alert 1/);
  // Without a default webhook, unrouted notices still get a destination (with no URL): main fails them loudly.
  expect(planDeliveries([notice('3')], { routes, webhookUrl: undefined, webhookKind: 'none', maxCards: 10 })[0].destination).toMatchObject({
    name: 'default',
    url: undefined
  });
});

test('counts: delivered, failed and owed notices; deferred ones are owed, not failed', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(id => notice(id));
  const plan = (notices: Notice[]) => ({
    kind: 'alert' as const,
    card: { type: 'AdaptiveCard' as const, $schema: '', version: '1.4' as const, body: [] },
    notices,
    label: 'x',
    portalHosts: []
  });
  const results: DeliveryResult[] = [
    { plan: plan([a]), delivered: true },
    { plan: plan([b, c]), delivered: false, error: 'HTTP 500' },
    { plan: plan([d]), delivered: false, deferred: 'deadline', error: 'not sent' }
  ];
  expect([...deliveredNotices(results)]).toEqual([a]);
  const delta = {
    notices: [a, b, c, d],
    newCount: 4,
    updatedCount: 1,
    resolvedCount: 2,
    openCount: 5,
    reminderCount: 0
  } as unknown as RunOutcome['delta'];
  expect(counts({ delta, results, snapshotKey: '', cacheHit: true, mode: 'post', skippedCount: 3 })).toEqual({
    newCount: 4,
    updatedCount: 1,
    resolvedCount: 2,
    openCount: 5,
    reminderCount: 0,
    postedCount: 1,
    failedCount: 2,
    owedCount: 3,
    skippedCount: 3,
    ruleNoticeCount: 0,
    suppressedCount: 0,
    confirmedCount: 0,
    editedCount: 0
  });
});

test('explainEntraError: each fixable AADSTS code gets its remedy; the rest one redacted line', () => {
  const settings = {
    tenantId: 't-1',
    clientId: 'c-1',
    cloud: 'global',
    authorityHost: 'https://login.microsoftonline.com',
    customAuthority: false
  } as GraphSettings;
  expect(explainEntraError('AADSTS7000215: Invalid client secret provided.', settings)).toMatch(
    /client secret \(AADSTS7000215\): it is wrong or expired.*Value \(not its ID\)/
  );
  expect(explainEntraError('AADSTS700016: Application not found', settings)).toMatch(/does not know the application c-1 in tenant t-1/);
  expect(explainEntraError('AADSTS90002: Tenant not found', settings)).toMatch(/does not know the tenant t-1/);
  expect(explainEntraError('AADSTS700213: No matching federated identity record', settings)).toMatch(
    /no federated credential.*Subject GitHub puts in this workflow's token: repo:.*immutable form repo:OWNER@OWNER_ID\/REPO@REPO_ID/
  );
  expect(explainEntraError('AADSTS700212: audience', settings)).toMatch(/api:\/\/AzureADTokenExchange/);
  expect(explainEntraError('something\n::error::pwned', settings)).toBe('Signing in to Entra ID failed: something');
  // 700023 is the assertion's audience (another token endpoint), not a certificate problem.
  expect(explainEntraError('AADSTS700023: Client assertion audience claim does not match Realm issuer.', settings)).toMatch(
    /audience does not match this tenant's token endpoint \(https:\/\/login\.microsoftonline\.com\/t-1\/oauth2\/v2\.0\/token\)/
  );
  // Unexplained codes: the code and its first sentence only (Entra's text can echo the request).
  expect(explainEntraError('AADSTS50000: There was an error issuing a token. Request: client_secret=abc~def', settings)).toBe(
    'Signing in to Entra ID failed (AADSTS50000): AADSTS50000: There was an error issuing a token.'
  );
  // With the token in hand, its own subject is printed, immutable form included.
  const sub = 'repo:contoso@1234/security-alerts@5678:ref:refs/heads/main';
  expect(
    explainEntraError('AADSTS700213: No matching federated identity record', settings, { sub, aud: 'api://AzureADTokenExchange' })
  ).toContain(`This run's token has Subject ${sub} and Audience api://AzureADTokenExchange`);
});

test('proxyFor and bypassesProxy read the environment exactly as @actions/http-client does (the oracle)', async () => {
  const { getProxyUrl, checkBypass } = await import('@actions/http-client/lib/proxy');
  const { proxyFor, bypassesProxy, proxyAuthorization } = await import('../../src/runtime/proxy.js');
  const envs: Array<Record<string, string>> = [
    {},
    { HTTPS_PROXY: 'http://proxy.corp:3128' },
    { https_proxy: 'proxy.corp:8080', HTTPS_PROXY: 'http://other:1' },
    { HTTP_PROXY: 'http://proxy.corp:3128' },
    { HTTPS_PROXY: 'http://u:p%40ss@proxy.corp:3128', NO_PROXY: 'graph.microsoft.com' },
    { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.microsoft.com, login.microsoftonline.com:443' },
    { HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: 'microsoft.com' },
    { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '*' },
    { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'example.org:8443' }
  ];
  const urls = [
    'https://graph.microsoft.com/v1.0/security/alerts_v2',
    'https://login.microsoftonline.com/t/oauth2/v2.0/token',
    'https://prod-1.westeurope.environment.api.powerplatform.com/x',
    'http://example.org:8443/',
    'https://example.org:8443/',
    'https://127.0.0.1:9/',
    'https://localhost/',
    'https://[::1]:443/'
  ];
  const saved = { ...process.env };
  try {
    for (const env of envs) {
      for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[key];
      Object.assign(process.env, env);
      for (const raw of urls) {
        const url = new URL(raw);
        expect([raw, env, bypassesProxy(url, process.env)]).toEqual([raw, env, checkBypass(url)]);
        expect([raw, env, proxyFor(url, process.env)?.href]).toEqual([raw, env, getProxyUrl(url)?.href]);
      }
    }
  } finally {
    process.env = saved;
  }
  expect(proxyAuthorization(new URL('http://u:p%40ss@proxy.corp:3128'))).toBe(`Basic ${Buffer.from('u:p@ss').toString('base64')}`);
  expect(proxyAuthorization(new URL('http://proxy.corp:3128'))).toBeUndefined();
});

test('a secret is redacted in the spelling a form-encoded token request gives it (~ as %7E, a space as +)', async () => {
  const { registerSecret, redact } = await import('../../src/runtime/secrets.js');
  const secret = 'Abc~def ghi_123.jkl';
  registerSecret(secret);
  const echoed = `client_id=x&client_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}&scope=y`;
  expect(echoed).toContain('%7E');
  expect(redact(echoed)).not.toContain(new URLSearchParams({ s: secret }).toString().slice(2));
});

test('the report file is bounded to 10 MB whatever the number of notices, and says how many it left out', async () => {
  const { writeReport, REPORT_MAX_BYTES } = await import('../../src/report/report.js');
  const { mkdtempSync, readFileSync, statSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const notices = Array.from({ length: 10_000 }, (_, i) => ({
    kind: 'new' as const,
    alert: { id: `a${i}`, title: `Alert ${i}`, description: 'd'.repeat(6000), evidence: [{ '@odata.type': 'x', note: 'e'.repeat(500) }] }
  }));
  const outcome = {
    delta: {
      notices,
      newCount: notices.length,
      updatedCount: 0,
      resolvedCount: 0,
      openCount: notices.length,
      reminderCount: 0,
      futureIds: [],
      suppressed: new Map(),
      heldCount: 0,
      firstRun: false,
      entries: new Map(),
      cursor: null
    },
    results: [],
    snapshotKey: 'k',
    cacheHit: true,
    mode: 'post' as const,
    skippedCount: 0
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'm365-report-'));
  const file = await writeReport(outcome as never, { RUNNER_TEMP: dir, GITHUB_RUN_ID: '1' });
  expect(statSync(file).size).toBeLessThanOrEqual(REPORT_MAX_BYTES);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  expect(report.notices.length + report.noticesLeftOut).toBe(10_000);
  // 2,000 whole alerts of 6.5 KB would be 13 MB: the size cut, not only the count cap, left some out.
  expect(report.notices.length).toBeLessThan(2_000);
});
