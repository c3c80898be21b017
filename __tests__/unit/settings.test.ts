import { parseRoutes } from '../../src/routes/routes.js';
import { parseDuration, parseSettings, SettingsError, classifyWebhook, type OptionalParsers } from '../../src/inputs/settings.js';
import { parseRules } from '../../src/rules/rules.js';

const TENANT = 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c';
const CLIENT = '6e1f4a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const WEBHOOK =
  'https://prod-01.westeurope.environment.api.powerplatform.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGVALUE';
const base = { 'tenant-id': TENANT, 'client-id': CLIENT, 'client-secret': 's3cret', 'teams-webhook-url': WEBHOOK };

function errorOf(values: Record<string, string>, parsers: OptionalParsers = {}): string {
  try {
    parseSettings(reader(values), parsers);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
}

test('defaults (contract.test.ts holds them to action.yml and the README)', () => {
  const s = parseSettings(reader(base));
  expect(s).toMatchObject({
    source: 'graph',
    minSeverity: 'low',
    statuses: ['new', 'inProgress'],
    serviceSources: [],
    lookbackMs: 24 * 3_600_000,
    firstRun: 'notify',
    notifyOn: ['new'],
    maxCards: 10,
    webhookKind: 'workflows',
    postIntervalMs: 1000,
    maxRunTimeMs: 600_000,
    resetSnapshot: 'false',
    snapshotSigningKeys: [],
    sendTestCard: false,
    snapshotStore: 'auto',
    snapshotPath: '.m365-alerts/snapshot.json',
    cacheKeyPrefix: 'm365-alerts-snapshot',
    dryRun: false,
    snapshotScope: TENANT
  });
  expect(s.graph).toMatchObject({
    cloud: 'global',
    graphEndpoint: 'https://graph.microsoft.com',
    authorityHost: 'https://login.microsoftonline.com',
    customAuthority: false,
    credential: { kind: 'secret' }
  });
});

test('lists and enums are matched case-insensitively and normalised', () => {
  const s = parseSettings(
    reader({
      ...base,
      statuses: 'NEW, inprogress\nresolved',
      'notify-on': 'new,Resolved',
      'service-sources': 'dataLossPrevention,MICROSOFTSENTINEL',
      'min-severity': 'HIGH',
      cloud: 'USGov'
    })
  );
  expect(s.statuses).toEqual(['new', 'inProgress', 'resolved']);
  expect(s.notifyOn).toEqual(['new', 'resolved']);
  expect(s.serviceSources).toEqual(['dataLossPrevention', 'microsoftSentinel']);
  expect(s.minSeverity).toBe('high');
  expect(s.graph!.graphEndpoint).toBe('https://graph.microsoft.us');
});

test('credential precedence: secret, certificate, else OIDC; both is an error', () => {
  expect(parseSettings(reader({ 'tenant-id': TENANT, 'client-id': CLIENT, 'teams-webhook-url': WEBHOOK })).graph!.credential).toEqual({
    kind: 'oidc'
  });
  expect(errorOf({ ...base, 'client-certificate': '-----BEGIN CERTIFICATE-----' })).toMatch(
    /client-secret' and client-certificate are both set/
  );
  expect(errorOf({ 'tenant-id': TENANT, 'client-id': CLIENT, 'client-certificate': 'not a pem' })).toMatch(
    /'client-certificate' is not a PEM/
  );
});

test.each([
  [{ 'tenant-id': '' }, /'tenant-id' is required when source is graph/],
  [{ 'tenant-id': 'contoso.onmicrosoft.com' }, /'tenant-id' is 'contoso.onmicrosoft.com', which is not a GUID/],
  [{ 'client-id': '123' }, /'client-id' is '123', which is not a GUID/],
  [{ 'min-severity': 'critical' }, /Valid values: informational, low, medium, high/],
  [{ statuses: 'new,open' }, /'statuses' contains 'open'.*Valid values: new, inProgress, resolved/],
  [{ 'service-sources': 'defender' }, /'service-sources' contains 'defender'.*microsoftDefenderForEndpoint/],
  [{ 'notify-on': 'all' }, /'notify-on' contains 'all'.*new, resolved, updated/],
  [{ lookback: '24' }, /'lookback' is '24', which is not a duration.*30m, 24h, 7d/],
  [{ lookback: '365d' }, /'lookback' is '365d', which is out of range.*between 1m and 180d/],
  [{ 'max-cards': '-1' }, /'max-cards' is '-1'.*0 to 100/],
  [{ 'max-cards': 'ten' }, /'max-cards' is 'ten'/],
  [{ 'first-run': 'quiet' }, /'first-run' is 'quiet'.*notify, silent/],
  [{ source: 'api' }, /'source' is 'api'.*graph, file/],
  [{ 'dry-run': 'maybe' }, /'dry-run' is 'maybe', which is not a boolean/],
  [{ 'snapshot-store': 'redis' }, /auto, actions-cache, file/],
  [{ 'cache-key-prefix': 'a,b' }, /'cache-key-prefix' is 'a,b'/],
  [{ 'graph-endpoint': 'http://graph.example' }, /'graph-endpoint' must use https/],
  [{ 'authority-host': 'http://127.0.0.1:8443' }, /'authority-host' must use https/],
  [{ cloud: 'china' }, /China cloud/],
  [{ cloud: 'mars' }, /'cloud' is 'mars'.*global, gcc, usgov, usgov-dod/],
  [{ 'post-interval': '5 minutes' }, /'post-interval'/]
])('%o is rejected with a message naming the input and the valid values', (values, message) => {
  expect(errorOf({ ...base, ...values })).toMatch(message);
});

test('plain http is accepted for loopback Graph and webhook endpoints only', () => {
  const s = parseSettings(
    reader({ ...base, 'graph-endpoint': 'http://127.0.0.1:9000/', 'teams-webhook-url': 'http://localhost:9001/hook' })
  );
  expect(s.graph!.graphEndpoint).toBe('http://127.0.0.1:9000');
  expect(s.webhookKind).toBe('workflows');
  expect(errorOf({ ...base, 'graph-endpoint': 'http://10.0.0.5/' })).toMatch(/must use https/);
});

test('file source needs alerts-file and no tenant', () => {
  expect(errorOf({ source: 'file' })).toMatch(/'alerts-file' is required when source is file/);
  expect(parseSettings(reader({ source: 'file', 'alerts-file': 'a.json' })).snapshotScope).toBe('file');
});

test('webhook URLs: Workflows accepted; legacy connectors need the opt-in; Logic Apps and http rejected; the URL is never echoed', () => {
  expect(
    classifyWebhook(
      'https://prod-00.westeurope.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=SECRET',
      false
    )
  ).toBe('workflows');
  const legacy = 'https://contoso.webhook.office.com/webhookb2/SECRET/IncomingWebhook/x/y';
  expect(() => classifyWebhook(legacy, false)).toThrow(/Office 365 connector/);
  expect(classifyWebhook(legacy, true)).toBe('legacy-connector');
  expect(() => classifyWebhook('https://outlook.office.com/webhook/SECRET', false)).toThrow(/allow-legacy-connector/);
  expect(() => classifyWebhook('https://prod-12.westus.logic.azure.com/workflows/SECRET', false)).toThrow(/2025-11-30/);
  expect(() => classifyWebhook('http://example.com/SECRET', false)).toThrow(/https/);
  expect(classifyWebhook('http://127.0.0.1:8080/workflows/x', false)).toBe('workflows');
  for (const url of [legacy, 'https://prod-12.westus.logic.azure.com/workflows/SECRET', 'http://example.com/SECRET', 'not a url SECRET']) {
    try {
      classifyWebhook(url, false);
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  }
});

test('parseDuration', () => {
  expect(parseDuration('30m')).toBe(1_800_000);
  expect(parseDuration('1.5s')).toBe(1500);
  expect(parseDuration('7D')).toBe(7 * 86_400_000);
  expect(parseDuration('0s')).toBe(0);
  expect(parseDuration('10')).toBeNaN();
  expect(parseDuration('-1h')).toBeNaN();
});

test('source graph without a webhook is an input error (a missing secret must not eat alerts), unless dry-run or routes take the alerts', () => {
  const { 'teams-webhook-url': _omitted, ...noWebhook } = base;
  expect(errorOf(noWebhook)).toMatch(
    /Input 'teams-webhook-url' is empty, and there are no routes\. .*may be missing, misspelt.*dry-run: true/
  );
  expect(errorOf({ ...noWebhook, 'teams-webhook-url': '   ' })).toMatch(/'teams-webhook-url' is empty/);
  expect(parseSettings(reader({ ...noWebhook, 'dry-run': 'true' })).dryRun).toBe(true);
  expect(parseSettings(reader({ ...noWebhook, routes: `- name: all\n  webhook-url: ${WEBHOOK}` }), { parseRoutes }).routes).toHaveLength(1);
  // source: file keeps printing for local runs.
  expect(parseSettings(reader({ source: 'file', 'alerts-file': 'a.json' })).webhookKind).toBe('none');
});

test('max-run-time, reset-snapshot, snapshot-signing-key and send-test-card are parsed and checked', () => {
  const s = parseSettings(
    reader({ ...base, 'max-run-time': '90s', 'reset-snapshot': 'true', 'snapshot-signing-key': 'k'.repeat(32), 'send-test-card': 'yes' })
  );
  expect(s).toMatchObject({ maxRunTimeMs: 90_000, resetSnapshot: 'true', snapshotSigningKeys: ['k'.repeat(32)], sendTestCard: true });
  // Several keys, one per line: the first signs, any verifies; adopt is a third value of reset-snapshot.
  const rotation = parseSettings(
    reader({ ...base, 'snapshot-signing-key': `${'n'.repeat(32)}\n\n  ${'o'.repeat(32)}  \n`, 'reset-snapshot': 'adopt' })
  );
  expect([rotation.snapshotSigningKeys, rotation.resetSnapshot]).toEqual([['n'.repeat(32), 'o'.repeat(32)], 'adopt']);
  expect(errorOf({ ...base, 'snapshot-signing-key': `${'n'.repeat(32)}\nshort` })).toMatch(
    /'snapshot-signing-key' line 2 is shorter than 16 characters/
  );
  expect(parseSettings(reader({ ...base, 'max-run-time': '5s' })).maxRunTimeMs).toBe(5_000);
  expect(errorOf({ ...base, 'max-run-time': '4s' })).toMatch(/Input 'max-run-time' is '4s', which is out of range\. .*between 5s and 6h/);
  expect(errorOf({ ...base, 'max-run-time': 'ten minutes' })).toMatch(/'max-run-time' is 'ten minutes', which is not a duration/);
  expect(errorOf({ ...base, 'reset-snapshot': 'maybe' })).toMatch(
    /'reset-snapshot' is 'maybe', which is not a valid value. Valid values: false; true .*adopt/
  );
  expect(errorOf({ ...base, 'snapshot-signing-key': 'short' })).toMatch(/'snapshot-signing-key' is shorter than 16 characters/);
  expect(errorOf({ ...base, 'snapshot-signing-key': 'short' })).not.toContain('short.');
  expect(errorOf({ source: 'file', 'alerts-file': 'a.json', 'send-test-card': 'true' })).toMatch(
    /'send-test-card' is true, but teams-webhook-url is empty/
  );
});

test('card buttons may open only the portals of the configured cloud', () => {
  expect(parseSettings(reader(base)).portalHosts).toContain('security.microsoft.com');
  const gov = parseSettings(reader({ ...base, cloud: 'usgov' })).portalHosts;
  expect(gov).toContain('security.microsoft.us');
  expect(gov).not.toContain('security.microsoft.com');
  expect(parseSettings(reader({ ...base, cloud: 'usgov-dod' })).portalHosts).toEqual(
    expect.arrayContaining(['security.apps.mil', 'purview.apps.mil'])
  );
});

test('service-sources: the current documented values, and an unknown camelCase value used as written', () => {
  expect(
    parseSettings(reader({ ...base, 'service-sources': 'microsoftThreatIntelligence, MICROSOFTSECURITYFORAI' })).serviceSources
  ).toEqual(['microsoftThreatIntelligence', 'microsoftSecurityForAI']);
  expect(parseSettings(reader({ ...base, 'service-sources': 'microsoftDefenderForTomorrow' })).serviceSources).toEqual([
    'microsoftDefenderForTomorrow'
  ]);
  expect(() => parseSettings(reader({ ...base, 'service-sources': 'not-a-source' }))).toThrow(
    /Input 'service-sources' contains 'not-a-source', which is not a serviceSource value/
  );
});

test('rules, audit-api-version and read-alerts: defaults, and clear errors for what cannot work', () => {
  const rules = '- name: consent\n  type: match\n  operations: [Consent to application.]';
  const withRules = parseSettings(reader({ ...base, rules }), { parseRules });
  expect([withRules.rules.map(rule => rule.name), withRules.auditApiVersion, withRules.readAlerts]).toEqual([['consent'], 'v1.0', true]);
  expect(parseSettings(reader({ ...base, rules, 'audit-api-version': 'beta', 'read-alerts': 'false' }), { parseRules })).toMatchObject({
    auditApiVersion: 'beta',
    readAlerts: false
  });
  expect(errorOf({ ...base, rules, 'audit-api-version': 'v2' }, { parseRules })).toContain("Input 'audit-api-version'");
  expect(errorOf({ ...base, 'read-alerts': 'false' })).toBe(
    "Input 'read-alerts' is false and there are no rules, so the run would read nothing. Set rules (see examples/rules.yml), or remove read-alerts: false."
  );
  expect(errorOf({ source: 'file', 'alerts-file': 'a.json', rules }, { parseRules })).toContain("Input 'rules' is set, but source is file");
  expect(errorOf({ ...base, rules, cloud: 'usgov' }, { parseRules })).toContain('global cloud only');
});
