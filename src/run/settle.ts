import { nextSnapshot, RETENTION_MS, type Delta } from '../alerts/delta.js';
import { channelsTold, deliveredNotices, incidentMessages, messagesPosted } from '../delivery/answers.js';
import type { DeliveryResult } from '../delivery/channels/channel.js';
import type { IncidentPlan } from '../incidents/incidents.js';
import { nextIncidents } from '../incidents/next-incidents.js';
import type { Notice } from '../model/notice.js';
import { settleAudit, type AuditState } from '../rules/audit-state.js';
import type { Snapshot } from '../snapshot/format.js';

/**
 * The settle step: after delivery, what the channels were told, what is still owed, and the snapshot the
 * next run starts from. Pure (no I/O, nothing given is changed), so the action's most safety-critical
 * decision is unit- and property-tested (__tests__/unit/settle.test.ts):
 * - every notifiable alert is told or owed after every run (owed ones keep their copy in the snapshot);
 * - nothing told is posted again, unless the run is killed or its snapshot is not saved;
 * - owed notices never expire (retention forgets only entries that owe nothing).
 */
export interface SettleInput {
  /** post: the channels' answers decide; print (source: file without a webhook): shown counts as told; dry-run: nothing is saved. */
  mode: 'post' | 'print' | 'dry-run';
  delta: Delta;
  /** Every notice this run planned to deliver: alert (or incident) notices, then rule notices. */
  planned: Notice[];
  /** What each channel answered for each card (post mode). */
  results: DeliveryResult[];
  /** group-by: incident: the incident plan the alert notices were grouped by. */
  incidentPlan?: IncidentPlan;
  /** The incident entries of the previous snapshot (kept as they are without group-by: incident). */
  previousIncidents?: Snapshot['incidents'];
  /** The audit rules' state after this run's harvest (undefined: no rules and nothing owed). */
  audit?: AuditState;
  /** Rules are configured: their state is kept even when nothing is owed. */
  hasRules: boolean;
  scope: string;
  /** Expired suppress rules warned about in this run (the next runs do not warn again). */
  expiredSuppress: string[];
  now: number;
  /** open-alerts-board / -digest: what the previous snapshot knew of the boards, digests and rule notices. */
  openAlerts?: Pick<Snapshot, 'boards' | 'digestDays' | 'ruleLog'>;
}

export interface Settled {
  /** Notices every channel they were sent to accepted (or that were shown, in print mode). */
  delivered: Set<Notice>;
  /** What the next snapshot records as told: the delivered, the alerts an incident card carried, and follow-ups told silently inside an incident. */
  told: Set<Notice>;
  /** Planned notices not delivered: the next run posts them again. */
  owed: Notice[];
  /** The snapshot to save (undefined in a dry run: nothing is saved). */
  snapshot?: Snapshot;
}

/** Expired suppress rule names kept in the snapshot, at most. */
const MAX_EXPIRED_WARNED = 200;

export function settle(input: SettleInput): Settled {
  const { mode, delta, planned, results, now } = input;
  const delivered = mode === 'post' ? deliveredNotices(results) : mode === 'print' ? new Set(planned) : new Set<Notice>();
  // An incident card delivers the alert notices it carries; alert follow-ups inside incidents are told silently.
  const told = new Set([
    ...delivered,
    ...[...delivered].flatMap(notice => notice.incident?.alerts ?? []),
    ...(input.incidentPlan?.silent ?? [])
  ]);
  const owed = planned.filter(notice => !delivered.has(notice));
  if (mode === 'dry-run') return { delivered, told, owed };

  const posted = mode === 'post' ? messagesPosted(results) : new Map();
  const snapshot = nextSnapshot(delta, told, input.scope, now, mode === 'post' ? channelsTold(results) : undefined, posted);
  if (input.expiredSuppress.length > 0) snapshot.expiredWarned = input.expiredSuppress.slice(0, MAX_EXPIRED_WARNED);
  if (input.incidentPlan)
    snapshot.incidents = nextIncidents(input.incidentPlan, delivered, now - 2 * RETENTION_MS, incidentMessages(posted));
  else if (input.previousIncidents) snapshot.incidents = input.previousIncidents;
  if (input.audit) {
    const audit = settleAudit(input.audit, delivered, now);
    // With no rules and nothing owed, the rules' state is dropped; with rules it is kept.
    if (input.hasRules || Object.keys(audit.o).length > 0) snapshot.audit = audit;
  }
  if (input.openAlerts) carryOpenAlerts(snapshot, input.openAlerts, delivered, now);
  return { delivered, told, owed, snapshot };
}

/** Rule notices kept for the board (the last 24 h), at most this many. */
const MAX_RULE_LOG = 2_000;

/** The boards' and digests' state carries over; delivered rule notices join the board's 24-hour log. */
function carryOpenAlerts(snapshot: Snapshot, previous: NonNullable<SettleInput['openAlerts']>, delivered: Set<Notice>, now: number): void {
  if (previous.boards) snapshot.boards = previous.boards;
  if (previous.digestDays) snapshot.digestDays = previous.digestDays;
  const told: Array<[number, string, string]> = [...delivered].flatMap(notice =>
    notice.rule ? [[now, notice.rule.rule, notice.channel ?? 'default'] as [number, string, string]] : []
  );
  const log = [...(previous.ruleLog ?? []).filter(([at]) => at > now - 86_400_000 && at <= now), ...told].slice(-MAX_RULE_LOG);
  if (log.length > 0) snapshot.ruleLog = log;
}
