import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import type { GraphAlert } from './alert.js';
import type { Delta, Notice } from './delta.js';
import type { DeliveryResult } from './teams/webhook.js';
import { neutralize, truncate } from './teams/text.js';

/**
 * Outputs, the report file and the job summary. Outputs are capped at 1 MB per job by the runner, so
 * `new-alerts` stays compact (at most NEW_ALERTS_OUTPUT_LIMIT entries) and the report file has the rest.
 */
export const NEW_ALERTS_OUTPUT_LIMIT = 100;

export interface RunOutcome {
  delta: Delta;
  results: DeliveryResult[];
  snapshotKey: string;
  cacheHit: boolean;
  mode: 'post' | 'print' | 'dry-run';
}

export function compactAlert(alert: GraphAlert) {
  return {
    id: alert.id,
    title: alert.title ?? null,
    severity: alert.severity ?? null,
    status: alert.status ?? null,
    serviceSource: alert.serviceSource ?? null,
    createdDateTime: alert.createdDateTime ?? null,
    alertWebUrl: alert.alertWebUrl ?? null
  };
}

export function deliveredNotices(results: DeliveryResult[]): Set<Notice> {
  return new Set(results.filter(result => result.delivered).flatMap(result => result.plan.notices));
}

export function counts(outcome: RunOutcome) {
  const delivered = deliveredNotices(outcome.results);
  const owed = outcome.results.flatMap(result => result.plan.notices);
  return {
    newCount: outcome.delta.newCount,
    updatedCount: outcome.delta.updatedCount,
    resolvedCount: outcome.delta.resolvedCount,
    openCount: outcome.delta.openCount,
    reminderCount: outcome.delta.reminderCount,
    postedCount: delivered.size,
    failedCount: owed.length - delivered.size
  };
}

export async function writeReport(outcome: RunOutcome, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const directory = env.RUNNER_TEMP || os.tmpdir();
  const file = path.join(directory, `m365-alerts-report-${env.GITHUB_RUN_ID || process.pid}-${env.GITHUB_RUN_ATTEMPT || '1'}.json`);
  const report = {
    ...counts(outcome),
    mode: outcome.mode,
    firstRun: outcome.delta.firstRun,
    snapshotKey: outcome.snapshotKey,
    cacheHit: outcome.cacheHit,
    cards: outcome.results.map(result => ({
      label: result.plan.label,
      delivered: result.delivered,
      error: result.error ?? null,
      alerts: result.plan.notices.map(notice => ({ kind: notice.kind, ...compactAlert(notice.alert) }))
    })),
    notices: outcome.delta.notices.map(notice => ({ kind: notice.kind, previousState: notice.previousSignature ?? null, alert: notice.alert }))
  };
  await fs.mkdir(directory, { recursive: true });
  await fs.writeFile(file, JSON.stringify(report, null, 2));
  return file;
}

export function setOutputs(outcome: RunOutcome, reportPath: string): void {
  const c = counts(outcome);
  core.setOutput('new-count', c.newCount);
  core.setOutput('updated-count', c.updatedCount);
  core.setOutput('resolved-count', c.resolvedCount);
  core.setOutput('open-count', c.openCount);
  core.setOutput('reminder-count', c.reminderCount);
  core.setOutput('posted-count', c.postedCount);
  core.setOutput('failed-count', c.failedCount);
  const newAlerts = outcome.delta.notices.filter(notice => notice.kind === 'new').slice(0, NEW_ALERTS_OUTPUT_LIMIT);
  core.setOutput('new-alerts', JSON.stringify(newAlerts.map(notice => compactAlert(notice.alert))));
  core.setOutput('report-path', reportPath);
  core.setOutput('snapshot-key', outcome.snapshotKey);
  core.setOutput('cache-hit', String(outcome.cacheHit));
}

/** Alert text in the summary is HTML: escape it, and keep it inert like on the cards. */
function html(text: string): string {
  return neutralize(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/‹/g, '&lt;').replace(/›/g, '&gt;');
}

export async function writeSummary(outcome: RunOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const c = counts(outcome);
  const verb = outcome.mode === 'post' ? 'posted to Teams' : outcome.mode === 'print' ? 'printed to the log (no teams-webhook-url)' : 'shown only (dry run)';
  core.summary.addHeading('Microsoft 365 security alerts', 3);
  core.summary.addRaw(
    `<p>${c.newCount} new, ${c.updatedCount} updated, ${c.resolvedCount} resolved, ${c.openCount} open. ${c.postedCount} notice(s) ${verb}${c.failedCount ? `, <b>${c.failedCount} not delivered</b>` : ''}.</p>`,
    true
  );
  const rows = outcome.results.flatMap(result =>
    result.plan.notices.slice(0, 200).map(notice => [
      html(notice.kind),
      html(notice.alert.severity ?? ''),
      html(truncate(notice.alert.title ?? notice.alert.id, 120)),
      html(notice.alert.serviceSource ?? ''),
      result.delivered ? '✅' : `❌ ${html(truncate(result.error ?? '', 160))}`
    ])
  );
  if (rows.length > 0) {
    core.summary.addTable([
      [
        { data: 'Notice', header: true },
        { data: 'Severity', header: true },
        { data: 'Title', header: true },
        { data: 'Source', header: true },
        { data: 'Delivered', header: true }
      ],
      ...rows.slice(0, 500)
    ]);
  }
  await core.summary.write();
}
