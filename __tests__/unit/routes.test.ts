import { parseRoutes, routeFor, routeMatches } from '../../src/routes/routes.js';
import { loadSettings, parseSettings, SettingsError } from '../../src/inputs/settings.js';

const WF = (id: string) =>
  `https://prod-01.westeurope.environment.api.powerplatform.com/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sig=SECRETSIG${id}`;

function errorOf(text: string, allowLegacy = false): string {
  try {
    parseRoutes(text, allowLegacy);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
}

test('YAML and JSON routes parse into typed filters; an empty input means no routes', () => {
  const yaml = `
- name: compliance
  service-sources: dataLossPrevention, microsoftInsiderRiskManagement
  webhook-url: ${WF('a')}
- name: soc
  min-severity: Medium
  severity: [high]
  title: ransom|exfiltrat
  webhook-url: ${WF('b')}
`;
  const routes = parseRoutes(yaml, false);
  expect(routes).toMatchObject([
    {
      name: 'compliance',
      serviceSources: ['dataLossPrevention', 'microsoftInsiderRiskManagement'],
      webhookKind: 'workflows',
      webhookUrl: WF('a')
    },
    { name: 'soc', minSeverity: 'medium', severities: ['high'], title: { source: 'ransom|exfiltrat' } }
  ]);
  expect(parseRoutes(JSON.stringify([{ name: 'x', 'webhook-url': WF('c') }]), false)).toMatchObject([{ name: 'x', webhookUrl: WF('c') }]);
  expect(parseRoutes('  \n', false)).toEqual([]);
});

test('the first matching route wins; an alert matching none has no route', () => {
  const routes = parseRoutes(
    JSON.stringify([
      { name: 'dlp', 'service-sources': ['dataLossPrevention'], 'webhook-url': WF('a') },
      { name: 'ransom', title: 'ransom', 'webhook-url': WF('b') },
      { name: 'high', 'min-severity': 'high', 'webhook-url': WF('c') }
    ]),
    false
  );
  const name = (alert: object) => routeFor(routes, alert)?.name;
  expect(name({ serviceSource: 'dataLossPrevention', severity: 'high', title: 'Ransomware' })).toBe('dlp');
  expect(name({ serviceSource: 'microsoftDefenderForEndpoint', severity: 'low', title: 'RANSOMWARE detected' })).toBe('ransom');
  expect(name({ severity: 'high', title: 'x' })).toBe('high');
  expect(name({ severity: 'medium', title: 'x' })).toBeUndefined();
  // The title pattern only ever sees the start of a (possibly huge, attacker-written) title.
  expect(name({ severity: 'low', title: `${'a'.repeat(400)} ransom` })).toBeUndefined();
});

test.each([
  ['name: x', /Input 'routes' is not a list of routes\. For example:/],
  ['- name: a\n  webhook-url: [unclosed', /Input 'routes' is not valid YAML \(line 2, column \d+\)/],
  [
    `- name: a\n  sevrity: high\n  webhook-url: ${WF('a')}`,
    /Input 'routes' route 1: has the key 'sevrity', which is not known\. Valid keys: name, webhook-url, channel, min-severity, severity, service-sources, title\./
  ],
  [`- webhook-url: ${WF('a')}`, /route 1: has no 'name'/],
  [`- name: a\n  webhook-url: ${WF('a')}\n- name: a\n  webhook-url: ${WF('b')}`, /repeats the name 'a'/],
  ['- name: a', /route 'a': has no 'webhook-url'.*secrets\.NAME/],
  [
    `- name: a\n  min-severity: critical\n  webhook-url: ${WF('a')}`,
    /route 'a': 'min-severity' has 'critical', which is not a valid value\. Valid values: informational, low, medium, high\./
  ],
  [
    `- name: a\n  service-sources: defender\n  webhook-url: ${WF('a')}`,
    /'service-sources' has 'defender'.*Valid values: .*microsoftDefenderForEndpoint/
  ],
  [`- name: a\n  title: "([a-z]"\n  webhook-url: ${WF('a')}`, /'title' is not a valid regular expression/],
  [
    `- name: a\n  title: "(a)\\\\1"\n  webhook-url: ${WF('a')}`,
    /'title' is not a valid regular expression for the linear-time matcher.*without backreferences/
  ],
  [`- name: a\n  title: "x(?=y)"\n  webhook-url: ${WF('a')}`, /'title' is not a valid regular expression for the linear-time matcher/],
  [
    '- name: a\n  webhook-url: https://contoso.webhook.office.com/webhookb2/g@t/IncomingWebhook/x/y',
    /Input 'routes' route 'a' key 'webhook-url' is an Office 365 connector/
  ],
  ['- name: a\n  webhook-url: http://example.com/hook', /Input 'routes' route 'a' key 'webhook-url' uses http instead of https/]
])('a bad route is refused with what to fix (case %#)', (text, message) => {
  const error = errorOf(text);
  expect(error).toMatch(message);
  // Never the secret part of a webhook URL.
  expect(error).not.toMatch(/SECRETSIG|IncomingWebhook\/x/);
});

test('routes and remind-after are read by parseSettings', () => {
  const base = {
    'tenant-id': 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c',
    'client-id': '6e1f4a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    'client-secret': 's',
    'teams-webhook-url': WF('default')
  };
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  const settings = parseSettings(
    read({ ...base, routes: `- name: a\n  webhook-url: ${WF('a')}`, 'remind-after': '24h', 'request-timeout': '10s' }),
    { parseRoutes }
  );
  expect(settings.routes.map(route => route.name)).toEqual(['a']);
  expect(settings.remindAfterMs).toBe(86_400_000);
  expect(settings.requestTimeoutMs).toBe(10_000);
  expect(parseSettings(read(base))).toMatchObject({ routes: [], remindAfterMs: undefined, requestTimeoutMs: 30_000 });
  expect(parseSettings(read(base)).postRate).toEqual({ requests: 20, windowMs: 300_000 });
  expect(parseSettings(read({ ...base, 'post-rate': '5 / 1m' })).postRate).toEqual({ requests: 5, windowMs: 60_000 });
  expect(() => parseSettings(read({ ...base, 'post-rate': '20 per 5m' }))).toThrow(
    /Input 'post-rate' is '20 per 5m'\. Use <posts>\/<duration>, for example 20\/5m/
  );
  expect(() => parseSettings(read({ ...base, 'remind-after': '10m' }))).toThrow(
    /Input 'remind-after' is '10m', which is out of range\. .*between 1h and 30d/
  );
});

test('route title patterns run in linear time: a catastrophic-backtracking pattern cannot hang a run', () => {
  const [route] = parseRoutes(`- name: evil\n  title: "(a+)+$"\n  webhook-url: ${WF('a')}`, false);
  const started = Date.now();
  // 41 characters took a backtracking engine minutes; the linear-time matcher answers at once.
  expect(routeMatches(route, { title: `${'a'.repeat(41)}!` })).toBe(false);
  expect(routeMatches(route, { title: `${'a'.repeat(290)}!` })).toBe(false);
  expect(routeMatches(route, { title: 'aaaa' })).toBe(true);
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('loadSettings loads the routes parser only when routes are set', async () => {
  const base = {
    'tenant-id': 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c',
    'client-id': '6e1f4a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    'client-secret': 's',
    'teams-webhook-url': WF('default')
  };
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  expect((await loadSettings(read({ ...base, routes: `- name: a\n  webhook-url: ${WF('a')}` }))).routes.map(route => route.name)).toEqual([
    'a'
  ]);
  expect((await loadSettings(read(base))).routes).toEqual([]);
  expect(() => parseSettings(read({ ...base, routes: '- name: a' }))).toThrow(/no routes parser/);
});

test('at most 49 routes: with the default channel, the 50 channels whose state the snapshot keeps', () => {
  const route = (i: number) => `- name: r${i}\n  severity: high\n  webhook-url: ${WF(String(i))}`;
  expect(parseRoutes(Array.from({ length: 49 }, (_, i) => route(i)).join('\n'), false)).toHaveLength(49);
  expect(() => parseRoutes(Array.from({ length: 50 }, (_, i) => route(i)).join('\n'), false)).toThrow(
    /Input 'routes' has 50 routes\. Give at most 49 \(with the default channel, 50 channels\)\./
  );
});
