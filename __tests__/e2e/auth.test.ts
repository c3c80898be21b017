import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT, SECRET, TENANT, makeAlert } from '../fakes/alerts.js';
import type { EntraApp } from '../fakes/entra.js';
import { immutableSubject, startFakeIdTokenService, type FakeIdTokenService } from '../fakes/id-token.js';
import type { ActionRun } from '../fakes/runner.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * The three credential modes and Entra's errors, end to end through dist/index.js. The fake Entra checks
 * certificate assertions against the uploaded certificate (signature, x5t#S256, x5c, aud, iss/sub, exp)
 * and OIDC assertions against what the fake ID-token service issued and the federated subject.
 */
const tls = (name: string) => readFileSync(fileURLToPath(new URL(`../fakes/tls/${name}`, import.meta.url)), 'utf8');
const CREDENTIAL = tls('client-credential.pem');
const ENCRYPTED = tls('client-credential-encrypted.pem');
const CERTIFICATE = tls('client-cert.pem');
const KEY_LINE = CREDENTIAL.split('\n').find((line, i, all) => i > all.findIndex(l => l.includes('PRIVATE KEY')) && line.length > 40)!;
const REPO = 'contoso/security-alerts';
const SUBJECT = `repo:${REPO}:ref:refs/heads/main`;

const app: EntraApp = { tenantId: TENANT, clientId: CLIENT };
const fake = useFakeTenant({ scope: 'file', app });
let idTokens: FakeIdTokenService;

beforeAll(async () => {
  idTokens = await startFakeIdTokenService(SUBJECT);
});
afterAll(() => idTokens.close());
beforeEach(() => {
  Object.assign(app, {
    clientSecret: SECRET,
    certificatePem: CERTIFICATE,
    federated: { isIssued: (t: string) => idTokens.issued.has(t), subject: SUBJECT, subjectOf: (t: string) => idTokens.issued.get(t)?.sub }
  });
  idTokens.subject = SUBJECT;
  fake.entra.tokenRequests.length = 0;
  fake.graph.deny = undefined;
  fake.graph.denyMessage = undefined;
  fake.graph.alerts = [makeAlert(Math.floor(Math.random() * 1e6), { lastUpdateDateTime: new Date().toISOString() })];
});

const base = () => ({
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'graph-endpoint': fake.graph.url,
  'authority-host': fake.entra.url,
  'snapshot-store': 'file',
  'dry-run': 'true'
});
const runnerEnv = { GITHUB_REPOSITORY: REPO, GITHUB_REF: 'refs/heads/main' };
const visible = (run: ActionRun) =>
  (run.stdout + run.stderr)
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n');
const errorLine = (run: ActionRun) => run.stdout.split('\n').find(line => line.startsWith('::error::')) ?? '';

function expectNoSecrets(run: ActionRun) {
  const shown = visible(run);
  expect(shown).not.toContain(SECRET);
  expect(shown).not.toContain(KEY_LINE);
  expect(shown).not.toContain('test-key-password');
  expect(shown).not.toMatch(/fake-access-token-[0-9a-f]/);
  for (const token of idTokens.issued.keys()) expect(shown).not.toContain(token.split('.')[2]);
}

test('client secret: the token request carries the secret and no assertion', async () => {
  const run = await fake.ws.run({ ...base(), 'client-secret': SECRET });
  expect(run.code).toBe(0);
  expect(run.outputs['new-count']).toBe('1');
  expect(fake.entra.tokenRequests[0]).toMatchObject({
    client_secret: SECRET,
    scope: 'https://graph.microsoft.com/.default',
    grant_type: 'client_credentials'
  });
  expect(fake.entra.tokenRequests[0].client_assertion).toBeUndefined();
});

test('certificate: a signed assertion with x5t#S256 and x5c is accepted; an encrypted key needs its password', async () => {
  const run = await fake.ws.run({ ...base(), 'client-certificate': CREDENTIAL });
  expect(errorLine(run)).toBe('');
  expect(run.code).toBe(0);
  expect(fake.entra.tokenRequests[0].client_secret).toBeUndefined();
  const header = JSON.parse(Buffer.from(fake.entra.tokenRequests[0].client_assertion.split('.')[0], 'base64url').toString());
  expect(header['x5t#S256']).toBeTruthy();
  expect(header.x5c).toHaveLength(1);

  const encrypted = await fake.ws.run({ ...base(), 'client-certificate': ENCRYPTED, 'client-certificate-password': 'test-key-password' });
  expect(encrypted.code).toBe(0);

  const wrongPassword = await fake.ws.run({
    ...base(),
    'client-certificate': ENCRYPTED,
    'client-certificate-password': 'nope-wrong-password'
  });
  expect(wrongPassword.code).toBe(1);
  expect(errorLine(wrongPassword)).toMatch(/'client-certificate-password' does not decrypt the private key/);
  const noPassword = await fake.ws.run({ ...base(), 'client-certificate': ENCRYPTED });
  expect(errorLine(noPassword)).toMatch(/set 'client-certificate-password'/);
  [run, encrypted, wrongPassword, noPassword].forEach(expectNoSecrets);
});

test('certificate: an error page echoing the client assertion never shows it, in any spelling', async () => {
  let assertion = '';
  fake.entra.faultFor = form => {
    assertion = form.client_assertion ?? '';
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: `AADSTS50012: Bad assertion ${assertion} (${encodeURIComponent(assertion)})`,
      error_codes: [50012]
    });
    return { kind: 'status', status: 400, body };
  };
  const run = await fake.ws.run({ ...base(), 'client-certificate': CREDENTIAL });
  fake.entra.faultFor = undefined;
  expect(run.code).toBe(1);
  expect(assertion.length).toBeGreaterThan(100);
  expect(visible(run)).toMatch(/Signing in to Entra ID failed \(AADSTS50012\)/);
  expect(visible(run)).not.toContain(assertion.slice(0, 60));
  expect(visible(run)).not.toContain(assertion.split('.')[2]);
});

