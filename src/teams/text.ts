/**
 * Alert text is attacker-controlled (an e-mail subject, a file name, a process command line). It is
 * shown only through Adaptive Card TextRuns, which render no markdown, and is further neutralised here:
 * control, zero-width and bidi characters are dropped, URLs are defanged (hxxps://host[.]tld) so no
 * client turns them into links, and angle brackets are replaced so `<at>` tags cannot become mentions.
 */

// C0/C1 controls except TAB and LF, zero-width characters, bidi embeddings/overrides/isolates, BOM.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const URL_LIKE = /\b((?:https?|ftp|file|mailto|javascript|data|tel|msteams|ms-\w+):\/*)([^\s]*)/gi;
const BARE_HOST = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|ru|cn|info|biz|xyz|top|co|me|us|uk|de|app|dev|online|site|link|zip|mov))\b/gi;

export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFC');
}

/** Makes untrusted text inert: no links, no mentions, no markup. */
export function neutralize(value: unknown): string {
  return cleanText(value)
    .replace(URL_LIKE, (_all, scheme: string, rest: string) => `${scheme.replace(/^http/i, 'hxxp').replace(/:/, '[:]')}${rest.replace(/\./g, '[.]')}`)
    .replace(BARE_HOST, host => host.replace(/\./g, '[.]'))
    .replace(/</g, '‹')
    .replace(/>/g, '›');
}

/** Shortens to at most `max` characters, on a word boundary when one is near, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`;
}

/** `microsoftDefenderForEndpoint` → `Microsoft Defender For Endpoint`; enum values only. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return neutralize(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}

/** A link target we are willing to put behind a button: https only. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** ISO timestamp → `2026-11-25 14:03 UTC`; empty for missing or invalid values. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return '';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
