/**
 * Which proxy a request goes through, read from the environment exactly as @actions/http-client reads it
 * (lib/proxy.ts, which the runner's own tools and @actions/cache use): https_proxy / HTTPS_PROXY for https
 * URLs, http_proxy / HTTP_PROXY for http; a proxy without a scheme is taken as http://; NO_PROXY (or
 * no_proxy) lists hosts, `host:port`, domain suffixes (`contoso.com` and `.contoso.com` both cover
 * sub.contoso.com) or `*`; loopback hosts never go through a proxy. Self-hosted runners behind an egress
 * proxy set these; without them every request would fail with ENOTFOUND.
 */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  if (bypassesProxy(target, env)) return undefined;
  const value = target.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
  if (!value) return undefined;
  if (URL.canParse(value)) return new URL(value);
  if (!value.startsWith('http://') && !value.startsWith('https://') && URL.canParse(`http://${value}`)) return new URL(`http://${value}`);
  return undefined;
}

function isLoopback(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === 'localhost' || lower.startsWith('127.') || lower.startsWith('[::1]') || lower.startsWith('[0:0:0:0:0:0:0:1]');
}

export function bypassesProxy(target: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!target.hostname) return false;
  if (isLoopback(target.hostname)) return true;
  const noProxy = env.no_proxy || env.NO_PROXY || '';
  if (!noProxy) return false;
  const port = target.port ? Number(target.port) : target.protocol === 'http:' ? 80 : target.protocol === 'https:' ? 443 : undefined;
  const hosts = [target.hostname.toUpperCase()];
  if (port !== undefined) hosts.push(`${hosts[0]}:${port}`);
  return noProxy
    .split(',')
    .map(item => item.trim().toUpperCase())
    .filter(Boolean)
    .some(
      item =>
        item === '*' || hosts.some(host => host === item || host.endsWith(`.${item}`) || (item.startsWith('.') && host.endsWith(item)))
    );
}

/** The Proxy-Authorization value for a proxy URL with credentials (decoded, as http-client does). */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
