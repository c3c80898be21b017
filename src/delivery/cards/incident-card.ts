import type { GraphAlert } from '../../model/alert.js';
import type { Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { card, facts, header, openUrlAction, severityLook } from './adaptive.js';
import { affectedEntities } from './alert-card.js';
import { humanize, serviceLabel, truncate } from './text.js';
import type { AdaptiveCard, PortalHosts } from './types.js';

/** group-by: incident: the card about an incident and the alerts it carries. */

/** Alerts listed on an incident card before "+N more". */
const MAX_INCIDENT_ALERTS = 10;

/** The label/value rows of an incident card: its state, its new alerts, the entities and techniques they share. */
export function incidentFacts(notice: Notice): Array<[string, string]> {
  const story = notice.incident!;
  const alerts = story.alerts.map(n => n.alert);
  const listed = alerts
    .slice(0, MAX_INCIDENT_ALERTS)
    .map(a => `${severityLook(a.severity).label} · ${serviceLabel(a.serviceSource) || '—'} · ${truncate(String(a.title || a.id), 120)}`);
  if (alerts.length > MAX_INCIDENT_ALERTS) listed.push(`+${alerts.length - MAX_INCIDENT_ALERTS} more`);
  // The union of the alerts' evidence: affectedEntities dedupes and caps each kind.
  const union: GraphAlert = { id: 'union', evidence: alerts.flatMap(a => (Array.isArray(a.evidence) ? a.evidence : [])) };
  const techniques = [
    ...new Set(alerts.flatMap(a => (Array.isArray(a.mitreTechniques) ? a.mitreTechniques.filter(t => typeof t === 'string') : [])))
  ];
  const incident = story.incident;
  return [
    ...story.changes.map((line): [string, string] => ['Change', line]),
    ['Status', humanize(incident.status)],
    ['Assigned to', truncate(String(incident.assignedTo ?? ''), 200)],
    ['Alerts', listed.join('\n')],
    ...affectedEntities(union),
    ['MITRE ATT&CK', truncate(techniques.join(', '), 300)],
    ['Incident ID', incident.id]
  ];
}

/** One card per incident: a new incident, or what changed in one the channel already knows. */
export function incidentCard(notice: Notice, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  const caption = notice.kind === 'new' ? 'New incident' : notice.kind === 'resolved' ? 'Incident resolved' : 'Incident update';
  return card(
    [header(notice.alert, caption), facts(incidentFacts(notice))],
    openUrlAction('Open incident', notice.incident!.incident.incidentWebUrl ?? notice.alert.incidentWebUrl, hosts)
  );
}
