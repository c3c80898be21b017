import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A forward proxy on 127.0.0.1, as a self-hosted runner's egress proxy behaves (Squid and the like):
 * - CONNECT host:port opens a tunnel (HTTP/1.1 200 Connection Established), for https targets;
 * - a request with an absolute URI (GET http://host/path) is forwarded, for http targets;
 * - with `credentials` set, anything without a matching Proxy-Authorization gets 407 (RFC 9110 §15.5.8).
 * Host names under `.proxy.test` exist only here (mapped to 127.0.0.1), so a request that did not go
 * through the proxy fails with ENOTFOUND: every request must pass through it.
 */
export interface FakeProxy {
  url: string;
  /** CONNECT authorities and forwarded absolute URIs, in order. */
  seen: string[];
  credentials?: { user: string; password: string };
  close(): Promise<void>;
}

function target(host: string): string {
  return host.endsWith('.proxy.test') ? '127.0.0.1' : host;
}

export async function startFakeProxy(): Promise<FakeProxy> {
  const sockets = new Set<Duplex>();
  const fake = { seen: [] as string[] } as FakeProxy;
  const authorised = (req: IncomingMessage) =>
    !fake.credentials ||
    req.headers['proxy-authorization'] ===
      `Basic ${Buffer.from(`${fake.credentials.user}:${fake.credentials.password}`).toString('base64')}`;
  const server = createServer((req, res) => {
    if (!authorised(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' }).end();
      return;
    }
    const url = new URL(req.url ?? '');
    fake.seen.push(url.href);
    const upstream = httpRequest(
      { host: target(url.hostname), port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (!authorised(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const authority = req.url ?? '';
    fake.seen.push(authority);
    const [host, port] = [authority.slice(0, authority.lastIndexOf(':')), Number(authority.slice(authority.lastIndexOf(':') + 1))];
    const upstream = connect(port, target(host.replace(/^\[|\]$/g, '')), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>(resolve => server.close(() => resolve()));
  };
  return fake;
}
