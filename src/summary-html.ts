import { redact } from './secrets.js';
import { neutralize, truncate } from './teams/text.js';

export { truncate };

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
