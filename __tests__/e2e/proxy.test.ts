import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT, makeAlert, SECRET, TENANT } from '../fakes/alerts.js';
import type { EntraApp } from '../fakes/entra.js';
import { startFakeProxy, type FakeProxy } from '../fakes/proxy.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * A self-hosted runner behind an egress proxy: HTTPS_PROXY / NO_PROXY as @actions/http-client reads them.
 * The fakes are reached by names under .proxy.test that only the fake proxy resolves, so a request that
 * bypassed the proxy fails with ENOTFOUND: every Entra, Graph and Teams request must pass through it.
 */
const tls = (name: string) => readFileSync(fileURLToPath(new URL(`../fakes/tls/${name}`, import.meta.url)), 'utf8');
const app: EntraApp = { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, certificatePem: tls('client-cert.pem') };
const fake = useFakeTenant({ app });
let proxy: FakeProxy;
beforeEach(async () => {
  proxy = await startFakeProxy();
});
afterEach(() => proxy.close());

const behind = (url: string, name: string) => url.replace('127.0.0.1', `${name}.proxy.test`);
const inputs = (extra: Record<string, string> = {}) =>
  fake.inputs({
    'graph-endpoint': behind(fake.graph.url, 'graph'),
    'authority-host': behind(fake.entra.url, 'login'),
    'teams-webhook-url': behind(fake.teams.workflowsUrl, 'teams'),
    ...extra
  });

test('every request goes through HTTPS_PROXY (CONNECT); alerts are read and posted', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  const run = await fake.ws.run(inputs(), { HTTPS_PROXY: proxy.url });
  expect(visible(run.stdout)).not.toContain('::error::');
  expect(run.code).toBe(0);
  expect(run.outputs['posted-count']).toBe('2');
  const hosts = new Set(proxy.seen.map(authority => authority.split(':')[0]));
  expect(hosts).toEqual(new Set(['login.proxy.test', 'graph.proxy.test', 'teams.proxy.test']));
});

test('proxy credentials go as Proxy-Authorization and are never shown; a wrong password is a clear error naming the proxy', async () => {
  fake.graph.alerts = [makeAlert(1)];
  proxy.credentials = { user: 'runner', password: 'p@ss word~1' };
  const good = await fake.ws.run(inputs(), {
    https_proxy: `http://runner:${encodeURIComponent('p@ss word~1')}@127.0.0.1:${new URL(proxy.url).port}`
  });
  expect(good.code).toBe(0);
  expect(good.outputs['posted-count']).toBe('1');
  const bad = await fake.ws.run(inputs(), { HTTPS_PROXY: `http://runner:wrong-password@127.0.0.1:${new URL(proxy.url).port}` });
  expect(bad.code).toBe(1);
  const log = visible(bad.stdout + bad.stderr);
  expect(log).toMatch(
    /HTTP 407 to CONNECT \(check the user and password in HTTPS_PROXY\) \(login\.proxy\.test:\d+ through the proxy 127\.0\.0\.1:\d+\)/
  );
  expect(log).not.toContain('wrong-password');
  expect(visible(good.stdout + good.stderr)).not.toContain('p@ss');
});

test('without the proxy, or with the host in NO_PROXY, the error names the host it could not reach', async () => {
  const direct = await fake.ws.run(inputs(), {});
  expect(direct.code).toBe(1);
  expect(visible(direct.stdout)).toMatch(/::error::.*ENOTFOUND \(login\.proxy\.test:\d+\)/);
  const bypass = await fake.ws.run(inputs(), { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.org, .proxy.test' });
  expect(bypass.code).toBe(1);
  expect(visible(bypass.stdout)).toMatch(/ENOTFOUND \(login\.proxy\.test:\d+\)/);
  expect(proxy.seen).toEqual([]);
});

test('a certificate sign-in (MSAL) goes through the proxy too', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const run = await fake.ws.run(inputs({ 'client-secret': '', 'client-certificate': tls('client-credential.pem') }), {
    HTTPS_PROXY: proxy.url
  });
  expect(visible(run.stdout)).not.toContain('::error::');
  expect(run.code).toBe(0);
  expect(proxy.seen.filter(authority => authority.startsWith('login.proxy.test:')).length).toBeGreaterThan(0);
});
