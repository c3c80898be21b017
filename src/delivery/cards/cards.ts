import { stateSignature, statusOfSignature, type GraphAlert, type GraphEvidence } from '../../model/alert.js';
import type { Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { shortDuration } from '../../inputs/inputs.js';
import { detectionName, formatTime, humanize, neutralize, safeUrl, serviceLabel, serviceName, truncate } from './text.js';

/** Hosts a button may open (the configured cloud's Microsoft portals). */
export type PortalHosts = readonly string[];

/**
 * Adaptive Cards (version 1.4: 1.5 fails to render through Teams Workflows) built from alerts. Pure:
 * no I/O. Alert text only ever goes into TextRuns (no markdown) after `neutralize`.
 */
export type AdaptiveElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.4';
  body: AdaptiveElement[];
  actions?: AdaptiveElement[];
  msteams?: { width: 'Full' };
}

/** A card and the notices it carries: they are delivered, or not, together. */
export interface CardPlan {
  card: AdaptiveCard;
  notices: Notice[];
  /** Set for digest cards: their heading (a digest may carry a single notice too). */
  digestHeading?: string;
  /** Short description for logs and the job summary (no alert text beyond the title). */
  label: string;
  /** Hosts the card's buttons may open; a MessageCard built from this plan uses the same. */
  portalHosts: PortalHosts;
  /** The route the card goes to (undefined: the default channel). */
  channel?: string;
}

/** Teams rejects cards over ~28 KB after re-serialisation; stay well below. */
export const MAX_CARD_BYTES = 20_000;
/**
 * A digest is filled up to this many bytes of the request body as sent (the Workflows envelope around
 * the card): Teams refuses 28 KB after its own wrapping, 24 KB leaves room for it. Rows are compact
 * (~350 bytes for a typical alert), so a digest carries 50 or more alerts.
 */
export const MAX_DIGEST_BODY_BYTES = 24_000;
/**
 * Every post stays at most this many bytes as Power Automate stores it (storedBytes): Teams' 28,672-byte
 * limit is applied after the flow has re-serialised the message, which grows it (quotes and backslashes
 * escaped again, non-ASCII written as \uXXXX: one published case grew 24,453 → 28,897 bytes). The 202 the
 * trigger answered does not tell when that fails, so the action never sends what could.
 */
export const MAX_STORED_BODY_BYTES = 26_000;
const MAX_DIGEST_ROWS = 80;
/** Titles in digest rows are cut to this many characters. */
const DIGEST_TITLE_LENGTH = 110;
const MAX_ENTITIES_PER_KIND = 5;

const SEVERITY_LOOK: Record<string, { color: string; style: string; label: string }> = {
  high: { color: 'Attention', style: 'attention', label: 'High' },
  medium: { color: 'Warning', style: 'warning', label: 'Medium' },
  low: { color: 'Accent', style: 'accent', label: 'Low' },
  informational: { color: 'Default', style: 'emphasis', label: 'Informational' }
};

export function severityLook(severity: string | null | undefined) {
  return SEVERITY_LOOK[(severity ?? '').toLowerCase()] ?? { color: 'Default', style: 'emphasis', label: humanize(severity) || 'Unknown' };
}

function card(body: AdaptiveElement[], actions: AdaptiveElement[] = []): AdaptiveCard {
  const result: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    msteams: { width: 'Full' }
  };
  if (actions.length > 0) result.actions = actions;
  return result;
}

/** Untrusted text as a RichTextBlock: TextRuns render no markdown. */
function plainText(text: string, run: Record<string, unknown> = {}, block: Record<string, unknown> = {}): AdaptiveElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: neutralize(text), ...run }], ...block };
}

