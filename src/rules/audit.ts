import type { GraphAlert } from '../model/alert.js';
import type { AuditState, OwedRuleNotice, RuleHit } from './audit-state.js';
import { createdToday, newLedger, planWindows } from './audit-ledger.js';
import type { Notice } from '../model/notice.js';
import { ExchangeCancelled } from '../runtime/http.js';
import { AuditApiError, type AuditClient } from './graph-audit.js';
import { ClockSkewError, GraphError } from '../graph/client.js';
import { emptyRuleEvalState, EVENT_HORIZON_MS, type RuleFiring } from './rule-eval.js';
import { shortDuration } from '../inputs/inputs.js';
import {
  createQueries,
  emptyReport,
  pollQueries,
  trimLedger,
  type AuditReport,
  type AuditRun,
  type AuditRunOptions
} from './audit-queries.js';

export { combineMatchFirings, queriedOperations, type AuditReport, type AuditRunOptions } from './audit-queries.js';

/**
 * The audit rules' part of a run: poll the queries in flight, harvest the finished ones through the
 * rules, create the queries now due, and turn firings into notices that go through the same cards,
 * routes and outputs as alerts. A run never waits for a query: it creates, a later run harvests.
 * Notices are owed (kept in the snapshot with what their card needs) until Teams accepted them.
 */

export interface AuditOutcome {
  state: AuditState;
  /** Every owed rule notice: new firings and those still owed from earlier runs. */
  notices: Notice[];
  /** Firings of this run that became notices (rule-notice-count). */
  newCount: number;
  report: AuditReport;
}

export const RULE_SERVICE_SOURCE = 'auditLogRule';
const PURVIEW_AUDIT_SEARCH = 'https://purview.microsoft.com/audit/auditsearch';
/** Records a harvest hands to the rules at a time (pages are evaluated as they arrive). */

export function newAuditState(now: number, lookbackMs: number): AuditState {
  return { w: newLedger(now, lookbackMs), r: emptyRuleEvalState(), o: Object.create(null), t: Object.create(null) };
}

function hitOf(firing: RuleFiring): RuleHit {
  const rule = firing.rule;
  return {
    rule: rule.name,
    type: rule.type,
    group: firing.group,
    groupBy: rule.groupBy.map(path => path.join('.')).join(' + '),
    count: firing.count,
    threshold: rule.threshold,
    windowMs: rule.windowMs,
    distinct: rule.distinct?.join('.'),
    value: firing.value,
    valueField: rule.value?.join('.'),
    known: firing.known,
    operations: rule.operations.slice(0, 20),
    samples: firing.samples.slice(0, 5)
  };
}

/** The alert-like face of a firing: what digests, routes, outputs and the report read. */
export function ruleAlert(firing: RuleFiring, hit: RuleHit, now: number): GraphAlert {
  const who = hit.group && hit.group !== '(none)' ? hit.group : '';
  const what =
    hit.type === 'threshold'
      ? `${hit.count} ${hit.distinct ? `distinct ${hit.distinct}` : 'events'} in ${shortDuration(hit.windowMs!)}${who ? ` by ${who}` : ''}`
      : hit.type === 'new-value'
        ? `new ${hit.valueField} ${hit.value}${who ? ` for ${who}` : ''}`
        : `${(hit.count ?? 1) > 1 ? `${hit.count} × ` : ''}${hit.samples[0]?.operation ?? 'activity'}${hit.samples[0]?.user ? ` by ${hit.samples[0].user}` : ''}`;
  return {
    id: firing.id,
    title: `${hit.rule}: ${what}`.slice(0, 400),
    severity: firing.rule.severity,
    status: 'new',
    serviceSource: RULE_SERVICE_SOURCE,
    category: `audit log ${hit.type} rule`,
    createdDateTime: new Date(firing.at).toISOString(),
    lastUpdateDateTime: new Date(now).toISOString(),
    alertWebUrl: PURVIEW_AUDIT_SEARCH
  };
}

function noticeOf(owed: OwedRuleNotice): Notice {
  return { kind: 'new', alert: owed.a, rule: owed.h };
}

/**
 * Polls, harvests and creates queries within the deadline. State changes as work is done, so what a run
 * cut short (deadline, cancellation, an API error) already did is kept: records already counted are
 * recognised by id when their window is read again.
 */
export async function runAudit(previous: AuditState | undefined, client: AuditClient, options: AuditRunOptions): Promise<AuditOutcome> {
  const start = options.now();
  const state = previous ?? newAuditState(start, options.lookbackMs);
  const run: AuditRun = { client, state, options, report: emptyReport(options.rules.map(rule => rule.name)), firings: [] };
  const reach = start - Math.max(EVENT_HORIZON_MS, options.lookbackMs);
  trimLedger(state.w, start, reach);
  try {
    await pollQueries(run);
    // Plan the windows now due (after the polls: their answers have checked the clock), then create their queries.
    planWindows(state.w, options.now(), reach);
    await createQueries(run);
  } catch (error) {
    if (error instanceof ExchangeCancelled || error instanceof ClockSkewError) throw error;
    if (error instanceof AuditApiError || error instanceof GraphError) run.report.error = error.message;
    else throw error;
  }
  run.report.inFlight = state.w.windows.filter(w => w.q).length;
  run.report.createdToday = createdToday(state.w, options.now());

  let newCount = 0;
  for (const firing of run.firings) {
    if (Object.hasOwn(state.o, firing.id) || Object.hasOwn(state.t, firing.id)) continue;
    const hit = hitOf(firing);
    state.o[firing.id] = { a: ruleAlert(firing, hit, start), h: hit };
    newCount++;
  }
  return { state, notices: Object.values(state.o).map(noticeOf), newCount, report: run.report };
}

/** No rules any more, but notices still owed: they are posted all the same; nothing else runs. */
export function carryAudit(state: AuditState, now: number): AuditOutcome {
  return {
    state,
    notices: Object.values(state.o).map(noticeOf),
    newCount: 0,
    report: {
      inFlight: 0,
      created: 0,
      createdToday: createdToday(state.w, now),
      harvested: 0,
      records: 0,
      hits: new Map(),
      rules: [],
      gaveUp: []
    }
  };
}
