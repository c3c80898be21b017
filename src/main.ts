import * as core from '@actions/core';
import type { GraphAlert } from './alert.js';
import { alertKeeper, computeDelta, fetchWindowStart, nextSnapshot } from './delta.js';
import { ExplainedError } from './errors.js';
import { counts, deliveredNotices, setOutputs, writeReport, writeSummary, type RunOutcome } from './report.js';
import { parseSettings, SettingsError, type Settings } from './settings.js';
import { FileSnapshotStore } from './snapshot/file-store.js';
import type { Snapshot } from './snapshot/format.js';
import type { SnapshotStore } from './snapshot/store.js';
import { readAlertsFile } from './source-file.js';
import { NO_ROUTE_ERROR, planDeliveries } from './destinations.js';
import type { CardPlan } from './teams/cards.js';
import type { DeliveryResult } from './teams/webhook.js';

// MSAL, @actions/cache (with the Azure Storage SDK) and undici are imported only by the runs that use
// them: loading all three costs more than the rest of a run (see `npm run bench`).

/** Inputs that are secrets: masked before anything else runs, so no later log line can reveal them. */
const SECRET_INPUTS = ['client-secret', 'client-certificate', 'client-certificate-password', 'teams-webhook-url'];

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
  if (settings.snapshotStore === 'actions-cache' || (settings.snapshotStore === 'auto' && cacheAvailable)) {
    const { ActionsCacheSnapshotStore } = await import('./snapshot/cache-store.js');
    return new ActionsCacheSnapshotStore(settings.cacheKeyPrefix, settings.snapshotScope, env);
  }
  return new FileSnapshotStore(settings.snapshotPath, settings.snapshotScope);
}

async function fetchCurrentAlerts(settings: Settings, previous: Snapshot | undefined, now: number): Promise<GraphAlert[]> {
  if (settings.source === 'file') return readAlertsFile(settings.alertsFile!);
  const since = fetchWindowStart(previous, now, settings.lookbackMs);
  const graph = settings.graph!;
  const [{ createTokenProvider }, { fetchAlerts, GRAPH_RETRY_POLICY }] = await Promise.all([import('./auth.js'), import('./graph/alerts.js')]);
  const getToken = await createTokenProvider(graph);
  const { alerts, requests } = await fetchAlerts(
    graph.graphEndpoint,
    { since, serviceSources: settings.serviceSources },
    {
      getToken,
      policy: { ...GRAPH_RETRY_POLICY, timeoutMs: settings.requestTimeoutMs },
      onRetry: (reason, delayMs) => core.info(`Microsoft Graph: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`)
    },
    alertKeeper(previous, settings)
  );
  core.info(`Read ${alerts.length} alert(s) updated since ${new Date(since).toISOString()} in ${requests} Graph request(s).`);
  return alerts;
}

function printCards(plans: CardPlan[]): DeliveryResult[] {
  for (const plan of plans) {
    core.startGroup(`Card: ${plan.label}`);
    core.info(JSON.stringify(plan.card, null, 2));
    core.endGroup();
  }
  return plans.map(plan => ({ plan, delivered: true }));
}

