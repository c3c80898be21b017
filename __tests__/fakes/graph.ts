import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { applyFault, json, startHttps, type Fault, type RunningServer } from './https.js';
import { FilterSyntaxError, parseFilter } from './odata.js';
import { handleAudit, newFakeAuditLog, type FakeAuditLog } from './audit.js';

/**
 * Fake Microsoft Graph /v1.0/security/alerts_v2: bearer tokens from the fake Entra, $filter, $top,
 * opaque @odata.nextLink with $skiptoken, and evolvable enums hidden as `unknownFutureValue` unless
 * the request says `Prefer: include-unknown-enum-members`, as Graph does.
 */
const LATE_SERVICE_SOURCES = new Set(['microsoftDefenderForCloud', 'microsoftSentinel', 'microsoftInsiderRiskManagement']);
const LATE_DETECTION_SOURCES = new Set([
  'scheduledAlerts',
  'nrtAlerts',
  'microsoftSentinel',
  'microsoftInsiderRiskManagement',
  'microsoftDefenderForCloud',
  'microsoftThreatIntelligence',
  'builtInMl'
]);

export interface GraphRequestLog {
  url: URL;
  prefer: string | undefined;
  authorization: string | undefined;
  acceptEncoding: string | undefined;
}

interface Listing {
  matches: Array<Record<string, unknown>>;
  offset: number;
  top: number;
  prefer: boolean;
}

export interface FakeGraph extends RunningServer {
  alerts: Array<Record<string, unknown>>;
  /** /v1.0/security/incidents: listed, filtered and paged like alerts. */
  incidents: Array<Record<string, unknown>>;
  /** When set, incident requests are denied with this status (SecurityIncident.Read.All missing). */
  denyIncidents?: number;
  requests: GraphRequestLog[];
  faults: Fault[];
  /** Raw JSON texts put at the start of the first page of every listing, unfiltered: items no serialiser would write (nested 20,000 deep, not objects). */
  rawItems: string[];
  /** Page size when the client sends no $top. */
  defaultPageSize: number;
  /** Largest $top accepted; a larger one is refused with Graph's 400, as the real service refuses it. */
  maxTop?: number;
  /** Bytes of page bodies sent (after compression), for the bench. */
  bytesSent: number;
  /** Added before every answer, in ms (a real Graph is tens of milliseconds away). */
  latencyMs?: () => number;
  /** When set, every request is denied with this status (401/403 scenarios). */
  deny?: number;
  /** Graph's error message for `deny` (defaults to the missing-role text). */
  denyMessage?: string;
  /** The audit log query API (see audit.ts); its clock is Graph's. */
  audit: FakeAuditLog;
  /** Graph's clock runs this far from the real one (its Date header too), for runs in simulated time. */
  clockOffsetMs: number;
}

