import { stateSignature, type GraphAlert, type GraphEvidence } from '../../model/alert.js';
import type { Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { alertActions, card, facts, header, plainText } from './adaptive.js';
import { detectionName, formatTime, humanize, serviceName, truncate } from './text.js';
import type { AdaptiveCard, AdaptiveElement, PortalHosts } from './types.js';

/** The cards about one alert: new, and a follow-up (updated, resolved). */

const MAX_ENTITIES_PER_KIND = 5;

const EVIDENCE_KINDS: Array<{ type: string; label: string; name: (e: GraphEvidence) => unknown }> = [
  {
    type: 'userEvidence',
    label: 'Users',
    name: e => (e.userAccount as any)?.userPrincipalName ?? (e.userAccount as any)?.accountName ?? (e.userAccount as any)?.displayName
  },
  { type: 'deviceEvidence', label: 'Devices', name: e => e.deviceDnsName ?? e.hostName ?? e.azureAdDeviceId },
  { type: 'mailboxEvidence', label: 'Mailboxes', name: e => e.primaryAddress ?? e.displayName },
  { type: 'analyzedMessageEvidence', label: 'Messages', name: e => e.subject ?? e.internetMessageId },
  { type: 'ipEvidence', label: 'IP addresses', name: e => e.ipAddress },
  { type: 'urlEvidence', label: 'URLs', name: e => e.url },
  { type: 'fileEvidence', label: 'Files', name: e => (e.fileDetails as any)?.fileName },
  { type: 'processEvidence', label: 'Processes', name: e => (e.imageFile as any)?.fileName },
  { type: 'cloudApplicationEvidence', label: 'Cloud apps', name: e => e.displayName ?? e.appId },
  { type: 'oauthApplicationEvidence', label: 'OAuth apps', name: e => e.displayName ?? e.appId }
];

/** Affected entities by kind, each list capped with "+N more". */
export function affectedEntities(alert: GraphAlert): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const evidence = Array.isArray(alert.evidence) ? alert.evidence : [];
  for (const kind of EVIDENCE_KINDS) {
    const names = new Set<string>();
    for (const item of evidence) {
      if (typeof item?.['@odata.type'] === 'string' && item['@odata.type'].endsWith(`.${kind.type}`)) {
        const name = kind.name(item);
        if (typeof name === 'string' && name.trim()) names.add(truncate(name.trim(), 120));
      }
    }
    if (names.size === 0) continue;
    const list = [...names];
    const shown = list.slice(0, MAX_ENTITIES_PER_KIND).join(', ');
    rows.push([kind.label, list.length > MAX_ENTITIES_PER_KIND ? `${shown} +${list.length - MAX_ENTITIES_PER_KIND} more` : shown]);
  }
  return rows;
}

/** The label/value rows of a new alert's card (values still untrusted: neutralised where shown). */
export function newAlertFacts(alert: GraphAlert): Array<[string, string]> {
  const techniques = Array.isArray(alert.mitreTechniques) ? alert.mitreTechniques.filter(t => typeof t === 'string') : [];
  const categories = Array.isArray(alert.categories) && alert.categories.length > 0 ? alert.categories.join(', ') : (alert.category ?? '');
  return [
    ['Status', humanize(alert.status)],
    ['Service', serviceName(alert.serviceSource)],
    ['Detection', detectionName(alert.detectionSource)],
    ['Category', truncate(String(categories), 200)],
    ['First activity', formatTime(alert.firstActivityDateTime)],
    ['Last activity', formatTime(alert.lastActivityDateTime)],
    ['Created', formatTime(alert.createdDateTime)],
    ['Assigned to', truncate(String(alert.assignedTo ?? ''), 200)],
    ...affectedEntities(alert),
    ['MITRE ATT&CK', truncate(techniques.join(', '), 300)],
    ['Alert ID', alert.id]
  ];
}

/** The card for one new alert. */
export function newAlertCard(alert: GraphAlert, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  const body: AdaptiveElement[] = [header(alert, 'New alert')];
  if (alert.description) body.push(plainText(truncate(String(alert.description), 1000), {}, { spacing: 'Medium' }));
  body.push(facts(newAlertFacts(alert)));
  if (alert.recommendedActions) {
    body.push(
      { type: 'TextBlock', text: 'Recommended actions', weight: 'Bolder', spacing: 'Medium', wrap: true },
      plainText(truncate(String(alert.recommendedActions), 600), {}, { spacing: 'Small' })
    );
  }
  return card(body, alertActions(alert, hosts));
}

const FIELDS = ['Status', 'Severity', 'Classification', 'Determination', 'Assigned to'];

/** What changed since the channel was last told, and for a resolution who acted. */
export function followUpFacts(notice: Notice): Array<[string, string]> {
  const alert = notice.alert;
  const before = (notice.previousSignature ?? '').split('|');
  const after = stateSignature(alert).split('|');
  const rows: Array<[string, string]> = [];
  FIELDS.forEach((label, index) => {
    if (before[index] !== after[index]) {
      const show = (value: string | undefined) => (index === 4 ? value || 'nobody' : humanize(value) || 'none');
      rows.push([label, `${show(before[index])} → ${show(after[index])}`]);
    }
  });
  if (notice.kind === 'resolved') {
    rows.push(['Resolved', formatTime(alert.resolvedDateTime)]);
    // Graph records no "resolved by"; the assignee and the latest comment are who acted, as the portal shows.
    if (!rows.some(([label]) => label === 'Assigned to')) rows.push(['Assigned to', truncate(String(alert.assignedTo ?? ''), 200)]);
  }
  const comment = latestComment(alert);
  if (comment) rows.push(['Latest comment', comment]);
  rows.push(['Alert ID', alert.id]);
  return rows;
}

export function followUpCaption(notice: Notice): string {
  return notice.kind === 'resolved' ? 'Resolved' : 'Updated';
}

/** A compact follow-up: what changed since the channel was last told. */
export function followUpCard(notice: Notice, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  return card([header(notice.alert, followUpCaption(notice)), facts(followUpFacts(notice))], alertActions(notice.alert, hosts));
}

/** "Name (time): text" of the newest comment, trimmed. */
function latestComment(alert: GraphAlert): string {
  const comments = Array.isArray(alert.comments) ? alert.comments.filter(c => typeof c?.comment === 'string' && c.comment.trim()) : [];
  if (comments.length === 0) return '';
  const newest = comments.reduce((a, b) => (String(b.createdDateTime ?? '') > String(a.createdDateTime ?? '') ? b : a));
  const by = [newest.createdByDisplayName, formatTime(newest.createdDateTime)].filter(Boolean).join(', ');
  return truncate(`${by ? `${by}: ` : ''}${newest.comment!.trim()}`, 300);
}

/**
 * teams-delivery: bot, on-change update: the original card edited to the alert's current state, with what
 * changed on top (the new-alert card's facts below).
 */
export function currentStateCard(notice: Notice, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  const alert = notice.alert;
  const changed = followUpFacts(notice).filter(([label]) => label !== 'Alert ID');
  const body: AdaptiveElement[] = [header(alert, `${followUpCaption(notice)} · edited ${formatTime(new Date().toISOString())}`)];
  if (changed.length > 0) body.push(facts(changed));
  body.push(facts(newAlertFacts(alert)));
  return card(body, alertActions(alert, hosts));
}
