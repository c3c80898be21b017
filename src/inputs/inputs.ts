import { ExplainedError } from '../runtime/errors.js';

/**
 * The generic input readers: each reads one input through an InputReader, validates it, and on a
 * problem throws a SettingsError that names the input, says what was wrong and what is valid. Webhook
 * URLs are secrets: no message here repeats one.
 */
/** A misconfigured input: the message says which, what was wrong and what is valid. */
export class SettingsError extends ExplainedError {
  override name = 'SettingsError';
}

/** Where a Teams webhook URL points: a Workflows trigger, or a retired Office 365 connector (opt-in). */
export type WebhookKind = 'workflows' | 'legacy-connector';

/** At most `requests` posts to one webhook in any `windowMs`. */
export interface PostRate {
  requests: number;
  windowMs: number;
}

export type InputReader = (name: string) => string;

const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `30m`, `24h`, `7d`, `1.5s` into milliseconds; NaN when the text is not such a duration. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) return Number.NaN;
  return Math.round(Number(match[1]) * UNIT_MS[match[2].toLowerCase()]);
}

/** A duration as cards and logs show it: `10 min`, `2 h`, `90 s` (the largest unit that divides it). */
export function shortDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** A GUID as Entra writes ids (tenant, client, bot app). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fail(input: string, problem: string, valid: string): never {
  throw new SettingsError(`Input '${input}' ${problem}. ${valid}`);
}

/** The allowed value `text` names, compared case-insensitively and ignoring surrounding space. */
export function matchAllowed<T extends string>(allowed: readonly T[], text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  return allowed.find(value => value.toLowerCase() === wanted);
}

export function oneOf<T extends string>(read: InputReader, input: string, allowed: readonly T[], fallback: T): T {
  const raw = read(input).trim();
  if (raw === '') return fallback;
  const found = matchAllowed(allowed, raw);
  if (!found) fail(input, `is '${raw}', which is not a valid value`, `Valid values: ${allowed.join(', ')}.`);
  return found;
}

/** A comma- or newline-separated list whose members must come from `allowed` (matched case-insensitively). */
export function listOf<T extends string>(read: InputReader, input: string, allowed: readonly T[], fallback: T[]): T[] {
  const raw = read(input).trim();
  if (raw === '') return fallback;
  const values: T[] = [];
  for (const item of raw.split(/[\s,]+/).filter(Boolean)) {
    const found = matchAllowed(allowed, item);
    if (!found) fail(input, `contains '${item}', which is not a valid value`, `Valid values: ${allowed.join(', ')}.`);
    if (!values.includes(found)) values.push(found);
  }
  return values;
}

export function booleanInput(read: InputReader, input: string, fallback: boolean): boolean {
  const raw = read(input).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(raw)) return true;
  if (['false', 'no', '0', 'off'].includes(raw)) return false;
  return fail(input, `is '${raw}', which is not a boolean`, 'Use true or false.');
}

export function durationInput(read: InputReader, input: string, fallback: string, minMs: number, maxMs: number): number {
  const raw = read(input).trim() || fallback;
  const ms = parseDuration(raw);
  const range = `Use a number followed by s, m, h or d (for example 30m, 24h, 7d), between ${describeMs(minMs)} and ${describeMs(maxMs)}.`;
  if (Number.isNaN(ms)) fail(input, `is '${raw}', which is not a duration`, range);
  if (ms < minMs || ms > maxMs) fail(input, `is '${raw}', which is out of range`, range);
  return ms;
}

/** `20/5m`: at most 20 requests in any 5 minutes. */
export function rateInput(read: InputReader, input: string, fallback: string): PostRate {
  const raw = read(input).trim() || fallback;
  const match = /^(\d+)\s*\/\s*(.+)$/.exec(raw);
  const requests = match ? Number(match[1]) : Number.NaN;
  const windowMs = match ? parseDuration(match[2]) : Number.NaN;
  const valid =
    'Use <posts>/<duration>, for example 20/5m (Teams Workflows accept about 25 requests per 5 minutes), with 1 to 1000 posts per 1s to 1h.';
  if (!(requests >= 1 && requests <= 1000) || !(windowMs >= 1000 && windowMs <= 3_600_000)) fail(input, `is '${raw}'`, valid);
  return { requests, windowMs };
}

function describeMs(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's']) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms / 1000}s`;
}

/**
 * Plain http is accepted only to a loopback address (a local proxy or test double on the runner
 * itself), where nothing crosses a network; everywhere else tokens and webhook URLs need TLS.
 */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname.toLowerCase());
}

/** Parses an https URL override such as graph-endpoint; returns its origin+path without trailing slash. */
export function httpsUrlInput(read: InputReader, input: string, fallback: string, allowLoopbackHttp: boolean): string {
  const raw = read(input).trim();
  if (raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(input, `is '${raw}', which is not a URL`, 'Give an https:// URL such as https://graph.microsoft.com.');
  }
  if (url.protocol !== 'https:' && !(allowLoopbackHttp && isLoopbackHttp(url)))
    fail(input, 'must use https', 'Give an https:// URL such as https://graph.microsoft.com.');
  return url.toString().replace(/\/+$/, '');
}

/**
 * Classifies a Teams webhook URL. The URL itself is a bearer secret, so no message here repeats it.
 * Office 365 connectors were retired in 2026 and may answer 2xx while posting nothing; the Logic Apps
 * based Workflows URLs stopped working on 2025-11-30.
 */
export function classifyWebhook(raw: string, allowLegacy: boolean, input = 'teams-webhook-url'): WebhookKind {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      input,
      'is not a URL',
      'Paste the HTTP POST URL of the Teams Workflows trigger "When a Teams webhook request is received".'
    );
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    fail(input, `uses ${url.protocol.replace(':', '')} instead of https`, 'Teams webhook URLs always start with https://.');
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.logic.azure.com')) {
    fail(
      input,
      'points to a Logic Apps (logic.azure.com) workflow URL, which Microsoft stopped serving on 2025-11-30',
      'Open the workflow in Teams (Workflows app), copy its new HTTP POST URL (…environment.api.powerplatform.com…) and store it in the secret.'
    );
  }
  // Connector URLs have a connector host, or the path shape /webhookb2/<group>@<tenant>/IncomingWebhook/… on any host.
  const legacy =
    host.endsWith('.webhook.office.com') ||
    ((host === 'outlook.office.com' || host === 'outlook.office365.com') && url.pathname.startsWith('/webhook')) ||
    /^\/webhookb2\/[^/]+\/IncomingWebhook\//i.test(url.pathname);
  if (legacy) {
    if (!allowLegacy) {
      fail(
        input,
        'is an Office 365 connector (Incoming Webhook) URL; these connectors were retired in 2026 and may accept a card without posting it',
        'In Teams, add the Workflows template "Send webhook alerts to a channel" (formerly "Post to a channel when a webhook request is received"), copy its URL into the secret, or set allow-legacy-connector: true to keep using the connector at your own risk.'
      );
    }
    return 'legacy-connector';
  }
  return 'workflows';
}
