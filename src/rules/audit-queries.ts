import type { AuditState } from './audit-state.js';
import {
  budgetFreesAt,
  MAX_ATTEMPTS,
  MAX_CREATES_PER_DAY,
  MAX_IN_FLIGHT,
  recordCreation,
  retryDelay,
  STUCK_AFTER_MS,
  type AuditWindow,
  type Ledger
} from './audit-ledger.js';
import { shortDuration } from '../inputs/inputs.js';
import { createQuery, getQuery, readRecords, type AuditClient } from './graph-audit.js';
import { ClockSkewError, GraphError, PagingStopped } from '../graph/client.js';
import { ExchangeCancelled } from '../runtime/http.js';
import * as log from '../runtime/log.js';
import type { AuditRule } from './rule-match.js';
import {
  ensureRuleStates,
  evaluateRecords,
  EVENT_HORIZON_MS,
  MAX_GROUPS_PER_RULE,
  MAX_SEEN_RECORDS,
  MAX_VALUES_PER_GROUP,
  pruneRuleState,
  type PruneReport,
  type RuleFiring
} from './rule-eval.js';

/**
 * The audit log queries' life cycle within one run: poll those in flight, harvest the ones that
 * succeeded (records evaluated by the rules), retry or give up the failed, and create the queries of the
 * windows now due within the budgets. State changes as work is done (see runAudit in audit.ts).
 */

export interface AuditReport {
  inFlight: number;
  created: number;
  /** Queries created in the last 24 h, this run's included (the tenant's allowance is shared). */
  createdToday: number;
  harvested: number;
  records: number;
  deferredUntil?: number;
  hits: Map<string, number>;
  /** Every configured rule's name, so the job summary lists the quiet ones with 0. */
  rules: string[];
  /** Windows given up after MAX_ATTEMPTS, as "start – end". */
  gaveUp: string[];
  /** A problem an admin must fix (permission, API version); the run fails after delivering the rest. */
  error?: string;
}

export interface AuditRunOptions {
  rules: readonly AuditRule[];
  lookbackMs: number;
  /** No query is polled, created or read after this time (ms). */
  deadline: number;
  /** False on a dry run: nothing is saved, so a query created now would be orphaned (and use the tenant's quota). */
  createQueries?: boolean;
  now: () => number;
}

/** One run's audit work: what every step reads and adds to. */
export interface AuditRun {
  client: AuditClient;
  state: AuditState;
  options: AuditRunOptions;
  report: AuditReport;
  firings: RuleFiring[];
}

export function emptyReport(rules: string[]): AuditReport {
  return { inFlight: 0, created: 0, createdToday: 0, harvested: 0, records: 0, hits: new Map(), rules, gaveUp: [] };
}

const BATCH = 5000;

export function describeWindow(window: AuditWindow): string {
  return `${new Date(window.s).toISOString()} – ${new Date(window.e).toISOString()}`;
}

/** The operations any rule names, as the query's operationFilters (exact names, deduplicated). */
export function queriedOperations(rules: readonly AuditRule[]): string[] {
  const seen = new Map<string, string>();
  for (const rule of rules) for (const op of rule.operations) if (!seen.has(op.toLowerCase())) seen.set(op.toLowerCase(), op);
  return [...seen.values()];
}

/**
 * A match rule's firings of one harvested window, combined per rule and group (the user, by default): a
 * script that makes 5,000 inbox rules is one notice with the count and samples, not 5,000 notices queued
 * ahead of real alerts. The combined notice takes the id of its earliest record's firing (stable: those
 * records are known by id when read again). `combine: false` keeps one notice per record.
 */
export function combineMatchFirings(firings: RuleFiring[]): RuleFiring[] {
  const out: RuleFiring[] = [];
  const combined = new Map<string, RuleFiring>();
  for (const firing of firings) {
    if (firing.rule.type !== 'match' || firing.rule.combine === false) {
      out.push(firing);
      continue;
    }
    const key = `${firing.rule.name}\n${firing.group}`;
    const seen = combined.get(key);
    if (!seen) {
      const first = { ...firing, count: 1, samples: [...firing.samples] };
      combined.set(key, first);
      out.push(first);
      continue;
    }
    seen.count = (seen.count ?? 1) + 1;
    if (firing.at < seen.at) {
      seen.at = firing.at;
      seen.id = firing.id;
    }
    if (seen.samples.length < 5) seen.samples.push(...firing.samples.slice(0, 5 - seen.samples.length));
  }
  return out;
}

