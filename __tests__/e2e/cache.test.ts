import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLIENT, SECRET, TENANT, makeAlert } from '../fakes/alerts.js';
import { Workspace } from '../fakes/runner.js';
import { serializeSnapshot } from '../../src/snapshot/format.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * The snapshot through the real @actions/cache code (bundled in dist/index.js) against a local cache
 * service v2 fake whose blobs live in Azurite.
 */
const fake = useFakeTenant({ scope: 'file', cache: true });

const inputs = () => ({
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  'graph-endpoint': fake.graph.url,
  'authority-host': fake.entra.url,
  'teams-webhook-url': fake.teams.workflowsUrl,
  'post-interval': '0s'
});

test('snapshot-store auto uses the Actions cache: a unique key per run that changed something, restore by prefix, outage is not a first run', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  const first = await fake.ws.run(inputs(), fake.cacheService.env());
  expect(first.code).toBe(0);
  expect(first.outputs['cache-hit']).toBe('false');
  expect(first.outputs['snapshot-key']).toBe(`m365-alerts-snapshot-${TENANT}-1001-1`);
  expect(fake.teams.received).toHaveLength(2);

  const second = await fake.ws.run(inputs(), fake.cacheService.env());
  expect(second.code).toBe(0);
  expect(second.outputs['cache-hit']).toBe('true');
  // Nothing changed: the restored entry is still exact, so no new entry is uploaded.
  expect(second.outputs['snapshot-key']).toBe(`m365-alerts-snapshot-${TENANT}-1001-1`);
  expect(second.stdout).toContain('Snapshot unchanged (actions-cache');
  expect(fake.teams.received).toHaveLength(2);
  expect(fake.cacheService.entries.map(e => e.key)).toEqual([`m365-alerts-snapshot-${TENANT}-1001-1`]);

  // The cache service fails: restoreCache only warns and answers "no entry". The action must not
  // take that for a first run and post both alerts again.
  fake.cacheService.outage = 500;
  const outage = await fake.ws.run(inputs(), fake.cacheService.env());
  expect(outage.code).toBe(1);
  expect(outage.stdout).toMatch(/::error::The alert snapshot could not be read from the Actions cache/);
  expect(fake.teams.received).toHaveLength(2);
  expect(fake.graph.requests.length).toBeGreaterThan(0);

  fake.cacheService.outage = undefined;
  fake.graph.alerts.push(makeAlert(3, { lastUpdateDateTime: new Date().toISOString() }));
  const recovered = await fake.ws.run(inputs(), fake.cacheService.env());
  expect(recovered.code).toBe(0);
  expect(fake.teams.received).toHaveLength(3);
  expect(recovered.outputs['posted-count']).toBe('1');
  expect(recovered.outputs['snapshot-key']).toBe(`m365-alerts-snapshot-${TENANT}-1004-1`);
}, 240_000);

test('snapshot-store actions-cache without a cache service is a clear error', async () => {
  const run = await fake.ws.run({ ...inputs(), 'snapshot-store': 'actions-cache' });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::Input 'snapshot-store' is 'actions-cache', but this step has no Actions cache service/);
});

