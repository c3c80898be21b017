import type { MessageRef, Notice } from '../model/notice.js';
import type { IncidentEntry } from '../snapshot/format.js';
import type { IncidentPlan } from './incidents.js';

/** After delivery (the settle step): what the snapshot keeps per incident. Apart from incidents.ts, which only group-by: incident loads. */

/** Incident entries after delivery: delivered stories are recorded; owed ones keep their copy for the next run. */
export function nextIncidents(
  plan: IncidentPlan,
  delivered: ReadonlySet<Notice>,
  keepAfter: number,
  /** teams-delivery: bot: the messages posted about each incident id in this run, by channel. */
  postedIn: ReadonlyMap<string, Record<string, MessageRef>> = new Map()
): Record<string, IncidentEntry> {
  const next: Record<string, IncidentEntry> = Object.create(null);
  // Entries untouched for long and owing nothing are forgotten, like alert entries.
  for (const id in plan.base) if (plan.base[id].a || plan.base[id].u >= keepAfter) next[id] = plan.base[id];
  for (const notice of plan.notices) {
    if (!notice.incident || !delivered.has(notice)) continue;
    const id = notice.incident.incident.id;
    const posted = postedIn.get(id);
    next[id] = posted
      ? { ...notice.incident.record, m: Object.assign(Object.create(null), notice.incident.record.m, posted) }
      : notice.incident.record;
  }
  return next;
}
