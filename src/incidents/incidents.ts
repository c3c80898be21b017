import { severityRank, timeOf, type GraphAlert } from '../model/alert.js';
import type { GraphIncident, IncidentStory, Notice } from '../model/notice.js';
import type { Settings } from '../inputs/settings.js';
import type { IncidentEntry } from '../snapshot/format.js';

export type { GraphIncident, IncidentStory } from '../model/notice.js';

/**
 * group-by: incident. Pure: the alert-level delta stays as it is (alerts are told, owed and retried one
 * by one, so switching group-by either way posts nothing already told); this layer regroups its notices
 * into one story per incident and adds the incident's own follow-ups (resolved, reopened, escalated,
 * assigned, merged), from Graph's /security/incidents.
 */

export function incidentSignature(incident: GraphIncident): string {
  return [incident.status, incident.severity, incident.assignedTo, incident.classification, incident.determination]
    .map(v => (typeof v === 'string' ? v : ''))
    .join('|');
}

const TEXT_FIELDS = [
  'displayName',
  'status',
  'severity',
  'assignedTo',
  'classification',
  'determination',
  'incidentWebUrl',
  'redirectIncidentId',
  'lastUpdateDateTime',
  'createdDateTime'
];

/** Incidents are hostile data too: a usable id, text fields of the right type and bounded, nothing else. */
export function checkIncident(raw: unknown): GraphIncident | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const item = raw as Record<string, unknown>;
  const id = typeof item.id === 'number' ? String(item.id) : item.id;
  if (typeof id !== 'string' || id === '' || id.length > 200) return undefined;
  const incident: GraphIncident = { id };
  for (const field of TEXT_FIELDS) {
    const value = item[field];
    if (typeof value === 'string') incident[field] = value.slice(0, field === 'displayName' ? 500 : 2000);
    else if (typeof value === 'number' && field === 'redirectIncidentId') incident[field] = String(value);
  }
  return incident;
}

/** The stand-in alert an incident notice is routed, sorted and listed in digests by. */
function standIn(incident: GraphIncident, alerts: Notice[]): GraphAlert {
  const first = alerts[0]?.alert;
  return {
    id: `incident:${incident.id}`,
    title: incident.displayName || `Incident ${incident.id}`,
    severity: incident.severity ?? first?.severity,
    status: incident.status,
    serviceSource: first?.serviceSource,
    alertWebUrl: incident.incidentWebUrl ?? first?.incidentWebUrl,
    incidentWebUrl: incident.incidentWebUrl ?? first?.incidentWebUrl,
    createdDateTime: incident.createdDateTime ?? first?.createdDateTime
  };
}

/** An incident known only from its alerts (no detail fetched): enough for a card. */
function fromAlerts(id: string, alerts: Notice[]): GraphIncident {
  const worst = [...alerts].sort((a, b) => severityRank(b.alert.severity) - severityRank(a.alert.severity))[0]?.alert;
  // Named after its most severe alert, as the portal does before an analyst renames it.
  const name = worst
    ? `${String(worst.title || worst.id).slice(0, 300)}${alerts.length > 1 ? ` and ${alerts.length - 1} more` : ''}`
    : `Incident ${id}`;
  return {
    id,
    displayName: name,
    status: 'active',
    severity: worst?.severity ?? null,
    incidentWebUrl: alerts[0]?.alert.incidentWebUrl ?? null
  };
}

export interface IncidentPlan {
  /** What to post: incident notices, and the alert notices that stay alert cards (no incident). */
  notices: Notice[];
  /** Alert notices told without a card of their own (follow-ups of alerts inside incidents). */
  silent: Notice[];
  /** Incident entries after this run if every card is delivered; see nextIncidents. */
  base: Record<string, IncidentEntry>;
}

/** Follows merges (redirected → target) from the newest information; stops at loops and long chains. */
function resolveTarget(id: string, lookup: (id: string) => GraphIncident | undefined): string {
  let current = id;
  for (let hop = 0; hop < 5; hop++) {
    const incident = lookup(current);
    if (incident?.status !== 'redirected' || !incident.redirectIncidentId || incident.redirectIncidentId === current) break;
    current = incident.redirectIncidentId;
  }
  return current;
}

function changesOf(
  before: string,
  incident: GraphIncident
): { lines: string[]; kind: 'resolved' | 'updated' | undefined; posted: boolean } {
  const [status, severity, assignedTo] = before.split('|');
  const lines: string[] = [];
  let kind: 'resolved' | 'updated' | undefined;
  if ((incident.status ?? '') !== status) {
    lines.push(`Status: ${status || 'none'} → ${incident.status || 'none'}`);
    kind = incident.status === 'resolved' ? 'resolved' : 'updated';
  }
  if (severityRank(incident.severity) > severityRank(severity)) {
    lines.push(`Severity: ${severity || 'none'} → ${incident.severity}`);
    kind ??= 'updated';
  }
  if ((incident.assignedTo ?? '') !== assignedTo && incident.assignedTo) {
    lines.push(`Assigned to: ${assignedTo || 'nobody'} → ${incident.assignedTo}`);
    kind ??= 'updated';
  }
  return { lines, kind, posted: lines.length > 0 };
}

