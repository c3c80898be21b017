import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';

/**
 * Fake GitHub Actions cache service v2 (the twirp API @actions/cache 6 speaks under ACTIONS_RESULTS_URL)
 * whose blob store is Azurite, the official Azure Storage emulator, so the real @actions/cache upload
 * and download code (Azure SDK, SAS URLs) runs unmodified. Error bodies are twirp JSON, as on GitHub.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const ACCOUNT = 'devstoreaccount1';
// Azurite's published well-known development key (not a secret).
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'actions-cache';

interface Entry {
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
  createdAt: number;
}

export interface FakeCacheService {
  resultsUrl: string;
  entries: Entry[];
  /** When set, every twirp call answers this HTTP status (an outage). */
  outage?: number;
  calls: string[];
  /** When set, CreateCacheEntry fails with this status (saves fail, restores work). */
  saveOutage?: number;
  /** When set, download URLs point to a blob that does not exist (the download fails). */
  brokenDownloads?: boolean;
  env(): Record<string, string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function startAzurite(): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  // From __tests__/fakes (tests) or build/__tests__/fakes (the bench): the project's node_modules.
  const root = here.includes(`${path.sep}build${path.sep}`) ? path.resolve(here, '../../..') : path.resolve(here, '../..');
  const bin = path.join(root, 'node_modules/azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      bin,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--silent',
      '--skipApiVersionCheck',
      '--loose'
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let output = '';
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Azurite did not start: ${output}`);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
  return { port, child };
}

function twirp(res: import('node:http').ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startFakeCacheService(): Promise<FakeCacheService> {
  const azurite = await startAzurite();
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const blobBase = `http://127.0.0.1:${azurite.port}/${ACCOUNT}`;
  const service = new BlobServiceClient(blobBase, credential);
  await service.getContainerClient(CONTAINER).createIfNotExists();
  const sasUrl = (blob: string, write: boolean) => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(write ? 'cw' : 'r'),
        expiresOn: new Date(Date.now() + 3_600_000)
      },
      credential
    ).toString();
    return `${blobBase}/${CONTAINER}/${blob}?${sas}`;
  };

  const fake: FakeCacheService = { resultsUrl: '', entries: [], calls: [], env: () => ({}), close: async () => undefined };
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      fake.calls.push(method);
      if (!/^Bearer .+/.test(req.headers.authorization ?? ''))
        return twirp(res, 401, { code: 'unauthenticated', msg: 'missing bearer token' });
      if (fake.outage) return twirp(res, fake.outage, { code: 'unavailable', msg: 'cache service unavailable' });
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return twirp(res, 400, { code: 'malformed', msg: 'body is not JSON' });
      }
      if (method === 'CreateCacheEntry') {
        if (fake.saveOutage) return twirp(res, fake.saveOutage, { code: 'unavailable', msg: 'cache service unavailable' });
        if (fake.entries.some(e => e.key === body.key && e.version === body.version)) {
          return twirp(res, 409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' });
        }
        const blob = createHash('sha256').update(`${body.key}\n${body.version}\n${fake.entries.length}`).digest('hex');
        fake.entries.push({ key: body.key, version: body.version, blob, finalized: false, createdAt: Date.now() + fake.entries.length });
        return twirp(res, 200, { ok: true, signedUploadUrl: sasUrl(blob, true) });
      }
      if (method === 'FinalizeCacheEntryUpload') {
        const entry = fake.entries.find(e => e.key === body.key && e.version === body.version && !e.finalized);
        if (!entry) return twirp(res, 404, { code: 'not_found', msg: 'no cache entry to finalize' });
        entry.finalized = true;
        return twirp(res, 200, { ok: true, entryId: String(fake.entries.indexOf(entry) + 1) });
      }
      if (method === 'GetCacheEntryDownloadURL') {
        const ready = fake.entries.filter(e => e.finalized && e.version === body.version);
        // Exact key first, then each restore key as a prefix, newest entry first (as GitHub documents).
        let match = ready.find(e => e.key === body.key);
        for (const prefix of [body.key, ...(body.restoreKeys ?? [])]) {
          if (match) break;
          match = ready.filter(e => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0];
        }
        if (!match) return twirp(res, 200, { ok: false, signedDownloadUrl: '', matchedKey: '' });
        return twirp(res, 200, {
          ok: true,
          signedDownloadUrl: sasUrl(fake.brokenDownloads ? `missing-${match.blob}` : match.blob, false),
          matchedKey: match.key
        });
      }
      twirp(res, 404, { code: 'bad_route', msg: `no handler for ${method}` });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.resultsUrl = `http://127.0.0.1:${port}/`;
  fake.env = () => ({
    ACTIONS_RESULTS_URL: fake.resultsUrl,
    ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
    ACTIONS_CACHE_SERVICE_V2: 'true'
  });
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
    azurite.child.kill();
  };
  return fake;
}
