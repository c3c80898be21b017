import * as core from './runtime/runner-io.js';
import { alertKeeper, computeDelta, fetchWindowStart, nextSnapshot, RETENTION_MS, sortByPriority, type Delta } from './alerts/delta.js';
import type { GraphIncident } from './incidents/incidents.js';
import { ExplainedError } from './runtime/errors.js';
// Also keeps the HTTP client in the main chunk, shared by the auth, Graph and Teams chunks.
import { ExchangeCancelled, type RetryPolicy } from './runtime/http.js';
import type { GraphClientOptions } from './graph/client.js';
import { alertIntake, newIntakeReport, type IntakeReport } from './alerts/intake.js';
import * as log from './runtime/log.js';
import { channelsTold, chooseDelivery, deliveredNotices, noticesIn, type RunContext } from './delivery/delivery.js';
import type { Notice } from './alerts/delta.js';
import { counts, setOutputs, writeReport, writeSummary, type RunOutcome } from './report/report.js';
import { redact, registerSecret, registerWebhookUrl } from './runtime/secrets.js';
import { loadSettings, SettingsError, type Settings } from './inputs/settings.js';
import { FileSnapshotStore } from './snapshot/file-store.js';
import { fitSnapshot, SAVE_BUDGET_BYTES } from './snapshot/budget.js';
import { contentDigest, type Snapshot } from './snapshot/format.js';
import type { LoadResult, SnapshotStore } from './snapshot/store.js';
import { readAlertsFile } from './alerts/source-file.js';

// MSAL (certificate sign-in only) and @actions/cache (with the Azure Storage SDK) are imported only by
// the runs that use them: loading both costs more than the rest of a run (see `npm run bench`). HTTP goes
// through Node's own client (http.ts): nothing more to compile or instantiate.

/** Inputs that are secrets: masked before anything else runs, so no later log line can reveal them. */
const SECRET_INPUTS = ['client-secret', 'client-certificate', 'client-certificate-password', 'snapshot-signing-key'];

/** After SIGINT/SIGTERM the run saves what it delivered; if that hangs, it exits anyway after this long. */
const CANCEL_GRACE_MS = 6_000;

/** Thrown when the stored snapshot cannot be trusted: the run stops before any post. */
export class SnapshotRejected extends ExplainedError {
  override name = 'SnapshotRejected';
}

/** What @actions/cache's isFeatureAvailable() checks, without loading the module. */
function cacheServiceConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL);
}