export async function run(): Promise<void> {
  try {
    for (const name of SECRET_INPUTS) {
      const value = core.getInput(name);
      if (value) core.setSecret(value);
    }
    const settings = parseSettings(name => core.getInput(name));
    // Route webhook URLs are secrets inside the routes text: mask each one as well.
    for (const route of settings.routes) core.setSecret(route.webhookUrl);
    await runWith(settings);
  } catch (error) {
    const known = error instanceof ExplainedError;
    if (!known && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

export async function runWith(settings: Settings): Promise<void> {
  const now = Date.now();
  const store = await chooseStore(settings);
  const loaded = await store.load();
  if (loaded.status === 'unavailable') {
    // Posting now would treat every alert of the look-back window as new and flood the channel.
    throw new Error(`The alert snapshot could not be read from the ${store.kind === 'actions-cache' ? 'Actions cache' : 'file store'} (${loaded.reason}). Nothing was posted, so the channel is not flooded with alerts it already saw; the next run will try again.`);
  }
  if (loaded.status === 'missing' && loaded.note) core.warning(`Snapshot ignored: ${loaded.note}.`);
  const previous = loaded.status === 'found' ? loaded.snapshot : undefined;
  core.info(previous ? `Snapshot restored (${store.kind}${loaded.status === 'found' && loaded.key ? `: ${loaded.key}` : ''}), ${Object.keys(previous.alerts).length} alert(s) known.` : `No snapshot in the ${store.kind} store: first run (first-run: ${settings.firstRun}).`);

  const alerts = await fetchCurrentAlerts(settings, previous, now);
  const delta = computeDelta(previous, alerts, settings, now);
  core.info(`Notices owed: ${delta.notices.length} (new ${delta.newCount}, reminders ${delta.reminderCount}); changes seen: ${delta.updatedCount} updated, ${delta.resolvedCount} resolved; ${delta.openCount} open.`);

  const deliveries = planDeliveries(delta.notices, settings);
  const mode: RunOutcome['mode'] = settings.dryRun ? 'dry-run' : settings.webhookUrl || settings.routes.length > 0 ? 'post' : 'print';
  let results: DeliveryResult[] = [];
  if (mode === 'post') {
    const { deliverCards, TEAMS_RETRY_POLICY } = await import('./teams/webhook.js');
    // Channels one after another: each Workflows URL has its own throttle, and the log stays readable.
    for (const { destination, plans } of deliveries) {
      if (!destination.url) {
        results.push(...plans.map(plan => ({ plan, delivered: false, error: `${plan.notices.length} alert(s) ${NO_ROUTE_ERROR}` })));
        continue;
      }
      results.push(
        ...(await deliverCards(plans, {
          url: destination.url,
          kind: destination.kind,
          intervalMs: settings.postIntervalMs,
          rate: settings.postRate,
          onPace: (label, delayMs) => core.info(`Teams: ${label}: waiting ${(delayMs / 1000).toFixed(0)}s to stay within post-rate ${settings.postRate.requests} per ${settings.postRate.windowMs / 1000}s.`),
          policy: { ...TEAMS_RETRY_POLICY, timeoutMs: settings.requestTimeoutMs },
          onRetry: (label, reason, delayMs) => core.info(`Teams: ${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`)
        }))
      );
    }
  } else {
    const plans = deliveries.flatMap(delivery => delivery.plans);
    if (plans.length > 0) core.info(mode === 'dry-run' ? 'Dry run: cards are printed, not posted.' : 'No teams-webhook-url: cards are printed to the log instead of posted.');
    results = printCards(plans);
  }
  for (const result of results) if (!result.delivered) core.error(`Not delivered: ${result.plan.label}: ${result.error}`);

  let snapshotKey = '';
  if (mode === 'dry-run') {
    core.info('Dry run: the snapshot is not saved.');
  } else {
    const snapshot = nextSnapshot(delta, mode === 'post' ? deliveredNotices(results) : new Set(delta.notices), settings.snapshotScope, now);
    try {
      snapshotKey = await store.save(snapshot);
      core.info(`Snapshot saved (${store.kind}: ${snapshotKey}), ${Object.keys(snapshot.alerts).length} alert(s).`);
    } catch (error) {
      core.setFailed(`The snapshot could not be saved (${(error as Error).message}). The notices above were delivered; the next run may post them again.`);
    }
  }

  const outcome: RunOutcome = { delta, results, snapshotKey, cacheHit: loaded.status === 'found', mode };
  setOutputs(outcome, await writeReport(outcome));
  await writeSummary(outcome);
  const { failedCount, postedCount } = counts(outcome);
  core.info(`${postedCount} notice(s) ${mode === 'post' ? 'posted' : 'shown'}, ${failedCount} not delivered.`);
  if (failedCount > 0) {
    core.setFailed(`${failedCount} notice(s) could not be delivered to Teams; they are kept in the snapshot and will be posted by the next run.`);
  }
}