/** Label: value rows; values are untrusted, so no FactSet (its values render markdown in Teams). */
function facts(rows: Array<[string, string]>): AdaptiveElement {
  return {
    type: 'Container',
    spacing: 'Medium',
    items: rows
      .filter(([, value]) => value !== '')
      .map(([label, value]) => ({
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}:`, weight: 'Bolder' }] }]
          },
          { type: 'Column', width: 'stretch', items: [plainText(value)] }
        ]
      }))
  };
}

function openUrlAction(title: string, url: unknown, hosts: PortalHosts): AdaptiveElement[] {
  const safe = safeUrl(url, hosts);
  return safe ? [{ type: 'Action.OpenUrl', title, url: safe }] : [];
}

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

function header(alert: GraphAlert, caption: string): AdaptiveElement {
  const look = severityLook(alert.severity);
  return {
    type: 'Container',
    style: look.style,
    bleed: true,
    items: [
      {
        type: 'TextBlock',
        text: `${look.label.toUpperCase()} SEVERITY · ${caption}`,
        weight: 'Bolder',
        color: look.color,
        size: 'Small',
        wrap: true
      },
      plainText(truncate(alert.title || '(untitled alert)', 300), { weight: 'Bolder', size: 'Large' })
    ]
  };
}

function alertActions(alert: GraphAlert, hosts: PortalHosts): AdaptiveElement[] {
  return [
    ...openUrlAction('Open in Microsoft Defender', alert.alertWebUrl, hosts),
    ...openUrlAction('Open incident', alert.incidentWebUrl, hosts)
  ];
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

const DIGEST_PREFIX: Record<Notice['kind'], string> = { new: '', reminder: '', resolved: '[Resolved] ', updated: '[Updated] ' };

/**
 * One compact row: "HIGH · Defender for Endpoint · " in the severity's colour, then the title, which
 * opens the alert. One RichTextBlock of TextRuns (no markdown) instead of a three-column layout: a third
 * of the bytes, so a digest carries twice the alerts.
 */
function digestRow(notice: Notice, hosts: PortalHosts): AdaptiveElement {
  const alert = notice.alert;
  const look = severityLook(alert.severity);
  const title: Record<string, unknown> = {
    type: 'TextRun',
    text: neutralize(`${DIGEST_PREFIX[notice.kind]}${truncate(String(alert.title || '(untitled alert)'), DIGEST_TITLE_LENGTH)}`, 200)
  };
  const url = safeUrl(alert.alertWebUrl, hosts);
  if (url) title.selectAction = { type: 'Action.OpenUrl', url };
  return {
    type: 'RichTextBlock',
    inlines: [
      {
        type: 'TextRun',
        text: `${look.label.toUpperCase()} · ${serviceLabel(alert.serviceSource) || '—'} · `,
        color: look.color,
        weight: 'Bolder'
      },
      title
    ]
  };
}

/** What a digest is about: the overflow of a burst, or reminders of alerts still open. */
export interface DigestKind {
  heading: (total: number) => string;
  /** Shown as the label in logs. */
  name: string;
}

export const OVERFLOW_DIGEST: DigestKind = { heading: total => `${total} more alert${total === 1 ? '' : 's'}`, name: 'digest' };
/** max-cards: 0 puts every notice in digests: there is nothing they are "more" than. */
const ALL_IN_DIGEST: DigestKind = { heading: total => `${total} alert${total === 1 ? '' : 's'}`, name: 'digest' };

export function reminderDigest(remindAfterMs: number): DigestKind {
  const after = describeDuration(remindAfterMs);
  return {
    heading: total => `Reminder: ${total} alert${total === 1 ? ' is' : 's are'} still unresolved, with no news for ${after}`,
    name: 'reminder digest'
  };
}

function describeDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  return `${Math.round(ms / 60_000)} minutes`;
}

function digestHeading(part: number, parts: number, total: number, kind: DigestKind): string {
  return parts > 1 ? `${kind.heading(total)} (part ${part} of ${parts})` : kind.heading(total);
}

function digestCard(notices: Notice[], part: number, parts: number, total: number, kind: DigestKind, hosts: PortalHosts): AdaptiveCard {
  const heading = digestHeading(part, parts, total, kind);
  return card([
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: 'Select a title to open the alert in Microsoft Defender.', isSubtle: true, size: 'Small', wrap: true },
    ...notices.map(notice => digestRow(notice, hosts))
  ]);
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}

/** Bytes of the request body a card is sent in (the Workflows envelope). */
export function bodyBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(workflowsEnvelope(card)));
}

const NON_ASCII = /[\u0080-\uffff]/g;
/** Bytes of `value` as Power Automate stores it: its JSON as a JSON string, every non-ASCII character as \uXXXX. */
export function storedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(value)).replace(NON_ASCII, '\\uXXXX'));
}

/** Bytes a card's request body takes as Power Automate stores it. */
export function storedBodyBytes(card: AdaptiveCard): number {
  return storedBytes(workflowsEnvelope(card));
}

/**
 * Splits notices into digest cards of at most MAX_DIGEST_ROWS rows and MAX_DIGEST_BODY_BYTES bytes as
 * sent. Each row is measured once; the fixed part is measured with the longest heading it can have.
 */
export function digestCards(notices: Notice[], kind: DigestKind = OVERFLOW_DIGEST, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan[] {
  const empty = digestCard([], 99_999, 99_999, 999_999, kind, hosts);
  // Both measures are additive row by row: the body as sent, and as Power Automate stores it (a row's
  // escaped JSON without the two quotes around the whole, plus the comma between rows).
  const fixed = bodyBytes(empty);
  const fixedStored = storedBodyBytes(empty);
  const groups: Notice[][] = [];
  let current: Notice[] = [];
  let bytes = fixed;
  let stored = fixedStored;
  for (const notice of notices) {
    const built = digestRow(notice, hosts);
    const row = Buffer.byteLength(JSON.stringify(built)) + 1;
    const storedRow = storedBytes(built) - 2 + 1;
    if (
      current.length > 0 &&
      (current.length >= MAX_DIGEST_ROWS || bytes + row > MAX_DIGEST_BODY_BYTES || stored + storedRow > MAX_STORED_BODY_BYTES)
    ) {
      groups.push(current);
      current = [];
      bytes = fixed;
      stored = fixedStored;
    }
    current.push(notice);
    bytes += row;
    stored += storedRow;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, index) => ({
    card: digestCard(group, index + 1, groups.length, notices.length, kind, hosts),
    notices: group,
    digestHeading: digestHeading(index + 1, groups.length, notices.length, kind),
    label: `${kind.name} ${index + 1}/${groups.length} (${group.length} alerts)`,
    portalHosts: hosts
  }));
}

function individualCard(notice: Notice, hosts: PortalHosts): AdaptiveCard {
  if (notice.incident) return incidentCard(notice, hosts);
  if (notice.rule) return ruleCard(notice, hosts);
  return notice.kind === 'new' ? newAlertCard(notice.alert, hosts) : followUpCard(notice, hosts);
}

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

const RULE_TYPE_LABEL: Record<string, string> = { match: 'match', threshold: 'threshold', 'new-value': 'new value' };
const GROUP_LABELS: Record<string, string> = { userprincipalname: 'User', userid: 'User', clientip: 'IP address' };

/** A sample's object, short: the last part of a SharePoint/OneDrive URL or path (the Purview search has the rest). */
function objectName(value: unknown): string {
  const object = String(value ?? '');
  const last = /[/\\]([^/\\]+)[/\\]?$/.exec(object)?.[1];
  return truncate(last && object.length > 60 ? `…/${last}` : object, 120);
}

/** The rows of an audit rule card: what fired, for whom, and up to five of the records behind it. */
export function ruleFacts(notice: Notice): Array<[string, string]> {
  const hit = notice.rule!;
  const text = (value: unknown, max = 200) => truncate(String(value ?? ''), max);
  const rows: Array<[string, string]> = [
    ['Rule', `${text(hit.rule)} (${Object.hasOwn(RULE_TYPE_LABEL, hit.type) ? RULE_TYPE_LABEL[hit.type] : text(hit.type, 20)} rule)`]
  ];
  if (hit.type === 'threshold') {
    const what = hit.distinct ? `distinct ${text(hit.distinct, 80)} values` : 'events';
    rows.push([
      'Count',
      `${text(hit.count, 12)} ${what} within ${Number.isFinite(Number(hit.windowMs)) ? shortDuration(Number(hit.windowMs)) : ''} (threshold ${text(hit.threshold, 12)})`
    ]);
  }
  if (hit.type === 'match' && Number(hit.count) > 1) rows.push(['Count', `${text(hit.count, 12)} matching records in one query window`]);
  if (hit.type === 'new-value') {
    rows.push([`New ${text(hit.valueField, 80)}`, text(hit.value)]);
    const known = Array.isArray(hit.known) ? hit.known.map(value => text(value, 60)) : [];
    rows.push(['Known before', known.length ? known.join(', ') : '']);
  }
  if (hit.groupBy) {
    const key = String(hit.groupBy).toLowerCase();
    rows.push([Object.hasOwn(GROUP_LABELS, key) ? GROUP_LABELS[key] : text(hit.groupBy, 80), text(hit.group)]);
  }
  rows.push(['Operations', Array.isArray(hit.operations) ? truncate(hit.operations.map(op => String(op)).join(', '), 300) : '']);
  rows.push(['First seen', formatTime(notice.alert.createdDateTime)]);
  const samples = Array.isArray(hit.samples) ? hit.samples.slice(0, 5) : [];
  if (samples.length > 0) {
    rows.push([
      samples.length === 1 ? 'Record' : `Sample records (${samples.length})`,
      samples
        .map(sample =>
          [
            formatTime(sample?.time),
            text(sample?.user, 120),
            text(sample?.operation, 80),
            objectName(sample?.object),
            text(sample?.clientIp, 60)
          ]
            .filter(Boolean)
            .join(' · ')
        )
        .join('\n')
    ]);
  }
  rows.push(['Notice ID', notice.alert.id]);
  return rows;
}

/** One card per rule firing, with a button to the Purview audit search to see every record. */
export function ruleCard(notice: Notice, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  return card(
    [header(notice.alert, 'Audit log rule'), facts(ruleFacts(notice))],
    openUrlAction('Open Purview audit search', notice.alert.alertWebUrl, hosts)
  );
}

/** One card per notice up to `maxCards`, the rest in digest cards; reminders always go in a reminder digest. */
export function planCards(all: Notice[], maxCards: number, remindAfterMs = 86_400_000, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan[] {
  const notices = all.filter(notice => notice.kind !== 'reminder');
  const reminders = all.filter(notice => notice.kind === 'reminder');
  const plans: CardPlan[] = notices.slice(0, maxCards).map(notice => {
    let built = individualCard(notice, hosts);
    if (cardBytes(built) > MAX_CARD_BYTES || storedBodyBytes(built) > MAX_STORED_BODY_BYTES) {
      // Evidence-heavy alerts: fall back to the compact form rather than risk a rejected card.
      built = card(
        [header(notice.alert, notice.kind === 'new' ? 'New alert' : humanize(notice.kind)), facts([['Alert ID', notice.alert.id]])],
        alertActions(notice.alert, hosts)
      );
    }
    const status = statusOfSignature(notice.previousSignature ?? '');
    // Cut before neutralising (linear in the label, not the title); logs make it one line.
    const title = neutralize(String(notice.alert.title || notice.alert.id), 100);
    return {
      card: built,
      notices: [notice],
      label: `${notice.kind}${status ? ` (was ${neutralize(status, 40)})` : ''}: ${truncate(title, 80)}`,
      portalHosts: hosts
    };
  });
  return [
    ...plans,
    ...digestCards(notices.slice(maxCards), plans.length > 0 ? OVERFLOW_DIGEST : ALL_IN_DIGEST, hosts),
    ...digestCards(reminders, reminderDigest(remindAfterMs), hosts)
  ];
}

/** The request body Teams Workflows ("When a Teams webhook request is received") expects. */
export function workflowsEnvelope(card: AdaptiveCard): object {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

/**
 * How many posts fit in `remainingMs` at `rate` (a burst of `requests` per window) and `intervalMs`
 * between posts. Used to see a storm coming: more cards than this cannot all go out in this run.
 */
export function postBudget(remainingMs: number, rate: { requests: number; windowMs: number }, intervalMs: number): number {
  if (remainingMs <= 0) return 0;
  const byRate = rate.requests * Math.ceil(remainingMs / rate.windowMs);
  const byInterval = intervalMs > 0 ? Math.ceil(remainingMs / intervalMs) : Number.POSITIVE_INFINITY;
  return Math.min(byRate, byInterval);
}

function countBy(notices: Notice[], key: (notice: Notice) => string): string {
  const counts = new Map<string, number>();
  for (const notice of notices) counts.set(key(notice), (counts.get(key(notice)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/**
 * The card a storm gets when its notices cannot all be posted in this run: how many wait, by severity
 * and service, the most severe titles, and a link to the run. It carries no notice: the alerts it
 * counts stay owed and are posted by the next runs.
 */
export function backlogPlan(held: Notice[], runUrl: string | undefined, hosts: PortalHosts = GLOBAL_PORTALS): CardPlan {
  const heading = `Backlog: ${held.length} more alert${held.length === 1 ? '' : 's'} will follow in the next runs`;
  const top = held
    .slice(0, 5)
    .map(notice => `${severityLook(notice.alert.severity).label}: ${truncate(String(notice.alert.title || notice.alert.id), 100)}`);
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Large', wrap: true },
    {
      type: 'TextBlock',
      text: 'More alerts arrived than Teams accepts in one run; they are posted in order of severity by the following runs. Nothing is dropped.',
      isSubtle: true,
      size: 'Small',
      wrap: true
    },
    facts([
      ['By severity', countBy(held, notice => severityLook(notice.alert.severity).label)],
      ['By service', countBy(held, notice => serviceLabel(notice.alert.serviceSource) || 'Unknown')],
      ['Most severe', top.join(' · ')]
    ])
  ];
  const actions = runUrl ? [{ type: 'Action.OpenUrl', title: 'Open the workflow run', url: runUrl }] : [];
  return {
    card: card(body, actions),
    notices: [],
    digestHeading: heading,
    label: `backlog card (${held.length} alerts wait)`,
    portalHosts: hosts
  };
}