export async function startFakeGraph(isValidToken: (token: string) => boolean): Promise<FakeGraph> {
  // A listing is resolved once, when its first page is asked for; its nextLinks walk through it.
  const pending = new Map<string, Listing>();
  const fake = {
    alerts: [],
    incidents: [],
    requests: [],
    faults: [],
    rawItems: [],
    defaultPageSize: 100,
    bytesSent: 0,
    clockOffsetMs: 0
  } as unknown as FakeGraph;
  fake.audit = newFakeAuditLog(() => Date.now() + fake.clockOffsetMs);
  const server = await startHttps(async (req, res, raw) => {
    if (fake.latencyMs) await new Promise(resolve => setTimeout(resolve, fake.latencyMs!()));
    fake.requests.push({
      url: req.url,
      prefer: req.headers.prefer as string | undefined,
      authorization: req.headers.authorization,
      acceptEncoding: req.headers['accept-encoding'] as string | undefined
    });
    if (await applyFault(fake.faults.shift(), res, raw)) return;
    if (fake.clockOffsetMs) res.setHeader('date', new Date(Date.now() + fake.clockOffsetMs).toUTCString());
    if (/\/security\/auditLog\//.test(req.url.pathname)) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !isValidToken(token)) {
        return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } });
      }
      if (handleAudit(fake.audit, req, res, server.url)) return;
    }
    const isIncidents = req.url.pathname === '/v1.0/security/incidents';
    if ((req.url.pathname !== '/v1.0/security/alerts_v2' && !isIncidents) || req.method !== 'GET') {
      return json(res, 404, { error: { code: 'UnknownError', message: 'Resource not found' } });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !isValidToken(token)) {
      return json(res, 401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' }
      });
    }
    if (isIncidents && fake.denyIncidents) {
      return json(res, fake.denyIncidents, {
        error: {
          code: 'Forbidden',
          message: 'Missing application roles. API required roles: SecurityIncident.Read.All, SecurityIncident.ReadWrite.All.'
        }
      });
    }
    if (fake.deny) {
      return json(res, fake.deny, {
        error: {
          code: 'Forbidden',
          message: fake.denyMessage ?? 'Missing application roles. API required roles: SecurityAlert.Read.All, SecurityAlert.ReadWrite.All.'
        }
      });
    }
    const prefer = /include-unknown-enum-members/.test(String(req.headers.prefer ?? ''));
    let page: Listing;
    const skipToken = req.url.searchParams.get('$skiptoken');
    if (skipToken) {
      const found = pending.get(skipToken);
      if (!found) return json(res, 400, { error: { code: 'BadRequest', message: 'Invalid $skiptoken' } });
      pending.delete(skipToken);
      page = { ...found, prefer };
    } else {
      const topText = req.url.searchParams.get('$top');
      const top = topText === null ? fake.defaultPageSize : Number(topText);
      if (!Number.isInteger(top) || top < 1)
        return json(res, 400, { error: { code: 'BadRequest', message: `Invalid $top value '${topText}'` } });
      if (fake.maxTop !== undefined && top > fake.maxTop) {
        return json(res, 400, {
          error: {
            code: 'BadRequest',
            message: `The limit of '${fake.maxTop}' for Top query has been exceeded. The value from the incoming request is '${top}'.`
          }
        });
      }
      let predicate = (_: Record<string, unknown>) => true;
      const filter = req.url.searchParams.get('$filter');
      if (filter !== null) {
        try {
          predicate = parseFilter(filter);
        } catch (error) {
          if (error instanceof FilterSyntaxError) return json(res, 400, { error: { code: 'BadRequest', message: error.message } });
          throw error;
        }
      }
      // Newest first, as Graph lists alerts.
      const matches = (isIncidents ? fake.incidents : fake.alerts)
        .filter(predicate)
        .sort((a, b) => String(b.createdDateTime).localeCompare(String(a.createdDateTime)));
      page = { matches, offset: 0, top, prefer };
    }
    const value = page.matches.slice(page.offset, page.offset + page.top).map(alert => {
      const copy = structuredClone(alert);
      if (!page.prefer) {
        if (LATE_SERVICE_SOURCES.has(String(copy.serviceSource))) copy.serviceSource = 'unknownFutureValue';
        if (LATE_DETECTION_SOURCES.has(String(copy.detectionSource))) copy.detectionSource = 'unknownFutureValue';
      }
      return copy;
    });
    const body: Record<string, unknown> = {
      '@odata.context': `${server.url}/v1.0/$metadata#security/${isIncidents ? 'incidents' : 'alerts_v2'}`,
      value
    };
    if (page.offset + page.top < page.matches.length) {
      const next = randomBytes(12).toString('hex');
      pending.set(next, { ...page, offset: page.offset + page.top });
      const link = new URL(req.url.pathname, server.url);
      for (const [key, val] of req.url.searchParams) if (key !== '$skiptoken') link.searchParams.set(key, val);
      link.searchParams.set('$skiptoken', next);
      body['@odata.nextLink'] = link.toString();
    }
    const headers: Record<string, string> = prefer ? { 'preference-applied': 'include-unknown-enum-members' } : {};
    let text = JSON.stringify(body);
    if (!isIncidents && page.offset === 0 && fake.rawItems.length > 0)
      text = text.replace('"value":[', `"value":[${fake.rawItems.join(',')}${value.length > 0 ? ',' : ''}`);
    // Graph compresses its answers for clients that ask (Accept-Encoding: gzip).
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const payload = gzip ? gzipSync(text) : Buffer.from(text);
    fake.bytesSent += payload.length;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': payload.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers
    });
    res.end(payload);
  });
  return Object.assign(fake, server);
}
