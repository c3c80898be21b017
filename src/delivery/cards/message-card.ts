import { followUpCaption, followUpFacts, incidentFacts, newAlertFacts, ruleFacts, severityLook, type CardPlan } from './cards.js';
import { neutralize, safeUrl, serviceLabel, truncate } from './text.js';

/**
 * The legacy Office 365 connector format (MessageCard), sent only with allow-legacy-connector: true.
 * Every section sets `markdown: false`: connectors render MessageCard text as markdown by default, and
 * alert text is untrusted. Text is neutralised as on Adaptive Cards (no links, no mentions).
 */
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

export function messageCard(plan: CardPlan): object {
  if (plan.digestHeading !== undefined) {
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: plan.digestHeading,
      themeColor: THEME.informational,
      sections: [
        {
          activityTitle: plan.digestHeading,
          markdown: false,
          facts: plan.notices.map(notice => ({
            name: `${severityLook(notice.alert.severity).label}:`,
            value: neutralize(
              `${truncate(notice.alert.title || '(untitled alert)', 160)} (${serviceLabel(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`
            )
          }))
        }
      ]
    };
  }
  const notice = plan.notices[0];
  const alert = notice.alert;
  if (notice.incident) {
    const look = severityLook(alert.severity);
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: `${look.label} severity security incident`,
      themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
      sections: [
        {
          activityTitle: neutralize(truncate(alert.title || '(untitled incident)', 300)),
          activitySubtitle: `${look.label} severity · incident`,
          markdown: false,
          facts: factsOf(incidentFacts(notice))
        }
      ],
      potentialAction: openUri('Open incident', notice.incident.incident.incidentWebUrl, plan.portalHosts)
    };
  }
  if (notice.rule) {
    // An audit rule notice: its own facts (rule, count or value, group, samples) and the Purview search,
    // as on its Adaptive Card; not an alert's facts under an alert's caption.
    const look = severityLook(alert.severity);
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: `${look.label} severity audit log rule notice`,
      themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
      sections: [
        {
          activityTitle: neutralize(truncate(alert.title || '(untitled rule notice)', 300)),
          activitySubtitle: `${look.label} severity · Audit log rule`,
          markdown: false,
          facts: factsOf(ruleFacts(notice))
        }
      ],
      potentialAction: openUri('Open Purview audit search', alert.alertWebUrl, plan.portalHosts)
    };
  }
  const look = severityLook(alert.severity);
  const caption = notice.kind === 'new' ? 'New alert' : followUpCaption(notice);
  const sections: object[] = [
    {
      activityTitle: neutralize(truncate(alert.title || '(untitled alert)', 300)),
      activitySubtitle: `${look.label} severity · ${caption}`,
      markdown: false,
      facts: factsOf(notice.kind === 'new' ? newAlertFacts(alert) : followUpFacts(notice))
    }
  ];
  if (notice.kind === 'new' && alert.description)
    sections.push({ text: neutralize(truncate(String(alert.description), 1000)), markdown: false });
  if (notice.kind === 'new' && alert.recommendedActions) {
    sections.push({ title: 'Recommended actions', text: neutralize(truncate(String(alert.recommendedActions), 600)), markdown: false });
  }
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: `${look.label} severity security alert`,
    themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
    sections,
    potentialAction: [
      ...openUri('Open in Microsoft Defender', alert.alertWebUrl, plan.portalHosts),
      ...openUri('Open incident', alert.incidentWebUrl, plan.portalHosts)
    ]
  };
}