export async function chooseStore(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<SnapshotStore> {
  const cacheAvailable = cacheServiceConfigured(env) && (await import('@actions/cache')).isFeatureAvailable();
  if (settings.snapshotStore === 'actions-cache' && !cacheAvailable) {
    throw new SettingsError(
      "Input 'snapshot-store' is 'actions-cache', but this step has no Actions cache service (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL are not set). The runner gives them only to 'uses:' steps on GitHub-hosted or self-hosted runners; use snapshot-store: file (or auto) elsewhere."
    );
  }
  const identity = { scope: settings.snapshotScope, signingKeys: settings.snapshotSigningKeys, adopt: settings.resetSnapshot === 'adopt' };
  if (settings.snapshotStore === 'actions-cache' || (settings.snapshotStore === 'auto' && cacheAvailable)) {
    const { ActionsCacheSnapshotStore } = await import('./snapshot/cache-store.js');
    return new ActionsCacheSnapshotStore(settings.cacheKeyPrefix, identity, env);
  }
  return new FileSnapshotStore(settings.snapshotPath, identity);
}

function storeName(store: SnapshotStore): string {
  return store.kind === 'actions-cache' ? 'Actions cache' : 'file store';
}

/** Turns the load result into the previous snapshot, or stops the run: never a silent first run. */
function previousSnapshot(loaded: LoadResult, store: SnapshotStore, settings: Settings): Snapshot | undefined {
  if (loaded.status === 'unavailable') {
    // Posting now would treat every alert of the look-back window as new and flood the channel.
    throw new Error(
      `The alert snapshot could not be read from the ${storeName(store)} (${loaded.reason}). Nothing was posted, so the channel is not flooded with alerts it already saw; the next run will try again.`
    );
  }
  if (loaded.status === 'untrusted') {
    const remedy =
      store.kind === 'actions-cache'
        ? `list the entries with \`gh cache list --key ${settings.cacheKeyPrefix}-${settings.snapshotScope}-\` and delete the bad one with \`gh cache delete <key>\``
        : `move ${settings.snapshotPath} aside`;
    throw new SnapshotRejected(
      `The stored alert snapshot${loaded.key ? ` (${loaded.key})` : ''} cannot be trusted: ${loaded.reason}. Nothing was posted and the stored snapshot was left as it is. ` +
        `Starting afresh would re-post the look-back window or, with first-run: silent, mark unseen alerts as told. If you know why it happened, run once with reset-snapshot: true (a first run under the first-run rule), or ${remedy}.`
    );
  }
  return loaded.status === 'found' ? loaded.snapshot : undefined;
}

/**
 * reset-snapshot: `true` resets only what cannot be used (an untrusted or absent snapshot: a first run under
 * first-run); a trusted snapshot is used, and the input left in the workflow is pointed out, so a forgotten
 * `reset-snapshot: true` never turns every run into a silent first run. An outage is never reset. `adopt`
 * has the store take the snapshot whatever its signature; it is saved signed (see runWith).
 */
function resetOrAdopt(loaded: LoadResult, settings: Settings): LoadResult {
  if (settings.resetSnapshot === 'true') {
    if (loaded.status === 'found') {
      log.warning(
        'reset-snapshot is true, but the stored snapshot is trusted: it is used and nothing is reset. Remove reset-snapshot from the workflow.'
      );
      return loaded;
    }
    if (loaded.status === 'untrusted' || loaded.status === 'missing') {
      log.warning(
        `reset-snapshot is true and the stored snapshot ${loaded.status === 'untrusted' ? `cannot be trusted (${loaded.reason})` : 'is absent'}: this run starts afresh (first-run: ${settings.firstRun}). Remove reset-snapshot after this run.`
      );
      return { status: 'missing' };
    }
  }
  if (settings.resetSnapshot === 'adopt' && loaded.status === 'found') {
    log.warning(
      loaded.resign
        ? `reset-snapshot is adopt: the stored snapshot was taken as it is (its signature was not checked) and is saved ${settings.snapshotSigningKeys.length ? 'signed with the first key of snapshot-signing-key' : 'unsigned'}. Remove reset-snapshot after this run.`
        : 'reset-snapshot is adopt, but the stored snapshot is already signed with the first key: nothing to adopt. Remove reset-snapshot from the workflow.'
    );
  }
  return loaded;
}

interface FetchResult {
  alerts: import('./model/alert.js').GraphAlert[];
  intake: IntakeReport;
  /** group-by: incident, source graph: the incidents updated in the same window. */
  incidents: Map<string, GraphIncident>;
}

async function fetchCurrentAlerts(
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
  const { fetchAlerts, GRAPH_RETRY_POLICY } = await import('./alerts/graph-alerts.js');
  const { alerts, requests } = await fetchAlerts(
    graph.graphEndpoint,
    { since, serviceSources: settings.serviceSources },
    graphOptions(settings, GRAPH_RETRY_POLICY, getToken!, signal, 'Microsoft Graph'),
    take
  );
  log.info(`Read ${alerts.length} alert(s) updated since ${new Date(since).toISOString()} in ${requests} Graph request(s).`);
  let incidents = new Map<string, GraphIncident>();
  if (settings.groupBy === 'incident') {
    const { fetchIncidents } = await import('./incidents/graph-incidents.js');
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
async function signIn(settings: Settings, signal: AbortSignal): Promise<(() => Promise<string>) | undefined> {
  if (settings.source !== 'graph') return undefined;
  const { createTokenProvider } = await import('./signin/auth.js');
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
async function auditStep(
  settings: Settings,
  previous: Snapshot | undefined,
  getToken: (() => Promise<string>) | undefined,
  context: RunContext
): Promise<import('./rules/audit.js').AuditOutcome | undefined> {
  if (settings.rules.length === 0) {
    const carried = previous?.audit;
    if (!carried || Object.keys(carried.o).length === 0) return undefined;
    const audit = await import('./rules/audit.js');
    return audit.carryAudit(carried, Date.now());
  }
  const [audit, { GRAPH_RETRY_POLICY }] = await Promise.all([import('./rules/audit.js'), import('./graph/client.js')]);
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

/** At most this many lines of one kind of warning; the rest are counted. */
const WARNING_LINES = 20;

function warnEach<T>(items: T[], line: (item: T) => string, more: (count: number) => string): void {
  for (const item of items.slice(0, WARNING_LINES)) log.warning(line(item));
  if (items.length > WARNING_LINES) log.warning(more(items.length - WARNING_LINES));
}

function reportIntake(intake: IntakeReport, delta: Delta): void {
  warnEach(
    intake.skipped,
    item =>
      `Skipped an item from ${item.id ? `alert ${JSON.stringify(item.id)}` : 'the alert listing'}: ${item.reason}. It cannot be tracked, so it is counted in skipped-count.`,
    count => `${count} more item(s) skipped (see skipped-count).`
  );
  warnEach(
    intake.repaired,
    item =>
      `Alert ${JSON.stringify(item.id)} has malformed fields (${item.problem}); they were left out and the alert is handled with what is valid.`,
    count => `${count} more alert(s) with malformed fields.`
  );
  warnEach(
    delta.futureIds,
    id =>
      `Alert ${JSON.stringify(id)} has a lastUpdateDateTime more than 5 minutes in the future; it was processed, but the fetch cursor does not move past it.`,
    count => `${count} more alert(s) dated in the future.`
  );
}

export async function run(): Promise<void> {
  const startedAt = Date.now();
  const cancel = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    cancel.abort();
    log.warning(`${name} received: no further post starts; what was delivered is being saved.`);
    setTimeout(() => {
      core.setFailed(`${name}: the snapshot could not be saved within ${CANCEL_GRACE_MS / 1000}s of the cancellation.`);
      process.exit(1);
    }, CANCEL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const name of SECRET_INPUTS) registerSecret(core.getInput(name));
    registerWebhookUrl(core.getInput('teams-webhook-url'));
    const settings = await loadSettings(name => core.getInput(name));
    // Each signing key on its own line is a secret of its own (the input as a whole was masked above).
    for (const key of settings.snapshotSigningKeys) registerSecret(key);
    // Route webhook URLs are secrets inside the routes text: mask each one as well.
    for (const route of settings.routes) registerWebhookUrl(route.webhookUrl);
    if (settings.sendTestCard) {
      const { sendTestCards } = await import('./delivery/test-card.js');
      await sendTestCards(settings, cancel.signal);
    } else {
      await runWith(settings, { startedAt, signal: cancel.signal });
    }
    if (cancel.signal.aborted)
      core.setFailed('The run was cancelled; what was delivered before the cancellation is recorded in the snapshot.');
  } catch (error) {
    if (error instanceof ExchangeCancelled) {
      // Cancelled before anything was posted (signing in, reading alerts): nothing to save.
      core.setFailed('The run was cancelled before any post; nothing was posted and the stored snapshot was left as it is.');
      return;
    }
    const known = error instanceof ExplainedError;
    if (!known && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export async function runWith(
  settings: Settings,
  context: RunContext = { startedAt: Date.now(), signal: new AbortController().signal }
): Promise<void> {
  const now = Date.now();
  // The token request goes out first: it is in flight while the snapshot store's code is loaded and the
  // snapshot restored (independent work; on the Actions cache each costs round trips). Nothing is posted
  // before the snapshot is judged.
  const getToken = await signIn(settings, context.signal);
  const store = await chooseStore(settings);
  const loaded = resetOrAdopt(await store.load(now), settings);
  const previous = previousSnapshot(loaded, store, settings);
  // An expired snooze is warned about once, in the first run after it passed; later runs list it in the
  // job summary only (a warning in every run, 288 a day, would teach the team to ignore warnings).
  // The snapshot remembers which expired rules were warned about (a quiet run saves nothing, so savedAt cannot tell).
  const warnedBefore = new Set(previous?.expiredWarned ?? []);
  const expiredSuppress = settings.suppress.filter(rule => rule.until !== undefined && rule.until <= now);
  for (const rule of expiredSuppress) {
    if (!warnedBefore.has(rule.name)) {
      log.warning(
        `Input 'suppress' rule '${rule.name}' expired on ${new Date(rule.until!).toISOString()}: it holds nothing back any more, and alerts it held are posted now if still open. Remove the rule (the job summary lists it until then).`
      );
    }
  }
  log.info(
    previous
      ? `Snapshot restored (${store.kind}${loaded.status === 'found' && loaded.key ? `: ${loaded.key}` : ''}), ${Object.keys(previous.alerts).length} alert(s) known.`
      : `No snapshot in the ${store.kind} store: first run (first-run: ${settings.firstRun}).`
  );

  const { alerts, intake, incidents } = await fetchCurrentAlerts(settings, previous, now, context.signal, getToken);
  const delta = computeDelta(previous, alerts, settings, now);
  reportIntake(intake, delta);
  for (const [rule, count] of delta.suppressed) log.info(`Suppress rule '${rule}' held back ${count} notice(s) in this run.`);
  log.info(
    `Notices owed: ${delta.notices.length} (new ${delta.newCount}, reminders ${delta.reminderCount}); changes seen: ${delta.updatedCount} updated, ${delta.resolvedCount} resolved; ${delta.openCount} open.`
  );

  if (!previous && settings.firstRun === 'silent') {
    log.info(
      `First run with first-run: silent: ${delta.entries.size} alert(s) (${delta.openCount} notifiable and open) are recorded as already told, without posting. From the next run on, new and changed alerts are posted.`
    );
  }
  const delivery = chooseDelivery(settings);
  const mode = delivery.mode;
  // group-by: incident regroups the alert notices into one story per incident (see incidents.ts).
  const incidentPlan =
    settings.groupBy === 'incident'
      ? (await import('./incidents/incidents.js')).planIncidents(delta.notices, incidents, previous?.incidents, settings, now)
      : undefined;
  // Alert cards first: the audit harvest (which can take long) must never keep an alert from the channel.
  const alertNotices = incidentPlan ? sortByPriority(incidentPlan.notices) : delta.notices;
  const planFor = async (notices: Notice[], maxCards: number) =>
    notices.length > 0 ? (await import('./delivery/destinations.js')).planDeliveries(notices, { ...settings, maxCards }) : [];
  const alertDeliveries = await planFor(alertNotices, settings.maxCards);
  const results = await delivery.deliver(alertDeliveries, context);
  // The harvest gets what is left of max-run-time, less a fifth kept for posting its notices and saving.
  const audit = await auditStep(settings, previous, getToken, context);
  const ruleNotices = audit?.notices ?? [];
  if (ruleNotices.length > 0) {
    // One max-cards for the run: rule notices get the individual cards the alerts left.
    const individual = alertDeliveries.flatMap(d => d.plans).filter(plan => plan.notices.length === 1 && !plan.digestHeading).length;
    results.push(
      ...(await delivery.deliver(await planFor(sortByPriority(ruleNotices), Math.max(0, settings.maxCards - individual)), context))
    );
  }
  const toPost = [...alertNotices, ...ruleNotices];
  for (const result of results)
    if (!result.delivered && !result.deferred) log.error(`Not delivered: ${result.plan.label}: ${result.error}`);

  let snapshotKey = '';
  let snapshotBytes: number | undefined;
  if (mode === 'dry-run') {
    log.info('Dry run: the snapshot is not saved.');
  } else {
    // Printed cards count as told: source: file without a webhook is a local trial.
    const delivered = mode === 'post' ? deliveredNotices(results) : new Set(toPost);
    // An incident card delivers the alert notices it carries; alert follow-ups inside incidents are told silently.
    const told = new Set([
      ...delivered,
      ...[...delivered].flatMap(notice => notice.incident?.alerts ?? []),
      ...(incidentPlan?.silent ?? [])
    ]);
    const snapshot = nextSnapshot(delta, told, settings.snapshotScope, now, mode === 'post' ? channelsTold(results) : undefined);
    if (expiredSuppress.length > 0) snapshot.expiredWarned = expiredSuppress.map(rule => rule.name).slice(0, 200);
    if (incidentPlan)
      snapshot.incidents = (await import('./incidents/incidents.js')).nextIncidents(incidentPlan, delivered, now - 2 * RETENTION_MS);
    else if (previous?.incidents) snapshot.incidents = previous.incidents;
    if (audit) {
      const settled = (await import('./rules/audit.js')).settleAudit(audit.state, delivered, now);
      // With no rules and nothing owed, the rules' state is dropped; with rules it is kept.
      if (settings.rules.length > 0 || Object.keys(settled.o).length > 0) snapshot.audit = settled;
    }
    try {
      const fitted = fitSnapshot(snapshot, JSON.stringify(snapshot));
      const json = fitted.json;
      snapshotBytes = fitted.bytes;
      if (fitted.pruned > 0)
        log.warning(
          `The snapshot passed half of what a run reads (${SAVE_BUDGET_BYTES / 1024 / 1024} MiB): the ${fitted.pruned} alert(s) told about longest ago were forgotten (owed and held-back ones are kept). If Graph lists one of them again it is posted again.`
        );
      if (loaded.status === 'found' && !loaded.resign && loaded.digest === contentDigest(json)) {
        // Nothing changed but the time: the stored snapshot is still exact, and writing it again (a cache
        // upload) would be the whole cost of a quiet run.
        snapshotKey = loaded.key ?? '';
        log.info(`Snapshot unchanged (${store.kind}: ${snapshotKey}): not saved again.`);
      } else {
        snapshotKey = await store.save(snapshot, json);
        log.info(
          `Snapshot saved (${store.kind}: ${snapshotKey}), ${Object.keys(snapshot.alerts).length} alert(s)${loaded.status === 'found' && loaded.resign ? `; signed again (${loaded.resign})` : ''}.`
        );
      }
    } catch (error) {
      core.setFailed(
        `The snapshot could not be saved (${(error as Error).message}). The notices above were delivered; the next run may post them again.`
      );
    }
  }

  const outcome: RunOutcome = {
    delta,
    results,
    snapshotKey,
    cacheHit: loaded.status === 'found',
    mode,
    skippedCount: intake.skipped.length,
    suppressed: delta.suppressed,
    heldCount: delta.heldCount,
    expiredSuppress: expiredSuppress.map(rule => ({ name: rule.name, until: rule.until! })),
    snapshotBytes,
    silentFirstRun: previous === undefined && settings.firstRun === 'silent',
    audit: audit && { newCount: audit.newCount, report: audit.report, owed: audit.notices.length }
  };
  setOutputs(outcome, await writeReport(outcome));
  await writeSummary(outcome);
  const { failedCount, postedCount, owedCount } = counts(outcome);
  log.info(`${postedCount} notice(s) ${mode === 'post' ? 'posted' : 'shown'}, ${failedCount} not delivered, ${owedCount} still owed.`);
  const deferred = noticesIn(results, result => result.deferred === 'deadline').size;
  if (deferred > 0 && postedCount === 0 && mode === 'post') {
    // Not a backlog draining: no post could start at all (slow Graph, a long audit harvest, a max-run-time
    // too short). Green runs that post nothing would hide it for as long as it lasts.
    core.setFailed(
      `max-run-time (${settings.maxRunTimeMs / 1000}s) passed before any of the ${deferred} owed notice(s) could be posted: nothing was posted in this run (reading Graph or the audit log took the time). They stay owed for the next run; if this repeats, raise max-run-time.`
    );
  } else if (deferred > 0) {
    log.warning(
      `max-run-time (${settings.maxRunTimeMs / 1000}s) reached: ${deferred} notice(s) were not posted in this run. They stay owed and later runs post them, most severe first (a backlog is draining).`
    );
  }
  if (audit?.report.error) core.setFailed(audit.report.error);
  if (failedCount > 0) {
    core.setFailed(
      `${failedCount} notice(s) could not be delivered to Teams; they are kept in the snapshot and will be posted by the next run.`
    );
  }
}
