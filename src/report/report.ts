import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '../runtime/runner-io.js';
import type { GraphAlert } from '../model/alert.js';
import type { Delta } from '../alerts/delta.js';
import { MAX_CREATES_PER_DAY } from '../rules/audit-ledger.js';
import { redact } from '../runtime/secrets.js';
import { confirmedNotices, deliveredNotices, editedCount, noticesIn } from '../delivery/answers.js';
import type { DeliveryResult } from '../delivery/channels/channel.js';

/**
 * Outputs, the report file and the job summary. Outputs are capped at 1 MB per job by the runner, so
 * `new-alerts` stays compact (at most NEW_ALERTS_OUTPUT_LIMIT entries) and the report file has the rest.
 */
export const NEW_ALERTS_OUTPUT_LIMIT = 100;
/** The report file lists at most this many notices (whole alerts) and cards, and says how many it left out. */
export const REPORT_NOTICE_LIMIT = 2_000;
/** The report file's size at most: the notices and cards listed are cut until it fits. */
export const REPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Job summary rows; GitHub drops a summary over 1 MiB. */
export const SUMMARY_ROW_LIMIT = 300;

export interface RunOutcome {
  delta: Delta;
  results: DeliveryResult[];
  snapshotKey: string;
  cacheHit: boolean;
  mode: 'post' | 'print' | 'dry-run';
  /** Items of the listing that could not be handled as alerts (see intake.ts). */
  skippedCount: number;
  /** The first run recorded the alerts it found without posting them (first-run: silent). */
  silentFirstRun?: boolean;
  /** Notices suppress rules began to hold back in this run, by rule name. */
  suppressed?: Map<string, number>;
  /** Alerts held back by suppress rules after the run. */
  heldCount?: number;
  /** Suppress rules whose `until` has passed: listed in the job summary until removed. */
  expiredSuppress?: Array<{ name: string; until: number }>;
  /** Bytes of the snapshot JSON saved (or kept unchanged) by the run. */
  snapshotBytes?: number;
  /** rules: what the audit rules did this run. */
  audit?: { newCount: number; owed: number; report: import('../rules/audit.js').AuditReport };
  /** open-alerts-board / -digest: whether this run edited or posted a board, and posted a digest. */
  openAlerts?: { boardUpdated: boolean; digestPosted: boolean };
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

export function counts(outcome: RunOutcome) {
  const delivered = deliveredNotices(outcome.results);
  // A notice sent to several channels (routes: a follow-up where the card went) counts once.
  const planned = noticesIn(outcome.results);
  // Deferred notices (max-run-time, cancellation) are owed, not failed: Teams never refused them.
  const failed = noticesIn(outcome.results, result => !result.delivered && !result.deferred).size;
  return {
    newCount: outcome.delta.newCount,
    updatedCount: outcome.delta.updatedCount,
    resolvedCount: outcome.delta.resolvedCount,
    openCount: outcome.delta.openCount,
    reminderCount: outcome.delta.reminderCount,
    postedCount: delivered.size,
    failedCount: failed,
    owedCount: planned.size - delivered.size,
    skippedCount: outcome.skippedCount,
    suppressedCount: [...(outcome.suppressed?.values() ?? [])].reduce((sum, count) => sum + count, 0),
    ruleNoticeCount: outcome.audit?.newCount ?? 0,
    confirmedCount: confirmedNotices(outcome.results).size,
    editedCount: editedCount(outcome.results)
  };
}

export async function writeReport(outcome: RunOutcome, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const directory = env.RUNNER_TEMP || os.tmpdir();
  const file = path.join(directory, `m365-alerts-report-${env.GITHUB_RUN_ID || process.pid}-${env.GITHUB_RUN_ATTEMPT || '1'}.json`);
  // Whole alerts are large (up to a few hundred KB each): the file is cut to REPORT_MAX_BYTES by listing
  // fewer notices and cards, halving until it fits, and says how many it left out.
  let limit = REPORT_NOTICE_LIMIT;
  let text = reportText(outcome, limit);
  while (Buffer.byteLength(text) > REPORT_MAX_BYTES && limit > 0) {
    limit = Math.floor(limit / 2);
    text = reportText(outcome, limit);
  }
  await fs.mkdir(directory, { recursive: true });
  await fs.writeFile(file, text);
  return file;
}

function reportText(outcome: RunOutcome, limit: number): string {
  const { notices } = outcome.delta;
  const cards = outcome.results.slice(0, limit);
  const report = {
    ...counts(outcome),
    mode: outcome.mode,
    firstRun: outcome.delta.firstRun,
    snapshotKey: outcome.snapshotKey,
    cacheHit: outcome.cacheHit,
    cards: cards.map(result => ({
      label: result.plan.label,
      delivered: result.delivered,
      deferred: result.deferred ?? null,
      error: result.error ?? null,
      alerts: result.plan.notices.map(notice => ({ kind: notice.kind, ...compactAlert(notice.alert) }))
    })),
    cardsLeftOut: outcome.results.length - cards.length,
    notices: notices
      .slice(0, limit)
      .map(notice => ({ kind: notice.kind, previousState: notice.previousSignature ?? null, alert: notice.alert })),
    noticesLeftOut: Math.max(0, notices.length - limit),
    rules: outcome.audit
      ? {
          newNotices: outcome.audit.newCount,
          owedBeforeDelivery: outcome.audit.owed,
          queriesInFlight: outcome.audit.report.inFlight,
          queriesCreated: outcome.audit.report.created,
          queriesCreatedLast24h: outcome.audit.report.createdToday,
          windowsHarvested: outcome.audit.report.harvested,
          recordsRead: outcome.audit.report.records,
          recordsCountedByRule: Object.fromEntries(outcome.audit.report.hits),
          windowsGivenUp: outcome.audit.report.gaveUp,
          error: outcome.audit.report.error ?? null
        }
      : null
  };
  // Alerts are bounded copies (intake.ts), so this cannot recurse without end; server answers in errors are
  // redacted where they arise, and once more here for any signed URL.
  return redact(JSON.stringify(report, null, 2));
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
  core.setOutput('owed-count', c.owedCount);
  core.setOutput('skipped-count', c.skippedCount);
  core.setOutput('suppressed-count', c.suppressedCount);
  core.setOutput('rule-notice-count', c.ruleNoticeCount);
  core.setOutput('confirmed-count', c.confirmedCount);
  core.setOutput('edited-count', c.editedCount);
  core.setOutput('board-updated', String(outcome.openAlerts?.boardUpdated ?? false));
  core.setOutput('digest-posted', String(outcome.openAlerts?.digestPosted ?? false));
  const newAlerts = outcome.delta.notices.filter(notice => notice.kind === 'new').slice(0, NEW_ALERTS_OUTPUT_LIMIT);
  core.setOutput('new-alerts', JSON.stringify(newAlerts.map(notice => compactAlert(notice.alert))));
  core.setOutput('report-path', reportPath);
  core.setOutput('snapshot-key', outcome.snapshotKey);
  core.setOutput('cache-hit', String(outcome.cacheHit));
}

export async function writeSummary(outcome: RunOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const c = counts(outcome);
  const verb =
    outcome.mode === 'post'
      ? 'posted to Teams'
      : outcome.mode === 'print'
        ? 'printed to the log (no teams-webhook-url)'
        : 'shown only (dry run)';
  core.summary.addHeading('Microsoft 365 security alerts', 3);
  core.summary.addRaw(
    `<p>${c.newCount} new, ${c.updatedCount} updated, ${c.resolvedCount} resolved, ${c.openCount} open. ${c.postedCount} notice(s) ${verb}${c.failedCount ? `, <b>${c.failedCount} not delivered</b>` : ''}${c.owedCount > c.failedCount ? `, ${c.owedCount - c.failedCount} left for the next run (max-run-time or cancellation)` : ''}${c.skippedCount ? `, ${c.skippedCount} item(s) of the listing skipped (see the warnings)` : ''}.</p>`,
    true
  );
  const total = outcome.results.reduce((sum, result) => sum + result.plan.notices.length, 0);
  if (total > 0) {
    // The text tools (a link detector and the TLD list) are loaded only when there are rows to show.
    const { summaryRow, SUMMARY_HEADER } = await import('./summary-html.js');
    const rows: string[][] = [];
    for (const result of outcome.results) {
      for (const notice of result.plan.notices) {
        if (rows.length >= SUMMARY_ROW_LIMIT) break;
        rows.push(summaryRow(notice, result));
      }
    }
    core.summary.addTable([SUMMARY_HEADER.map(data => ({ data, header: true })), ...rows]);
    if (total > rows.length) {
      core.summary.addRaw(`<p>${total - rows.length} more row(s) left out; the report file (report-path) lists them.</p>`, true);
    }
  }
  if (outcome.suppressed && outcome.suppressed.size > 0) {
    const { html } = await import('./summary-html.js');
    core.summary.addTable([
      [
        { data: 'Suppress rule', header: true },
        { data: 'Notices held back in this run', header: true }
      ],
      ...[...outcome.suppressed].map(([rule, count]) => [html(rule), String(count)])
    ]);
  }
  if (outcome.expiredSuppress && outcome.expiredSuppress.length > 0) {
    const { html } = await import('./summary-html.js');
    core.summary.addRaw(
      `<p>Expired suppress rules (they hold nothing back; remove them from the workflow): ${outcome.expiredSuppress
        .map(rule => `${html(rule.name)} (until ${new Date(rule.until).toISOString()})`)
        .join(', ')}.</p>`,
      true
    );
  }
  if (outcome.snapshotBytes !== undefined) {
    core.summary.addRaw(
      `<p>Snapshot: ${(outcome.snapshotBytes / 1024).toFixed(0)} KB (JSON; a run reads up to 256 MiB)${outcome.heldCount ? `, ${outcome.heldCount} alert(s) held back by suppress rules` : ''}.</p>`,
      true
    );
  }
  if (outcome.audit) await summarizeAudit(outcome.audit);
  if (outcome.delta.firstRun && outcome.silentFirstRun) {
    core.summary.addRaw(
      `<p>First run with first-run: silent: ${outcome.delta.entries.size} alert(s) were recorded as already told, without posting. From the next run on, new and changed alerts are posted.</p>`,
      true
    );
  }
  await core.summary.write();
}

/** The audit rules' part of the job summary: queries, windows given up, and every rule with its count. */
async function summarizeAudit(audit: NonNullable<RunOutcome['audit']>): Promise<void> {
  const { html } = await import('./summary-html.js');
  const r = audit.report;
  core.summary.addHeading('Audit log rules', 4);
  core.summary.addRaw(
    `<p>${audit.newCount} new rule notice(s), ${audit.owed} owed before delivery. Queries: ${r.inFlight} in flight, ${r.created} created (${r.createdToday} in the last 24 h, budget ${MAX_CREATES_PER_DAY}), ${r.harvested} window(s) harvested with ${r.records} record(s)${r.deferredUntil ? `; the API asked to wait (429) until ${new Date(r.deferredUntil).toISOString()}` : ''}${r.gaveUp.length ? `; <b>${r.gaveUp.length} window(s) given up: ${r.gaveUp.map(html).join(', ')}</b> (records only in them are not counted)` : ''}.${r.error ? ` <b>${html(r.error)}</b>` : ''}</p>`,
    true
  );
  // Every configured rule, the quiet ones with 0: an admin sees that a rule is there and read nothing.
  const names = [...new Set([...r.rules, ...r.hits.keys()])];
  if (names.length > 0) {
    core.summary.addTable([
      [
        { data: 'Rule', header: true },
        { data: 'Records counted this run', header: true }
      ],
      ...names.map(rule => [html(rule), String(r.hits.get(rule) ?? 0)])
    ]);
  }
}
