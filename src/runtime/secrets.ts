import * as core from './runner-io.js';

/**
 * Secrets known to this run. Each is masked in the runner's log (core.setSecret), and `redact` removes
 * them from text the runner does not mask: the report file, the job summary, outputs. A secret can come
 * back from a server in another spelling (a Teams error page echoing the URL HTML-escaped, a query
 * string echoing only the `sig` value URL-encoded), so every spelling is registered.
 */
const known = new Set<string>();
/** Shorter values would mask ordinary words: not secrets worth the collateral damage. */
const MIN_SECRET_LENGTH = 6;

function spellings(value: string): string[] {
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const json = JSON.stringify(value).slice(1, -1);
  // Form encoding (a token request's body) writes ~ as %7E and a space as +: a host echoing the body shows that.
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [
    value,
    encodeURIComponent(value),
    encodeURI(value),
    form,
    html,
    json,
    json.replace(/\//g, '\\/'),
    html.replace(/&amp;/g, '&#38;')
  ];
}

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const spelling of spellings(value)) {
    if (spelling.length < MIN_SECRET_LENGTH || known.has(spelling)) continue;
    known.add(spelling);
    core.setSecret(spelling);
  }
}

/** A webhook URL is a bearer secret, and so is its `sig` query value alone. */
export function registerWebhookUrl(url: string | undefined): void {
  if (!url) return;
  registerSecret(url);
  const query = url.indexOf('?') === -1 ? '' : url.slice(url.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const [name, raw = ''] = part.split('=');
    if (name.toLowerCase() !== 'sig' || raw === '') continue;
    registerSecret(raw);
    try {
      registerSecret(decodeURIComponent(raw));
    } catch {
      // not valid percent-encoding: the raw form is registered
    }
  }
}

/** Any `sig=` query value, in any spelling, even of a URL this run never registered. */
const SIG_VALUE = /((?:[?&;]|&amp;|%26|\\u0026)sig(?:=|%3D|\\u003d))[^&\s"'<>\\]+/gi;

export function redact(text: string): string {
  let result = text;
  if (known.size > 0) {
    // Longest first, so a URL is replaced whole before its sig value would be.
    for (const secret of [...known].sort((a, b) => b.length - a.length)) {
      if (result.includes(secret)) result = result.split(secret).join('***');
    }
  }
  return result.replace(SIG_VALUE, '$1***');
}

/** For tests: forget every registered secret. */
export function forgetSecrets(): void {
  known.clear();
}
