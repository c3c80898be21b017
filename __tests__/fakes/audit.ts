import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { json, type FakeRequest } from './https.js';

/**
 * Fake Graph Audit Log Query API (/{v1.0|beta}/security/auditLog/queries), as Microsoft documents it:
 * POST creates a query (201, the query bare), GET polls it, GET …/records lists its records with
 * @odata.nextLink once it succeeded. Queries move notStarted → running → succeeded (or failed) on the
 * fake's clock; a query sees the records that had reached the log (visibleAt) when it finished, so
 * records that arrive late are found only by a later query. More than `maxConcurrent` unfinished
 * queries: 429 with Retry-After, as the tenant's search slots are full.
 */
export interface AuditRecordInLog extends Record<string, unknown> {
  /** When the record reached the audit log (fake clock, ms); absent: at once. Not listed. */
  visibleAt?: number;
  /** Listed verbatim instead of the record (items no serialiser would write: nested 20,000 deep). */
  rawJson?: string;
}

interface Query {
  id: string;
  body: Record<string, unknown>;
  createdAt: number;
  fail: boolean;
  records?: Array<Record<string, unknown>>;
}

export interface FakeAuditLog {
  records: AuditRecordInLog[];
  /** Versions that serve the API (a 404 elsewhere, as when Microsoft moved it). */
  versions: Set<string>;
  /** The fake's clock (ms): Graph's own time. */
  now: () => number;
  /** How long a query runs (fake clock) before it succeeds. */
  runMs: number;
  maxConcurrent: number;
  /** The next N queries created end as failed. */
  failNext: number;
  /** The next N creates answer 429 whatever the load. */
  throttleNext: number;
  pageSize: number;
  /** recordCountLimit: a query finding more returns this many and says isRecordCountLimitExceeded. */
  recordLimit?: number;
  queries: Map<string, Query>;
  /** Bodies of the create requests, in order. */
  created: Array<Record<string, unknown>>;
  /** When set, every audit request is denied with this status. */
  deny?: number;
  /**
   * Query creations the tenant allows in any 24 hours (fake clock), then 429 with Retry-After. Microsoft's
   * throttling page (security audit log query service limits, as quoted in shared/fixtures/graph/
   * AUDIT-AND-INCIDENTS.md §1.7) gives at least 200 per rolling 24 hours, shared with every other caller.
   */
  dailyBudget: number;
  /** Unified auditing is off for the tenant: creates answer 400 AuditingDisabledTenant. */
  auditingDisabled?: boolean;
  /** Creates answer 400 BadRequest with this message (a request Graph refuses for its content). */
  badRequest?: string;
}

export function newFakeAuditLog(now: () => number): FakeAuditLog {
  return {
    records: [],
    versions: new Set(['v1.0', 'beta']),
    now,
    runMs: 0,
    maxConcurrent: 10,
    failNext: 0,
    throttleNext: 0,
    pageSize: 100,
    dailyBudget: 200,
    queries: new Map(),
    created: []
  };
}

function statusOf(log: FakeAuditLog, query: Query): string {
  const age = log.now() - query.createdAt;
  if (age < log.runMs / 3) return 'notStarted';
  if (age < log.runMs) return 'running';
  return query.fail ? 'failed' : 'succeeded';
}

function matches(query: Query, record: AuditRecordInLog, at: number): boolean {
  if ((record.visibleAt ?? 0) > at) return false;
  const time = Date.parse(String(record.createdDateTime));
  const start = Date.parse(String(query.body.filterStartDateTime));
  const end = Date.parse(String(query.body.filterEndDateTime));
  if (!(time >= start && time <= end)) return false;
  const operations = query.body.operationFilters;
  if (Array.isArray(operations) && operations.length > 0) {
    return operations.some(op => String(op).toLowerCase() === String(record.operation).toLowerCase());
  }
  return true;
}

function found(log: FakeAuditLog, query: Query): Array<Record<string, unknown>> {
  // Frozen when first asked for after it finished: what had reached the log by then.
  query.records ??= log.records
    .filter(record => record.rawJson !== undefined || matches(query, record, query.createdAt + log.runMs))
    .map(({ visibleAt: _, ...listed }) =>
      listed.rawJson ? listed : { '@odata.type': '#microsoft.graph.security.auditLogRecord', ...listed }
    );
  return query.records;
}

function queryJson(log: FakeAuditLog, query: Query) {
  const status = statusOf(log, query);
  const extra: Record<string, unknown> = {};
  if (status === 'succeeded' && log.recordLimit !== undefined) {
    // As the 2026 v1.0 resource: a query past its limit still "succeeds"; only this flag says so.
    const count = found(log, query).length;
    Object.assign(extra, {
      recordCountLimit: log.recordLimit,
      approximateReturnedRecordCount: Math.min(count, log.recordLimit),
      isRecordCountLimitExceeded: count > log.recordLimit
    });
  }
  return { '@odata.type': '#microsoft.graph.security.auditLogQuery', id: query.id, ...query.body, status, ...extra };
}