function warnBounds(bounds: PruneReport): void {
  for (const [rule, count] of bounds.groups)
    log.warning(
      `Audit rule '${rule}': ${count} group(s) were forgotten to stay within ${MAX_GROUPS_PER_RULE.toLocaleString('en-US')} per rule (the least recently active first); a forgotten group seen again is learned afresh, without a notice unless the rule has new-groups: notify.`
    );
  for (const [rule, count] of bounds.values)
    log.warning(`Audit rule '${rule}': ${count} learned value(s) were forgotten to stay within ${MAX_VALUES_PER_GROUP} per group.`);
  if (bounds.seen > 0)
    log.warning(
      `Audit rules: ${bounds.seen} record id(s) were forgotten before their time to stay within ${MAX_SEEN_RECORDS.toLocaleString('en-US')}; a window read again may count those records twice.`
    );
}

/** Reads a succeeded query's records in batches and evaluates them; what was read counts even when the read stops. */
async function harvest({ client, state, options, report, firings: allFirings }: AuditRun, window: AuditWindow): Promise<void> {
  const firings: RuleFiring[] = [];
  let batch: unknown[] = [];
  const horizon = Math.max(EVENT_HORIZON_MS, options.lookbackMs + 3_600_000);
  // Every rule gets its state now, records or not: an empty window is a harvest like any other.
  ensureRuleStates(state.r, options.rules, window.s);
  const flush = () => {
    if (batch.length === 0) return;
    const result = evaluateRecords(
      state.r,
      options.rules,
      batch as Array<Record<string, unknown>>,
      window.s,
      options.now(),
      horizon,
      false
    );
    firings.push(...result.firings);
    for (const [rule, count] of result.hits) report.hits.set(rule, (report.hits.get(rule) ?? 0) + count);
    report.records += batch.length;
    batch = [];
  };
  try {
    await readRecords(
      client,
      window.q!,
      record => {
        batch.push(record);
        if (batch.length >= BATCH) flush();
      },
      {
        resumeFrom: window.p,
        stopAt: options.deadline,
        onPage: next => {
          // Saved with the snapshot: a window too large for one run is read on where it stopped.
          if (next) window.p = next;
          else delete window.p;
        }
      }
    );
  } finally {
    // What was read is counted even when the read stops: those records are known by id when read again.
    flush();
    allFirings.push(...combineMatchFirings(firings));
    warnBounds(pruneRuleState(state.r, options.rules, options.now(), horizon));
  }
}

/** A window the ledger should not hold (planted, or from a clock far off) is cut to what can be asked for. */
export function trimLedger(ledger: Ledger, start: number, reach: number): void {
  ledger.windows = ledger.windows.filter(window => {
    window.e = Math.min(window.e, start);
    window.s = Math.max(window.s, reach);
    if (window.q !== undefined && !/^[A-Za-z0-9._:-]{1,200}$/.test(window.q)) delete window.q;
    return window.s < window.e;
  });
}

/** A failed window: created again after a back-off, or given up (with a warning) after MAX_ATTEMPTS. */
function giveUpOrRetry({ state, options, report }: AuditRun, window: AuditWindow, why: string): void {
  const ledger = state.w;
  window.n++;
  delete window.q;
  delete window.c;
  delete window.p;
  if (window.n >= MAX_ATTEMPTS) {
    ledger.windows = ledger.windows.filter(w => w !== window);
    report.gaveUp.push(describeWindow(window));
    log.warning(
      `Audit log query for ${describeWindow(window)} failed ${window.n} times (last: ${why}); this window is given up and records only in it are not counted by the rules.`
    );
    return;
  }
  window.b = options.now() + retryDelay(window.n);
  log.info(`Audit log query for ${describeWindow(window)}: ${why}; created again after ${shortDuration(window.b - options.now())}.`);
}

