import type { Notice } from '../../model/notice.js';
import { severityLook } from './adaptive.js';
import { followUpCaption, followUpFacts, newAlertFacts } from './alert-card.js';
import { BACKLOG_EXPLANATION, backlogFacts, backlogHeading } from './digest-card.js';
import { incidentFacts } from './incident-card.js';
import { ruleFacts } from './rule-card.js';
import { neutralize, safeUrl, serviceLabel, truncate } from './text.js';
import type { CardPlan } from './types.js';

/**
 * The legacy Office 365 connector format (MessageCard), sent only with allow-legacy-connector: true: one
 * renderer per card kind, listed beside its Adaptive Card renderer in renderers.ts. Every section sets
 * `markdown: false`: connectors render MessageCard text as markdown by default, and alert text is
 * untrusted. Text is neutralised as on Adaptive Cards (no links, no mentions). The rows are the same
 * facts functions the Adaptive Cards use.
 */
type Content = Pick<CardPlan, 'notices' | 'portalHosts' | 'digestHeading' | 'waiting' | 'runUrl' | 'board'>;

const THEME: Record<string, string> = { high: 'C4314B', medium: 'F8D22A', low: '0078D4', informational: '8A8886' };

interface Fact {
  name: string;
  value: string;
}

const factsOf = (rows: Array<[string, string]>): Fact[] =>
  rows.filter(([, value]) => value !== '').map(([name, value]) => ({ name: `${name}:`, value: neutralize(value) }));

function openUri(name: string, url: unknown, hosts: readonly string[]): object[] {
  const safe = safeUrl(url, hosts);
  return safe ? [{ '@type': 'OpenUri', name, targets: [{ os: 'default', uri: safe }] }] : [];
}

/** One card about one notice: a titled section of facts under the severity's colour, and its buttons. */
function single(notice: Notice, what: string, caption: string, rows: Array<[string, string]>, extra: object[], actions: object[]): object {
  const alert = notice.alert;
  const look = severityLook(alert.severity);
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: `${look.label} severity ${what}`,
    themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
    sections: [
      {
        activityTitle: neutralize(truncate(alert.title || `(untitled ${what.replace(/^security /, '')})`, 300)),
        activitySubtitle: `${look.label} severity · ${caption}`,
        markdown: false,
        facts: factsOf(rows)
      },
      ...extra
    ],
    potentialAction: actions
  };
}

function alertButtons(notice: Notice, hosts: readonly string[]): object[] {
  return [
    ...openUri('Open in Microsoft Defender', notice.alert.alertWebUrl, hosts),
    ...openUri('Open incident', notice.alert.incidentWebUrl, hosts)
  ];
}

export function legacyAlert({ notices: [notice], portalHosts }: Content): object {
  const alert = notice.alert;
  const extra: object[] = [];
  if (alert.description) extra.push({ text: neutralize(truncate(String(alert.description), 1000)), markdown: false });
  if (alert.recommendedActions)
    extra.push({ title: 'Recommended actions', text: neutralize(truncate(String(alert.recommendedActions), 600)), markdown: false });
  return single(notice, 'security alert', 'New alert', newAlertFacts(alert), extra, alertButtons(notice, portalHosts));
}

export function legacyFollowUp({ notices: [notice], portalHosts }: Content): object {
  return single(notice, 'security alert', followUpCaption(notice), followUpFacts(notice), [], alertButtons(notice, portalHosts));
}

export function legacyIncident({ notices: [notice], portalHosts }: Content): object {
  const buttons = openUri('Open incident', notice.incident?.incident.incidentWebUrl, portalHosts);
  return single(notice, 'security incident', 'incident', incidentFacts(notice), [], buttons);
}

/** An audit rule notice: its own facts (rule, count or value, group, samples) and the Purview search. */
export function legacyRule({ notices: [notice], portalHosts }: Content): object {
  const buttons = openUri('Open Purview audit search', notice.alert.alertWebUrl, portalHosts);
  return single(notice, 'audit log rule notice', 'Audit log rule', ruleFacts(notice), [], buttons);
}

function headed(heading: string, facts: Fact[], extra: object[] = [], actions: object[] = []): object {
  const card: Record<string, unknown> = {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: heading,
    themeColor: THEME.informational,
    sections: [{ activityTitle: heading, markdown: false, facts }, ...extra]
  };
  if (actions.length > 0) card.potentialAction = actions;
  return card;
}

export function legacyDigest({ notices, digestHeading }: Content): object {
  return headed(
    digestHeading ?? '',
    notices.map(notice => ({
      name: `${severityLook(notice.alert.severity).label}:`,
      value: neutralize(
        `${truncate(notice.alert.title || '(untitled alert)', 160)} (${serviceLabel(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`
      )
    }))
  );
}

export function legacyBacklog({ waiting = [], runUrl }: Content): object {
  const link = runUrl ? [{ '@type': 'OpenUri', name: 'Open the workflow run', targets: [{ os: 'default', uri: runUrl }] }] : [];
  return headed(backlogHeading(waiting), factsOf(backlogFacts(waiting)), [{ text: BACKLOG_EXPLANATION, markdown: false }], link);
}
