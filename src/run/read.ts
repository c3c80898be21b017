import { alertKeeper, fetchWindowStart } from '../alerts/delta.js';
import { alertIntake, newIntakeReport, type IntakeReport } from '../alerts/intake.js';
import { readAlertsFile } from '../alerts/source-file.js';
import type { RunContext } from '../delivery/delivery.js';
import type { GraphClientOptions } from '../graph/client.js';
import type { GraphIncident } from '../incidents/incidents.js';
import type { Settings } from '../inputs/settings.js';
import type { GraphAlert } from '../model/alert.js';
import type { RetryPolicy } from '../runtime/http.js';
import * as log from '../runtime/log.js';
import type { Snapshot } from '../snapshot/format.js';

/**
 * The reading steps of a run: sign in once, read the alerts (Graph or a file) and, with group-by:
 * incident, the incidents; run the audit rules. The Graph, sign-in and audit code is loaded only by the
 * runs that use it.
 */

export interface FetchResult {
  alerts: GraphAlert[];
  intake: IntakeReport;
  /** group-by: incident, source graph: the incidents updated in the same window. */
  incidents: Map<string, GraphIncident>;
}

export async function fetchCurrentAlerts(
  settings: Settings,
  previous: Snapshot | undefined,
  now: number,
  signal: AbortSignal,
  getToken: (() => Promise<string>) | undefined
): Promise<FetchResult> {
  const intake = newIntakeReport();
  const take = alertIntake(alertKeeper(previous, settings), intake);
  if (settings.source === 'file') {
    const alerts = [];
    for await (const item of readAlertsFile(settings.alertsFile!)) {
      if ('tooLarge' in item) {
        intake.skipped.push({ reason: `the item is ${item.tooLarge} characters long, more than any alert` });
        continue;
      }
      const kept = take(item.value);
      if (kept) alerts.push(kept);
    }
    return { alerts, intake, incidents: new Map() };
  }
  if (!settings.readAlerts) {
    log.info('read-alerts is false: security alerts are not read; only the audit rules run.');
    return { alerts: [], intake, incidents: new Map() };
  }
  const since = fetchWindowStart(previous, now, settings.lookbackMs);
  const graph = settings.graph!;
  const { fetchAlerts, GRAPH_RETRY_POLICY } = await import('../alerts/graph-alerts.js');
  const { alerts, requests } = await fetchAlerts(
    graph.graphEndpoint,
    { since, serviceSources: settings.serviceSources },
    graphOptions(settings, GRAPH_RETRY_POLICY, getToken!, signal, 'Microsoft Graph'),
    take
  );
  log.info(`Read ${alerts.length} alert(s) updated since ${new Date(since).toISOString()} in ${requests} Graph request(s).`);
  let incidents = new Map<string, GraphIncident>();
  if (settings.groupBy === 'incident') {
    const { fetchIncidents } = await import('../incidents/graph-incidents.js');
    const listed = await fetchIncidents(
      graph.graphEndpoint,
      since,
      graphOptions(settings, GRAPH_RETRY_POLICY, getToken!, signal, 'Microsoft Graph (incidents)')
    );
    incidents = listed.incidents;
    log.info(`Read ${incidents.size} incident(s) updated in the same window in ${listed.requests} Graph request(s).`);
  }
  return { alerts, intake, incidents };
}

/** What every Graph read of a run shares: the token, Graph's retry policy within request-timeout, retries logged, cancellation. */
function graphOptions(
  settings: Settings,
  policy: RetryPolicy,
  getToken: () => Promise<string>,
  signal: AbortSignal,
  label: string
): GraphClientOptions {
  return {
    getToken,
    policy: { ...policy, timeoutMs: settings.requestTimeoutMs },
    onRetry: (reason, delayMs) => log.info(`${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`),
    signal
  };
}

/** Signs in once per run (source graph): alerts, incidents and the audit rules share the token. */
export async function signIn(settings: Settings, signal: AbortSignal): Promise<(() => Promise<string>) | undefined> {
  if (settings.source !== 'graph') return undefined;
  const { createTokenProvider } = await import('../signin/auth.js');
  const provider = await createTokenProvider(settings.graph!, { timeoutMs: settings.requestTimeoutMs, signal });
  // The first token is asked for now; its first user gets this very request (success or failure), so a
  // failing Entra is retried once per run, not twice.
  let first: Promise<string> | undefined = provider();
  first.catch(() => undefined);
  return () => {
    const pending = first;
    first = undefined;
    return pending ?? provider();
  };
}

/**
 * rules: poll, harvest and create audit log queries, and collect the rule notices owed. With no rules
 * left, notices still owed from earlier runs are posted all the same (nothing owed is dropped).
 */
export async function auditStep(
  settings: Settings,
  previous: Snapshot | undefined,
  getToken: (() => Promise<string>) | undefined,
  context: RunContext
): Promise<import('../rules/audit.js').AuditOutcome | undefined> {
  if (settings.rules.length === 0) {
    const carried = previous?.audit;
    if (!carried || Object.keys(carried.o).length === 0) return undefined;
    const audit = await import('../rules/audit.js');
    return audit.carryAudit(carried, Date.now());
  }
  const [audit, { GRAPH_RETRY_POLICY }] = await Promise.all([import('../rules/audit.js'), import('../graph/client.js')]);
  const outcome = await audit.runAudit(
    previous?.audit,
    {
      endpoint: settings.graph!.graphEndpoint,
      version: settings.auditApiVersion,
      options: graphOptions(settings, GRAPH_RETRY_POLICY, getToken!, context.signal, 'Microsoft Graph (audit log)')
    },
    {
      rules: settings.rules,
      lookbackMs: settings.lookbackMs,
      deadline: context.startedAt + settings.maxRunTimeMs * 0.8,
      now: Date.now,
      createQueries: !settings.dryRun
    }
  );
  const r = outcome.report;
  log.info(
    `Audit rules: ${r.harvested} window(s) harvested (${r.records} record(s)), ${r.created} query(ies) created, ${r.inFlight} in flight; ${outcome.newCount} new rule notice(s), ${outcome.notices.length} owed.`
  );
  return outcome;
}
