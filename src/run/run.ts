import * as core from '../runtime/runner-io.js';
import { computeDelta, sortByPriority, type Delta } from '../alerts/delta.js';
import type { IntakeReport } from '../alerts/intake.js';
import { noticesIn } from '../delivery/answers.js';
import { chooseDelivery, type Delivery, type RunContext } from '../delivery/delivery.js';
import type { DeliveryResult } from '../delivery/channels/channel.js';
import type { GraphIncident, IncidentPlan } from '../incidents/incidents.js';
import type { Settings } from '../inputs/settings.js';
import type { Notice } from '../model/notice.js';
import { counts, setOutputs, writeReport, writeSummary, type RunOutcome } from '../report/report.js';
import * as log from '../runtime/log.js';
import type { Snapshot } from '../snapshot/format.js';
import { auditStep, fetchCurrentAlerts, signIn } from './read.js';
import { settle } from './settle.js';
import { describeRestored, restore, save } from './snapshot-step.js';

/**
 * One run, step by step: sign in, restore the snapshot, read, decide (the delta), deliver (alert cards
 * first, then the audit rules and their notices), settle (settle.ts: told, owed, the next snapshot),
 * save, report. This module orders the steps; each decision is made in the step's own module.
 */

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

/**
 * An expired snooze is warned about once, in the first run after it passed; later runs list it in the job
 * summary only (a warning in every run, 288 a day, would teach the team to ignore warnings). The snapshot
 * remembers which expired rules were warned about (a quiet run saves nothing, so savedAt cannot tell).
 */
function expiredSuppressRules(settings: Settings, previous: Snapshot | undefined, now: number) {
  const warnedBefore = new Set(previous?.expiredWarned ?? []);
  const expired = settings.suppress.filter(rule => rule.until !== undefined && rule.until <= now);
  for (const rule of expired) {
    if (!warnedBefore.has(rule.name)) {
      log.warning(
        `Input 'suppress' rule '${rule.name}' expired on ${new Date(rule.until!).toISOString()}: it holds nothing back any more, and alerts it held are posted now if still open. Remove the rule (the job summary lists it until then).`
      );
    }
  }
  return expired.map(rule => ({ name: rule.name, until: rule.until! }));
}

function describeDelta(delta: Delta, intake: IntakeReport, firstRunSilent: boolean): void {
  reportIntake(intake, delta);
  for (const [rule, count] of delta.suppressed) log.info(`Suppress rule '${rule}' held back ${count} notice(s) in this run.`);
  log.info(
    `Notices owed: ${delta.notices.length} (new ${delta.newCount}, reminders ${delta.reminderCount}); changes seen: ${delta.updatedCount} updated, ${delta.resolvedCount} resolved; ${delta.openCount} open.`
  );
  if (firstRunSilent) {
    log.info(
      `First run with first-run: silent: ${delta.entries.size} alert(s) (${delta.openCount} notifiable and open) are recorded as already told, without posting. From the next run on, new and changed alerts are posted.`
    );
  }
}

interface Delivered {
  planned: Notice[];
  results: DeliveryResult[];
  incidentPlan?: IncidentPlan;
  audit?: import('../rules/audit.js').AuditOutcome;
}

/** Alert cards first: the audit harvest (which can take long) must never keep an alert from the channel. */
async function deliverAll(
  settings: Settings,
  read: { delta: Delta; incidents: Map<string, GraphIncident>; previous: Snapshot | undefined; now: number },
  delivery: Delivery,
  getToken: (() => Promise<string>) | undefined,
  context: RunContext
): Promise<Delivered> {
  const { delta, incidents, previous, now } = read;
  // group-by: incident regroups the alert notices into one story per incident (see incidents/).
  const incidentPlan =
    settings.groupBy === 'incident'
      ? (await import('../incidents/incidents.js')).planIncidents(delta.notices, incidents, previous?.incidents, settings, now)
      : undefined;
  const alertNotices = incidentPlan ? sortByPriority(incidentPlan.notices) : delta.notices;
  const planFor = async (notices: Notice[], maxCards: number) =>
    notices.length > 0 ? (await import('../delivery/destinations.js')).planDeliveries(notices, { ...settings, maxCards }) : [];
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
  for (const result of results)
    if (!result.delivered && !result.deferred) log.error(`Not delivered: ${result.plan.label}: ${result.error}`);
  return { planned: [...alertNotices, ...ruleNotices], results, incidentPlan, audit };
}

/** Outputs, report file, job summary, and the run's verdict. */
async function finish(outcome: RunOutcome, settings: Settings, auditError: string | undefined): Promise<void> {
  setOutputs(outcome, await writeReport(outcome));
  await writeSummary(outcome);
  const { failedCount, postedCount, owedCount } = counts(outcome);
  const { mode, results } = outcome;
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
  if (auditError) core.setFailed(auditError);
  if (failedCount > 0) {
    core.setFailed(
      `${failedCount} notice(s) could not be delivered to Teams; they are kept in the snapshot and will be posted by the next run.`
    );
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
  const restored = await restore(settings, now);
  const { previous, loaded } = restored;
  const expiredSuppress = expiredSuppressRules(settings, previous, now);
  log.info(describeRestored(restored, settings));

  const { alerts, intake, incidents } = await fetchCurrentAlerts(settings, previous, now, context.signal, getToken);
  const delta = computeDelta(previous, alerts, settings, now);
  const silentFirstRun = previous === undefined && settings.firstRun === 'silent';
  describeDelta(delta, intake, silentFirstRun);
  const delivery = chooseDelivery(settings);
  const { planned, results, incidentPlan, audit } = await deliverAll(
    settings,
    { delta, incidents, previous, now },
    delivery,
    getToken,
    context
  );

  const settled = settle({
    mode: delivery.mode,
    delta,
    planned,
    results,
    incidentPlan,
    previousIncidents: previous?.incidents,
    audit: audit?.state,
    hasRules: settings.rules.length > 0,
    scope: settings.snapshotScope,
    expiredSuppress: expiredSuppress.map(rule => rule.name),
    now,
    openAlerts: settings.openAlertsBoard || settings.openAlertsDigest ? (previous ?? {}) : undefined
  });
  const openAlerts = settled.snapshot
    ? await (await import('../board/board-step.js')).showOpenAlerts(settings, settled.snapshot, delivery, context, now)
    : undefined;
  let saved: { key: string; bytes: number } | undefined;
  if (!settled.snapshot) log.info('Dry run: the snapshot is not saved.');
  else {
    try {
      saved = await save(settled.snapshot, restored);
    } catch (error) {
      core.setFailed(
        `The snapshot could not be saved (${(error as Error).message}). The notices above were delivered; the next run may post them again.`
      );
    }
  }
  const outcome: RunOutcome = {
    delta,
    results,
    snapshotKey: saved?.key ?? '',
    cacheHit: loaded.status === 'found',
    mode: delivery.mode,
    skippedCount: intake.skipped.length,
    suppressed: delta.suppressed,
    heldCount: delta.heldCount,
    expiredSuppress,
    snapshotBytes: saved?.bytes,
    silentFirstRun,
    audit: audit && { newCount: audit.newCount, report: audit.report, owed: audit.notices.length },
    openAlerts
  };
  await finish(outcome, settings, audit?.report.error);
}
