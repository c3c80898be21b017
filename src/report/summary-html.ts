import type { Notice } from '../model/notice.js';
import { redact } from '../runtime/secrets.js';
import type { DeliveryResult } from '../delivery/channels/channel.js';
import { formatTime, neutralize, safeUrl, serviceLabel, truncate } from '../delivery/cards/text.js';

export const SUMMARY_HEADER = ['Notice', 'Severity', 'Title', 'Source', 'Created', 'Channel', 'Delivered'];

/** One row of the job summary: the alert (linked to the portal when the link is safe), where it went, how it went. */
export function summaryRow(notice: Notice, result: DeliveryResult): string[] {
  const alert = notice.alert;
  const title = html(truncate(String(alert.title ?? alert.id), 120));
  const url = safeUrl(alert.alertWebUrl, result.plan.portalHosts);
  const outcome = result.delivered ? '✅' : `${result.deferred ? '⏳' : '❌'} ${html(truncate(result.error ?? '', 160))}`;
  return [
    html(notice.kind),
    html(String(alert.severity ?? '')),
    url ? `<a href="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">${title}</a>` : title,
    html(serviceLabel(alert.serviceSource)),
    html(formatTime(alert.createdDateTime)),
    html(result.plan.channel ?? 'default'),
    outcome
  ];
}

/**
 * Alert text in the summary sits in an HTML table inside markdown. A blank line would end the HTML block
 * and hand the rest to the markdown parser, so line breaks become spaces; markdown punctuation becomes
 * entities, so no link, image or emphasis can form; and the text is kept inert as on the cards.
 */
export function html(text: string): string {
  return neutralize(redact(text), 2000)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/‹/g, '&lt;')
    .replace(/›/g, '&gt;')
    .replace(/[[\]()!*_`~|\\]/g, char => `&#${char.charCodeAt(0)};`);
}