test('certificate not uploaded to the app: AADSTS700027 with the remedy', async () => {
  app.certificatePem = tls('server.pem');
  const run = await fake.ws.run({ ...base(), 'client-certificate': CREDENTIAL });
  expect(run.code).toBe(1);
  expect(errorLine(run)).toMatch(/rejected the certificate \(AADSTS700027\).*Upload the certificate/);
  expectNoSecrets(run);
});

test('GitHub OIDC: the assertion is exactly the ID token the runner service issued', async () => {
  const run = await fake.ws.run(base(), { ...runnerEnv, ...idTokens.env() });
  expect(errorLine(run)).toBe('');
  expect(run.code).toBe(0);
  const assertion = fake.entra.tokenRequests[0].client_assertion;
  expect(idTokens.issued.get(assertion)).toEqual({ sub: SUBJECT, aud: 'api://AzureADTokenExchange' });
  expect(fake.entra.tokenRequests[0].client_assertion_type).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  expectNoSecrets(run);
});

test('GitHub OIDC with no matching federated credential: AADSTS700213 and the subject to register', async () => {
  idTokens.subject = `repo:${REPO}:ref:refs/heads/feature`;
  const run = await fake.ws.run(base(), { ...runnerEnv, GITHUB_REF: 'refs/heads/feature', ...idTokens.env() });
  expect(run.code).toBe(1);
  const error = errorLine(run);
  expect(error).toMatch(/no federated credential .*\(AADSTS700213\)/);
  expect(error).toContain(`This run's token has Subject repo:${REPO}:ref:refs/heads/feature and Audience api://AzureADTokenExchange`);
  expectNoSecrets(run);
});

test('GitHub OIDC with an immutable subject (a repository created since 2026-07-15): the error prints the subject the token holds', async () => {
  idTokens.subject = immutableSubject('contoso', 6154722, 'security-alerts', 891234567, 'refs/heads/main');
  const run = await fake.ws.run(base(), { ...runnerEnv, ...idTokens.env() });
  expect(run.code).toBe(1);
  const error = errorLine(run);
  expect(error).toMatch(/no federated credential .*\(AADSTS700213\)/);
  expect(error).toContain(
    'Subject repo:contoso@6154722/security-alerts@891234567:ref:refs/heads/main and Audience api://AzureADTokenExchange'
  );
  // Registering that subject makes the next run sign in.
  app.federated!.subject = idTokens.subject;
  const fixed = await fake.ws.run(base(), { ...runnerEnv, ...idTokens.env() });
  expect(errorLine(fixed)).toBe('');
  expect(fixed.code).toBe(0);
  expectNoSecrets(run);
});

test('GitHub OIDC without id-token: write says so', async () => {
  const run = await fake.ws.run(base(), runnerEnv);
  expect(run.code).toBe(1);
  expect(errorLine(run)).toMatch(/permissions: id-token: write/);
});

test.each([
  [{ 'client-secret': 'definitely-wrong-secret-1' }, /AADSTS7000215.*Value \(not its ID\)/],
  [
    { 'client-secret': SECRET, 'client-id': '11111111-2222-3333-4444-555555555555' },
    /does not know the application 11111111-2222-3333-4444-555555555555.*AADSTS700016/
  ],
  [
    { 'client-secret': SECRET, 'tenant-id': '99999999-2222-3333-4444-555555555555' },
    /tenant 99999999-2222-3333-4444-555555555555.*tenant-id/
  ]
])('Entra error %o is translated into its remedy', async (extra, message) => {
  const run = await fake.ws.run({ ...base(), ...extra });
  expect(run.code).toBe(1);
  expect(errorLine(run)).toMatch(message);
  expect(visible(run)).not.toContain('definitely-wrong-secret-1');
  expectNoSecrets(run);
});

test('Graph 403: missing permission vs a tenant without Defender XDR', async () => {
  fake.graph.deny = 403;
  const permission = await fake.ws.run({ ...base(), 'client-secret': SECRET });
  expect(errorLine(permission)).toMatch(/SecurityAlert\.Read\.All with admin consent/);
  fake.graph.denyMessage = 'The tenant is not provisioned for Microsoft 365 Defender.';
  const noDefender = await fake.ws.run({ ...base(), 'client-secret': SECRET });
  expect(errorLine(noDefender)).toMatch(/tenant needs Microsoft Defender XDR/);
  [permission, noDefender].forEach(expectNoSecrets);
});

test('cloud usgov asks for a token for the US Government Graph', async () => {
  await fake.ws.run({ ...base(), 'client-secret': SECRET, cloud: 'usgov' });
  expect(fake.entra.tokenRequests[0].scope).toBe('https://graph.microsoft.us/.default');
});
