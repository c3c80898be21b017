import type { GraphAlert } from '../../model/alert.js';
import { humanize, neutralize, safeUrl, truncate } from './text.js';
import type { AdaptiveCard, AdaptiveElement, PortalHosts } from './types.js';

/** The building blocks every Adaptive Card renderer shares: the frame, inert text, rows, buttons, the header. */

const SEVERITY_LOOK: Record<string, { color: string; style: string; label: string }> = {
  high: { color: 'Attention', style: 'attention', label: 'High' },
  medium: { color: 'Warning', style: 'warning', label: 'Medium' },
  low: { color: 'Accent', style: 'accent', label: 'Low' },
  informational: { color: 'Default', style: 'emphasis', label: 'Informational' }
};

export function severityLook(severity: string | null | undefined) {
  return SEVERITY_LOOK[(severity ?? '').toLowerCase()] ?? { color: 'Default', style: 'emphasis', label: humanize(severity) || 'Unknown' };
}

export function card(body: AdaptiveElement[], actions: AdaptiveElement[] = []): AdaptiveCard {
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
export function plainText(text: string, run: Record<string, unknown> = {}, block: Record<string, unknown> = {}): AdaptiveElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: neutralize(text), ...run }], ...block };
}

/** Label: value rows; values are untrusted, so no FactSet (its values render markdown in Teams). */
export function facts(rows: Array<[string, string]>): AdaptiveElement {
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

export function openUrlAction(title: string, url: unknown, hosts: PortalHosts): AdaptiveElement[] {
  const safe = safeUrl(url, hosts);
  return safe ? [{ type: 'Action.OpenUrl', title, url: safe }] : [];
}

export function header(alert: GraphAlert, caption: string): AdaptiveElement {
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

export function alertActions(alert: GraphAlert, hosts: PortalHosts): AdaptiveElement[] {
  return [
    ...openUrlAction('Open in Microsoft Defender', alert.alertWebUrl, hosts),
    ...openUrlAction('Open incident', alert.incidentWebUrl, hosts)
  ];
}