/** Handles the request if it is for the audit API; returns false otherwise. */
export function handleAudit(log: FakeAuditLog, req: FakeRequest, res: ServerResponse, base: string): boolean {
  const match = /^\/(v1\.0|beta)\/security\/auditLog\/queries(?:\/([^/]+))?(\/records)?$/.exec(req.url.pathname);
  if (!match) return false;
  const [, version, id, recordsPath] = match;
  if (log.deny) {
    json(res, log.deny, {
      error: { code: 'Forbidden', message: 'Missing application roles. API required roles: AuditLogsQuery.Read.All.' }
    });
    return true;
  }
  if (!log.versions.has(version)) {
    // Graph answers a path it does not serve with 400 BadRequest "Resource not found for the segment …"
    // (as reported for /beta/security/auditLog/queries on GCC High: microsoft/coe-starter-kit#10118).
    json(res, 400, { error: { code: 'BadRequest', message: `Resource not found for the segment 'auditLog'.` } });
    return true;
  }
  if (!id && req.method === 'POST') {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body);
    } catch {
      json(res, 400, { error: { code: 'BadRequest', message: 'Unable to read JSON request payload.' } });
      return true;
    }
    if (!Date.parse(String(body.filterStartDateTime)) || !Date.parse(String(body.filterEndDateTime))) {
      json(res, 400, { error: { code: 'BadRequest', message: 'filterStartDateTime and filterEndDateTime are required.' } });
      return true;
    }
    if (log.auditingDisabled) {
      // A tenant whose unified audit log ingestion is off refuses searches (Purview: "Turn auditing on or off").
      json(res, 400, {
        error: {
          code: 'BadRequest',
          message: 'AuditingDisabledTenant: Auditing is not enabled for the tenant. Enable auditing and try again.'
        }
      });
      return true;
    }
    if (log.badRequest) {
      json(res, 400, { error: { code: 'BadRequest', message: log.badRequest } });
      return true;
    }
    const madeToday = [...log.queries.values()].filter(q => q.createdAt > log.now() - 86_400_000).length;
    if (madeToday >= log.dailyBudget) {
      json(
        res,
        429,
        { error: { code: 'TooManyRequests', message: 'Audit search submissions exceeded for the tenant.' } },
        { 'retry-after': '3600' }
      );
      return true;
    }
    const running = [...log.queries.values()].filter(q => !['succeeded', 'failed'].includes(statusOf(log, q))).length;
    if (log.throttleNext > 0 || running >= log.maxConcurrent) {
      if (log.throttleNext > 0) log.throttleNext--;
      json(res, 429, { error: { code: 'TooManyRequests', message: 'Too many concurrent audit searches.' } }, { 'retry-after': '60' });
      return true;
    }
    const query: Query = { id: randomUUID(), body, createdAt: log.now(), fail: log.failNext > 0 };
    if (log.failNext > 0) log.failNext--;
    log.queries.set(query.id, query);
    log.created.push(body);
    json(res, 201, queryJson(log, query));
    return true;
  }
  if (req.method !== 'GET') {
    json(res, 405, { error: { code: 'MethodNotAllowed', message: 'Method not allowed.' } });
    return true;
  }
  if (!id) {
    json(res, 200, { value: [...log.queries.values()].map(q => queryJson(log, q)) });
    return true;
  }
  const query = log.queries.get(decodeURIComponent(id));
  if (!query) {
    json(res, 404, { error: { code: 'ResourceNotFound', message: 'The audit log query was not found.' } });
    return true;
  }
  if (!recordsPath) {
    json(res, 200, queryJson(log, query));
    return true;
  }
  if (statusOf(log, query) !== 'succeeded') {
    json(res, 400, { error: { code: 'BadRequest', message: 'The query has not completed.' } });
    return true;
  }
  const all = found(log, query);
  const listed = log.recordLimit === undefined ? all : all.slice(0, log.recordLimit);
  const offset = Number(req.url.searchParams.get('$skiptoken') ?? 0);
  const value = listed.slice(offset, offset + log.pageSize);
  const next =
    offset + log.pageSize < listed.length
      ? `,"@odata.nextLink":${JSON.stringify(`${base}${req.url.pathname}?$skiptoken=${offset + log.pageSize}`)}`
      : '';
  const items = value.map(item => (typeof item.rawJson === 'string' ? item.rawJson : JSON.stringify(item)));
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(`{"value":[${items.join(',')}]${next}}`);
  return true;
}
