import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Loopback HTTPS servers for the fakes. The certificate is issued by a test CA kept in fakes/tls
 * (valid for 127.0.0.1, localhost and *.proxy.test: names only the fake proxy resolves); clients trust it through
 * NODE_EXTRA_CA_CERTS, set before Node starts,
 * exactly as a runner would need for a TLS-inspecting proxy.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
// The fakes also run compiled (build/__tests__/fakes, for `npm run bench`); the certificates stay in the sources.
const TLS_DIR = existsSync(path.join(here, 'tls')) ? path.join(here, 'tls') : path.resolve(here, '../../../__tests__/fakes/tls');
export const CA_FILE = path.join(TLS_DIR, 'ca.pem');

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: FakeRequest, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttps(handler: Handler): Promise<RunningServer> {
  const sockets = new Set<Duplex>();
  const server = createServer(
    { key: readFileSync(path.join(TLS_DIR, 'server-key.pem')), cert: readFileSync(path.join(TLS_DIR, 'server.pem')) },
    (raw, res) => {
      const chunks: Buffer[] = [];
      raw.on('data', chunk => chunks.push(chunk));
      raw.on('end', () => {
        const req: FakeRequest = {
          method: raw.method ?? 'GET',
          url: new URL(raw.url ?? '/', 'https://127.0.0.1'),
          headers: raw.headers,
          body: Buffer.concat(chunks).toString('utf8')
        };
        Promise.resolve(handler(req, res, raw)).catch(error => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'FakeFailure', message: String(error) } }));
        });
      });
    }
  );
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Faults a fake can be told to inject into its next answers. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'delay'; ms: number }
  /** Answers 200 and then sends one byte every `everyMs`, for `totalMs`: each chunk arrives in time, the answer never completes. */
  | { kind: 'trickle'; everyMs: number; totalMs: number };

/** Applies a fault; returns true when the request was answered (or dropped) by it. */
export async function applyFault(fault: Fault | undefined, res: ServerResponse, raw: IncomingMessage): Promise<boolean> {
  if (!fault) return false;
  switch (fault.kind) {
    case 'status':
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
      res.end(
        fault.body ??
          JSON.stringify({
            error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: `Injected ${fault.status}` }
          })
      );
      return true;
    case 'reset':
      raw.socket.destroy();
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"value": [ {"id": "trunc');
      return true;
    case 'delay':
      await new Promise(resolve => setTimeout(resolve, fault.ms));
      return false;
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const started = Date.now();
      while (Date.now() - started < fault.totalMs && !res.destroyed && !raw.socket.destroyed) {
        await new Promise(resolve => setTimeout(resolve, fault.everyMs));
        if (!res.destroyed) res.write(' ');
      }
      if (!res.destroyed) res.end('}');
      return true;
    }
  }
}