describe('cache fidelity', () => {
  let other: Workspace;
  const prefix = 'fidelity';
  const withPrefix = () => ({ ...inputs(), 'cache-key-prefix': prefix });

  beforeEach(async () => {
    other = await Workspace.create();
    fake.teams.received.length = 0;
    fake.cacheService.outage = undefined;
    fake.cacheService.saveOutage = undefined;
    fake.cacheService.brokenDownloads = undefined;
  });
  afterEach(() => other.remove());

  test('two runs saving at once both land under their own keys; the next run restores the newest', async () => {
    fake.graph.alerts = [makeAlert(101, { lastUpdateDateTime: new Date().toISOString() })];
    const [a, b] = await Promise.all([
      fake.ws.run(withPrefix(), fake.cacheService.env()),
      other.run(withPrefix(), { ...fake.cacheService.env(), GITHUB_RUN_ID: '7777' })
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const keys = fake.cacheService.entries.filter(e => e.key.startsWith(`${prefix}-`)).map(e => e.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    const next = await fake.ws.run(withPrefix(), fake.cacheService.env());
    expect(next.code).toBe(0);
    expect(next.outputs['cache-hit']).toBe('true');
    expect(next.stdout).toContain(`Cache hit for restore-key: ${keys[keys.length - 1]}`);
  }, 120_000);

  test('a download that fails is an outage: nothing is posted', async () => {
    await fake.ws.run(withPrefix(), fake.cacheService.env());
    fake.graph.alerts.push(makeAlert(102, { lastUpdateDateTime: new Date().toISOString() }));
    fake.cacheService.brokenDownloads = true;
    const before = fake.teams.received.length;
    const run = await fake.ws.run(withPrefix(), fake.cacheService.env());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::The alert snapshot could not be read/);
    expect(fake.teams.received.length).toBe(before);
  }, 120_000);

  test("a save that fails fails the step after delivering; the next run may repeat only that run's notices", async () => {
    await fake.ws.run(withPrefix(), fake.cacheService.env());
    fake.graph.alerts.push(makeAlert(103, { lastUpdateDateTime: new Date().toISOString() }));
    fake.cacheService.saveOutage = 503;
    const failed = await fake.ws.run(withPrefix(), fake.cacheService.env());
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/::error::The snapshot could not be saved/);
    expect(failed.outputs['posted-count']).toBe('1');
    fake.cacheService.saveOutage = undefined;
    const again = await fake.ws.run(withPrefix(), fake.cacheService.env());
    expect(again.code).toBe(0);
    expect(again.outputs['posted-count']).toBe('1');
    expect(fake.teams.received.map(r => r.text).filter(t => t.includes('file #103'))).toHaveLength(2);
  }, 180_000);

  test('a signed entry uploaded again under a newer key (an old snapshot replayed) fails closed; under its own key it is taken', async () => {
    const signingKey = 'replay-test-signing-key-0123456789';
    const seed = async (key: string, bytes: Buffer) => {
      const file = path.join(other.dir, `planted-${Math.floor(Math.random() * 1e9)}.gz`);
      await fs.writeFile(file, bytes);
      const seeder = spawn(process.execPath, [fileURLToPath(new URL('../fakes/seed-cache.mjs', import.meta.url)), key, file], {
        cwd: other.dir,
        env: { ...process.env, ...fake.cacheService.env(), GITHUB_WORKSPACE: other.dir },
        stdio: 'ignore'
      });
      expect(await new Promise(resolve => seeder.on('close', resolve))).toBe(0);
    };
    const snapshot = { version: 1 as const, scope: TENANT, cursor: null, savedAt: new Date().toISOString(), alerts: {} };
    const prefix = `replay${Math.floor(Math.random() * 1e9)}`;
    // Signed, as this action writes it, for the entry it was saved as (run 5) ...
    const signedFor = (key: string) => gzipSync(serializeSnapshot(snapshot, signingKey, undefined, key));
    // ... and uploaded again under a newer key (run 6): the newest entry, restored by prefix.
    await seed(`${prefix}-${TENANT}-6-1`, signedFor(`${prefix}-${TENANT}-5-1`));
    const replayed = await other.run(
      { ...inputs(), 'cache-key-prefix': prefix, 'snapshot-signing-key': signingKey },
      fake.cacheService.env()
    );
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toMatch(/cannot be trusted: its signature matches no key .*uploaded again under a newer key/);
    const own = `own${Math.floor(Math.random() * 1e9)}`;
    await seed(`${own}-${TENANT}-5-1`, signedFor(`${own}-${TENANT}-5-1`));
    const genuine = await other.run({ ...inputs(), 'cache-key-prefix': own, 'snapshot-signing-key': signingKey }, fake.cacheService.env());
    expect([genuine.code, genuine.outputs['cache-hit']]).toEqual([0, 'true']);
  }, 120_000);

  test.each([
    ['an old-format snapshot', () => gzipSync(JSON.stringify({ version: 0, alerts: [] }))],
    [
      'a newer-format snapshot',
      () => gzipSync(JSON.stringify({ version: 2, scope: TENANT, cursor: null, savedAt: new Date().toISOString(), alerts: {} }))
    ],
    ['a corrupt snapshot', () => Buffer.from('this is not gzip')],
    ['a gzip bomb', () => gzipSync(Buffer.alloc(300 * 1024 * 1024, 32), { level: 9 })],
    [
      'a snapshot from the future',
      () =>
        gzipSync(
          JSON.stringify({ version: 1, scope: TENANT, cursor: Date.parse('2099-01-01'), savedAt: new Date().toISOString(), alerts: {} })
        )
    ],
    [
      "another tenant's snapshot",
      () => gzipSync(JSON.stringify({ version: 1, scope: 'someone-else', cursor: null, savedAt: '', alerts: {} }))
    ]
  ])(
    '%s fails the run closed, before any post, and stays stored; reset-snapshot starts afresh',
    async (_name, bytes) => {
      const seedPrefix = `seed${Math.floor(Math.random() * 1e9)}`;
      const file = path.join(other.dir, 'planted.gz');
      await fs.writeFile(file, bytes());
      // Asynchronously: the cache-service fake answering the seeding process lives in this process.
      const seeder = spawn(
        process.execPath,
        [fileURLToPath(new URL('../fakes/seed-cache.mjs', import.meta.url)), `${seedPrefix}-${TENANT}-1-1`, file],
        {
          cwd: other.dir,
          env: { ...process.env, ...fake.cacheService.env(), GITHUB_WORKSPACE: other.dir },
          stdio: 'ignore'
        }
      );
      expect(await new Promise(resolve => seeder.on('close', resolve))).toBe(0);
      const posted = fake.teams.received.length;
      const entries = fake.cacheService.entries.length;
      const run = await other.run({ ...inputs(), 'cache-key-prefix': seedPrefix, 'first-run': 'silent' }, fake.cacheService.env());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `::error::The stored alert snapshot \\(${seedPrefix}-${TENANT}-1-1\\) cannot be trusted: .*Nothing was posted and the stored snapshot was left as it is\\..*reset-snapshot: true.*gh cache delete`
        )
      );
      expect(fake.teams.received.length).toBe(posted);
      // Nothing saved over it: the next run meets the same entry (and the same error) until someone acts.
      expect(fake.cacheService.entries.length).toBe(entries);
      const again = await other.run({ ...inputs(), 'cache-key-prefix': seedPrefix, 'first-run': 'silent' }, fake.cacheService.env());
      expect(again.code).toBe(1);
      const reset = await other.run(
        { ...inputs(), 'cache-key-prefix': seedPrefix, 'first-run': 'silent', 'reset-snapshot': 'true' },
        fake.cacheService.env()
      );
      expect(reset.code).toBe(0);
      expect(reset.stdout).toMatch(/::warning::reset-snapshot is true and the stored snapshot cannot be trusted \(/);
      expect(reset.outputs['cache-hit']).toBe('false');
      const after = await other.run({ ...inputs(), 'cache-key-prefix': seedPrefix }, fake.cacheService.env());
      expect(after.code).toBe(0);
      expect(after.outputs['cache-hit']).toBe('true');
    },
    120_000
  );
});