/** The alert notices by the incident they belong to (merges followed); the rest stay alert notices or are told silently. */
function groupByIncident(alertNotices: Notice[], lookup: (id: string) => GraphIncident | undefined) {
  const notices: Notice[] = [];
  const silent: Notice[] = [];
  const groups = new Map<string, Notice[]>();
  for (const notice of alertNotices) {
    const incidentId = typeof notice.alert.incidentId === 'string' && notice.alert.incidentId ? notice.alert.incidentId : undefined;
    if (!incidentId || notice.kind === 'reminder') {
      // Alerts without an incident stay alert cards; reminders keep their digest of open alerts.
      notices.push(notice);
    } else if (notice.kind === 'new') {
      const target = resolveTarget(incidentId, lookup);
      groups.set(target, [...(groups.get(target) ?? []), notice]);
    } else {
      // The incident tells the story now: an alert's own follow-up is recorded, not posted.
      silent.push(notice);
    }
  }
  return { notices, silent, groups };
}

export function planIncidents(
  alertNotices: Notice[],
  fetched: ReadonlyMap<string, GraphIncident>,
  stored: Record<string, IncidentEntry> | undefined,
  settings: Pick<Settings, 'notifyOn' | 'minSeverity'>,
  now: number
): IncidentPlan {
  const told: Record<string, IncidentEntry> = stored ?? {};
  const base: Record<string, IncidentEntry> = Object.create(null);
  for (const id in told) base[id] = told[id];
  const lookup = (id: string): GraphIncident | undefined =>
    fetched.get(id) ?? (Object.hasOwn(told, id) ? (told[id].a as GraphIncident | undefined) : undefined);
  const { notices, silent, groups } = groupByIncident(alertNotices, lookup);
  const handled = new Set<string>();
  for (const [id, alerts] of groups) {
    handled.add(id);
    const incident = lookup(id) ?? fromAlerts(id, alerts);
    const record: IncidentEntry = { s: incidentSignature(incident), u: timeOf(incident.lastUpdateDateTime) || now };
    const before = Object.hasOwn(told, id) ? told[id] : undefined;
    const titles = alerts.slice(0, 3).map(n => String(n.alert.title ?? n.alert.id).slice(0, 120));
    const changes = before
      ? [
          `+${alerts.length} alert${alerts.length === 1 ? '' : 's'}: ${titles.join(' · ')}${alerts.length > 3 ? ` · +${alerts.length - 3} more` : ''}`
        ]
      : [];
    if (before) changes.push(...changesOf(before.s, incident).lines);
    // teams-delivery: bot: the incident's card is edited and replied to, and its message kept.
    if (before?.m) record.m = before.m;
    notices.push({
      kind: before ? 'updated' : 'new',
      alert: standIn(incident, alerts),
      incident: { incident, alerts, changes, record },
      ...(before?.m ? { messages: before.m } : {})
    });
  }
  // The incidents' own changes: only for incidents the channel was told about.
  const candidates = new Map<string, GraphIncident>();
  for (const id in told) if (told[id].a) candidates.set(id, told[id].a as GraphIncident);
  for (const [id, incident] of fetched) if (Object.hasOwn(told, id)) candidates.set(id, incident);
  for (const [id, incident] of candidates) {
    if (handled.has(id)) continue;
    const before = told[id];
    const record: IncidentEntry = { s: incidentSignature(incident), u: timeOf(incident.lastUpdateDateTime) || before.u, r: before.r };
    if (before.m) record.m = before.m;
    const messages = before.m ? { messages: before.m } : {};
    const target = incident.status === 'redirected' ? (incident.redirectIncidentId ?? undefined) : undefined;
    if (target && before.r !== target) {
      // Merged: one notice; later notices follow the target incident.
      record.r = target;
      const story: IncidentStory = { incident, alerts: [], changes: [`Merged into incident #${target}`], record };
      notices.push({ kind: 'updated', alert: standIn(incident, []), incident: story, ...messages });
      base[id] = { ...before, a: incident };
      // The target carries the story on: it is told from now on (its alerts already told are not posted again).
      const merged = lookup(target);
      if (merged && !Object.hasOwn(base, target))
        base[target] = { s: incidentSignature(merged), u: timeOf(merged.lastUpdateDateTime) || now };
      continue;
    }
    if (record.s === before.s) continue;
    const change = changesOf(before.s, incident);
    const belowBar = severityRank(incident.severity) !== -1 && severityRank(incident.severity) < severityRank(settings.minSeverity);
    if (change.kind && change.posted && !belowBar && settings.notifyOn.includes(change.kind)) {
      notices.push({
        kind: change.kind,
        alert: standIn(incident, []),
        incident: { incident, alerts: [], changes: change.lines, record },
        ...messages
      });
      base[id] = { ...before, a: incident };
    } else {
      // Not worth a card (classification only, or notify-on leaves it out): recorded as told.
      base[id] = record;
    }
  }
  return { notices, silent, base };
}
