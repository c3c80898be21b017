import type { BoardContent, BoardRow } from '../../model/board.js';
import { card, facts, plainText, severityLook } from './adaptive.js';
import { formatTime, humanize, neutralize, safeUrl, serviceLabel, truncate } from './text.js';
import { MAX_STORED_BODY_BYTES, storedBodyBytes } from './size.js';
import type { AdaptiveCard, AdaptiveElement, CardPlan, PortalHosts } from './types.js';

/**
 * The open-alerts board (edited in place by the bot) and the daily digest (any channel): what is still
 * open in one channel, oldest first, each with its portal button. Text is inert, as on every card.
 */
type Content = Pick<CardPlan, 'board' | 'digestHeading' | 'portalHosts'>;

const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational', 'unknown'];

function age(row: BoardRow, now: number): string {
  if (Number.isNaN(row.createdAt)) return 'age unknown';
  const hours = Math.max(0, Math.floor((now - row.createdAt) / 3_600_000));
  return hours >= 48 ? `${Math.floor(hours / 24)} days old` : hours >= 1 ? `${hours} h old` : 'under 1 h old';
}

function bySeverity(counts: Record<string, number>): string {
  const keys = Object.keys(counts).sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b));
  return keys.map(key => `${severityLook(key).label} ${counts[key]}`).join(' · ');
}

/** The label/value rows of a board (its summary; the alert rows follow). */
export function boardFacts(board: BoardContent): Array<[string, string]> {
  const rules = Object.entries(board.rules).sort((a, b) => b[1] - a[1]);
  return [
    ['Open alerts', board.total === 0 ? 'none' : `${board.total} (${bySeverity(board.bySeverity)})`],
    ['Open incidents', bySeverity(board.incidentsBySeverity)],
    ['Rule notices, 24 h', rules.map(([rule, n]) => `${truncate(rule, 80)} ${n}`).join(' · ')],
    ['Refreshed', `${formatTime(new Date(board.refreshedAt).toISOString())} (looks back ${Math.round(board.lookbackMs / 86_400_000)} days)`]
  ];
}

/** One row's line: severity · service · title · age · status · assignee. */
export function rowLine(row: BoardRow, now: number): string {
  return [
    severityLook(row.severity).label.toUpperCase(),
    serviceLabel(row.serviceSource) || '—',
    // One line per row, whatever the title holds (line breaks and all).
    truncate(row.title.replace(/\s+/g, ' ').trim() || '(untitled alert)', 110),
    age(row, now),
    humanize(row.status) || 'status unknown',
    row.assignedTo ? `assigned to ${truncate(row.assignedTo.replace(/\s+/g, ' '), 60)}` : 'unassigned'
  ].join(' · ');
}

export function boardHeading(board: BoardContent, digest: boolean): string {
  const what = board.total === 0 ? 'nothing open' : `${board.total} open alert${board.total === 1 ? '' : 's'}`;
  return digest ? `Daily digest: ${what}` : `Open alerts board: ${what}`;
}

export function boardCard({ board, digestHeading, portalHosts }: Content): AdaptiveCard {
  const content = board!;
  const body: AdaptiveElement[] = [
    { type: 'TextBlock', text: digestHeading ?? boardHeading(content, false), weight: 'Bolder', size: 'Large', wrap: true },
    facts(boardFacts(content))
  ];
  for (const row of content.rows) {
    const url = safeUrl(row.alertWebUrl, portalHosts);
    body.push({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [plainText(rowLine(row, content.refreshedAt), { color: severityLook(row.severity).color })]
        },
        {
          type: 'Column',
          width: 'auto',
          items: url ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url }] }] : []
        }
      ]
    });
  }
  if (content.total > content.rows.length)
    body.push({ type: 'TextBlock', text: `and ${content.total - content.rows.length} more`, isSubtle: true, wrap: true });
  return card(body);
}

export function legacyBoardCard({ board, digestHeading, portalHosts }: Content): object {
  const content = board!;
  const heading = digestHeading ?? boardHeading(content, false);
  // One section per row, each with its own Open button (MessageCard sections take actions).
  const rows = content.rows.map(row => {
    const url = safeUrl(row.alertWebUrl, portalHosts);
    return {
      text: neutralize(rowLine(row, content.refreshedAt)),
      markdown: false,
      ...(url ? { potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: url }] }] } : {})
    };
  });
  const more = content.total > content.rows.length ? [{ text: `and ${content.total - content.rows.length} more`, markdown: false }] : [];
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: heading,
    themeColor: '8A8886',
    sections: [
      {
        activityTitle: heading,
        markdown: false,
        facts: boardFacts(content)
          .filter(([, value]) => value !== '')
          .map(([name, value]) => ({ name: `${name}:`, value: neutralize(value) }))
      },
      ...rows,
      ...more
    ]
  };
}

/**
 * The content with as many rows as fit: a board or digest stays within 26,000 bytes as Power Automate
 * stores it (MAX_STORED_BODY_BYTES), whatever the titles hold; rows left out join "and N more".
 */
export function fitBoard(content: BoardContent, heading: string, portalHosts: PortalHosts): BoardContent {
  let fitted = content;
  const rules = Object.entries(content.rules).sort((a, b) => b[1] - a[1]);
  if (rules.length > 10) fitted = { ...fitted, rules: Object.fromEntries(rules.slice(0, 10)) };
  while (
    fitted.rows.length > 0 &&
    storedBodyBytes(boardCard({ board: fitted, digestHeading: heading, portalHosts })) > MAX_STORED_BODY_BYTES
  )
    fitted = { ...fitted, rows: fitted.rows.slice(0, -1) };
  return fitted;
}