/** Harvests a succeeded query; 'stop' when the run's time budget ended the read. */
async function harvestSucceeded(run: AuditRun, window: AuditWindow, limitExceeded: boolean): Promise<'stop' | 'next'> {
  const ledger = run.state.w;
  try {
    await harvest(run, window);
  } catch (error) {
    if (error instanceof ExchangeCancelled || error instanceof ClockSkewError) throw error;
    if (error instanceof PagingStopped) {
      log.info(`Audit log query for ${describeWindow(window)}: reading stopped at the run's time budget; the next run reads it again.`);
      return 'stop';
    }
    if (error instanceof GraphError && (error.status === 401 || error.status === 403)) throw error;
    if (window.p && error instanceof GraphError && error.status !== undefined && error.status < 500) {
      // The saved page link expired: read the window from its first page (records read are known by id).
      delete window.p;
      log.info(`Audit log query for ${describeWindow(window)}: the saved page link is no longer valid; reading from the start next run.`);
      return 'next';
    }
    giveUpOrRetry(run, window, `its records could not be read (${(error as Error).message})`);
    return 'next';
  }
  ledger.windows = ledger.windows.filter(w => w !== window);
  run.report.harvested++;
  if (limitExceeded) {
    // Part of the window's records were left out: read it again as two halves.
    const middle = Math.floor((window.s + window.e) / 2);
    if (window.e - window.s > 2 * 60_000) {
      ledger.windows.push({ s: window.s, e: middle, k: window.k, n: 0 }, { s: middle, e: window.e, k: window.k, n: 0 });
    }
    log.warning(
      `Audit log query for ${describeWindow(window)} reached its record limit (isRecordCountLimitExceeded); the window is read again in two halves.`
    );
  }
  return 'next';
}

/** Queries in flight, oldest window first: poll; harvest those that succeeded. */
export async function pollQueries(run: AuditRun): Promise<void> {
  const { client, state, options } = run;
  for (const window of [...state.w.windows].filter(w => w.q).sort((a, b) => a.s - b.s)) {
    if (options.now() >= options.deadline) break;
    const status = await getQuery(client, window.q!);
    if ('missing' in status) {
      giveUpOrRetry(run, window, 'the query is gone (HTTP 404)');
      continue;
    }
    if ('failed' in status) {
      log.info(`Audit log query for ${describeWindow(window)} could not be polled (${status.failed}); asked again next run.`);
      continue;
    }
    if (status.status === 'succeeded') {
      if ((await harvestSucceeded(run, window, Boolean(status.limitExceeded))) === 'stop') break;
    } else if (status.status === 'failed' || status.status === 'cancelled') {
      giveUpOrRetry(run, window, `the query ended as ${status.status}`);
    } else if (options.now() - (window.c ?? 0) > STUCK_AFTER_MS) {
      giveUpOrRetry(run, window, `the query is still ${status.status} after ${shortDuration(STUCK_AFTER_MS)}`);
    }
  }
}

/** Every window waiting for a query waits at least until `until` (nothing is lost; the frontiers do not move on). */
function holdWaiting(ledger: Ledger, until: number): void {
  for (const waiting of ledger.windows) if (!waiting.q) waiting.b = Math.max(waiting.b ?? 0, until);
}

/** Creates the queries of the windows due, oldest first, within the concurrency cap and the daily budget. */
export async function createQueries(run: AuditRun): Promise<void> {
  const { client, state, options, report } = run;
  const ledger = state.w;
  const operations = queriedOperations(options.rules);
  if (options.createQueries === false) {
    log.info('Dry run: audit log queries in flight are read, but no new query is created (nothing would be saved).');
    return;
  }
  for (const window of ledger.windows.filter(w => !w.q).sort((a, b) => a.s - b.s)) {
    if (options.now() >= options.deadline) break;
    if (ledger.windows.filter(w => w.q).length >= MAX_IN_FLIGHT) break;
    if (window.b !== undefined && window.b > options.now()) continue;
    const freesAt = budgetFreesAt(ledger, options.now());
    if (freesAt !== undefined) {
      // Our own daily budget: waiting windows wait.
      holdWaiting(ledger, freesAt);
      log.info(
        `Audit log queries: ${MAX_CREATES_PER_DAY} created in the last 24 h (this action's daily budget); the next is created after ${new Date(freesAt).toISOString()}.`
      );
      break;
    }
    const result = await createQuery(
      client,
      { start: window.s, end: window.e },
      operations,
      `m365-alerts-to-teams ${window.k} ${describeWindow(window)}`
    );
    if ('deferMs' in result) {
      // The tenant's search slots are full: every waiting window waits, nothing is retried now.
      const until = options.now() + Math.max(60_000, result.deferMs);
      holdWaiting(ledger, until);
      report.deferredUntil = until;
      log.info(`Audit log query API answered 429 (too many searches); new queries wait until ${new Date(until).toISOString()}.`);
      break;
    }
    if ('failed' in result) {
      // Counted against the budget all the same: the service may have made the query before failing.
      recordCreation(ledger, options.now());
      giveUpOrRetry(run, window, result.failed);
      continue;
    }
    window.q = result.created;
    window.c = options.now();
    recordCreation(ledger, options.now());
    report.created++;
  }
}
