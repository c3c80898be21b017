import { SERVICE_SOURCES, SEVERITIES, STATUSES, type Severity } from './alert.js';
import type { parseRoutes, Route } from './routes.js';
import { ExplainedError } from './errors.js';
import { CLOUDS, type Cloud } from './clouds.js';

export { CLOUDS, type Cloud } from './clouds.js';

/**
 * Inputs are parsed once, here, into a typed and validated settings object. Every problem is reported
 * as a SettingsError that names the input, says what was wrong and lists what is valid, so that a
 * misconfigured workflow fails in its first second with a message that says what to fix.
 */
export class SettingsError extends ExplainedError {
  override name = 'SettingsError';
}

export type NoticeKind = 'new' | 'resolved' | 'updated';
export type SnapshotStoreKind = 'auto' | 'actions-cache' | 'file';

export type Credential =
  | { kind: 'secret'; clientSecret: string }
  | { kind: 'certificate'; pem: string; password?: string }
  | { kind: 'oidc' };

export interface GraphSettings {
  tenantId: string;
  clientId: string;
  credential: Credential;
  cloud: Cloud;
  /** Graph root without trailing slash, e.g. https://graph.microsoft.com */
  graphEndpoint: string;
  /** Sign-in host root without trailing slash, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** True when authority-host was overridden: MSAL must then trust it without instance discovery. */
  customAuthority: boolean;
}

export interface Settings {
  source: 'graph' | 'file';
  graph?: GraphSettings;
  alertsFile?: string;
  /** Tenant the snapshot belongs to: the tenant id, or `file` for the file source. */
  snapshotScope: string;
  minSeverity: Severity;
  statuses: string[];
  serviceSources: string[];
  lookbackMs: number;
  firstRun: 'notify' | 'silent';
  notifyOn: NoticeKind[];
  maxCards: number;
  webhookUrl?: string;
  webhookKind: 'workflows' | 'legacy-connector' | 'none';
  postIntervalMs: number;
  /** Other channels for some alerts; the first matching route wins, the rest go to webhookUrl. */
  routes: Route[];
  /** Repeat open alerts the channel has not heard about for this long (undefined: no reminders). */
  remindAfterMs?: number;
  /** At most this many posts per window to one webhook. */
  postRate: { requests: number; windowMs: number };
  /** Per HTTP attempt to Graph and Teams: time to the answer's headers and between body chunks. */
  requestTimeoutMs: number;
  snapshotStore: SnapshotStoreKind;
  snapshotPath: string;
  cacheKeyPrefix: string;
  /** Ignore the stored snapshot and start afresh under first-run (after a real reset). */
  resetSnapshot: boolean;
  /** HMAC-SHA256 key: snapshots are signed when saved and verified when loaded. */
  snapshotSigningKey?: string;
  /** Post one test card to every destination and stop: no alerts read, no snapshot touched. */
  sendTestCard: boolean;
  /** No post starts later than this after the run began; the rest stays owed for the next run. */
  maxRunTimeMs: number;
  /** Hosts a card button may open: the Microsoft portals of the configured cloud. */
  portalHosts: readonly string[];
  dryRun: boolean;
}

export type InputReader = (name: string) => string;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `30m`, `24h`, `7d`, `1.5s` into milliseconds; NaN when the text is not such a duration. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) return Number.NaN;
  return Math.round(Number(match[1]) * UNIT_MS[match[2].toLowerCase()]);
}

function fail(input: string, problem: string, valid: string): never {
  throw new SettingsError(`Input '${input}' ${problem}. ${valid}`);
}

/** The allowed value `text` names, compared case-insensitively and ignoring surrounding space. */
export function matchAllowed<T extends string>(allowed: readonly T[], text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  return allowed.find(value => value.toLowerCase() === wanted);
}

function oneOf<T extends string>(read: InputReader, input: string, allowed: readonly T[], fallback: T): T {
  const raw = read(input).trim();
  if (raw === '') return fallback;
  const found = matchAllowed(allowed, raw);
  if (!found) fail(input, `is '${raw}', which is not a valid value`, `Valid values: ${allowed.join(', ')}.`);
  return found;
}

/** A comma- or newline-separated list whose members must come from `allowed` (matched case-insensitively). */
function listOf<T extends string>(read: InputReader, input: string, allowed: readonly T[], fallback: T[]): T[] {
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

function booleanInput(read: InputReader, input: string, fallback: boolean): boolean {
  const raw = read(input).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(raw)) return true;
  if (['false', 'no', '0', 'off'].includes(raw)) return false;
  return fail(input, `is '${raw}', which is not a boolean`, 'Use true or false.');
}

function durationInput(read: InputReader, input: string, fallback: string, minMs: number, maxMs: number): number {
  const raw = read(input).trim() || fallback;
  const ms = parseDuration(raw);
  const range = `Use a number followed by s, m, h or d (for example 30m, 24h, 7d), between ${describeMs(minMs)} and ${describeMs(maxMs)}.`;
  if (Number.isNaN(ms)) fail(input, `is '${raw}', which is not a duration`, range);
  if (ms < minMs || ms > maxMs) fail(input, `is '${raw}', which is out of range`, range);
  return ms;
}

/** `20/5m`: at most 20 requests in any 5 minutes. */
function rateInput(read: InputReader, input: string, fallback: string): { requests: number; windowMs: number } {
  const raw = read(input).trim() || fallback;
  const match = /^(\d+)\s*\/\s*(.+)$/.exec(raw);
  const requests = match ? Number(match[1]) : Number.NaN;
  const windowMs = match ? parseDuration(match[2]) : Number.NaN;
  const valid = 'Use <posts>/<duration>, for example 20/5m (Teams Workflows accept about 25 requests per 5 minutes), with 1 to 1000 posts per 1s to 1h.';
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
function httpsUrlInput(read: InputReader, input: string, fallback: string, allowLoopbackHttp: boolean): string {
  const raw = read(input).trim();
  if (raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(input, `is '${raw}', which is not a URL`, 'Give an https:// URL such as https://graph.microsoft.com.');
  }
  if (url.protocol !== 'https:' && !(allowLoopbackHttp && isLoopbackHttp(url))) fail(input, 'must use https', 'Give an https:// URL such as https://graph.microsoft.com.');
  return url.toString().replace(/\/+$/, '');
}

/**
 * Classifies a Teams webhook URL. The URL itself is a bearer secret, so no message here repeats it.
 * Office 365 connectors were retired in 2026 and may answer 2xx while posting nothing; the Logic Apps
 * based Workflows URLs stopped working on 2025-11-30.
 */
export function classifyWebhook(raw: string, allowLegacy: boolean, input = 'teams-webhook-url'): 'workflows' | 'legacy-connector' {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(input, 'is not a URL', 'Paste the HTTP POST URL of the Teams Workflows trigger "When a Teams webhook request is received".');
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
        'In Teams, add the Workflows template "Post to a channel when a webhook request is received", copy its URL into the secret, or set allow-legacy-connector: true to keep using the connector at your own risk.'
      );
    }
    return 'legacy-connector';
  }
  return 'workflows';
}

function resolveCredential(read: InputReader): Credential {
  const secret = read('client-secret').trim();
  const pem = read('client-certificate').trim();
  const password = read('client-certificate-password');
  if (secret && pem) {
    fail('client-secret', 'and client-certificate are both set', 'Set only one of them (or neither, to sign in with GitHub OIDC).');
  }
  if (secret) return { kind: 'secret', clientSecret: secret };
  if (pem) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----') || !/-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.test(pem)) {
      fail('client-certificate', 'is not a PEM holding both a certificate and its private key', 'Give the PEM text with a -----BEGIN CERTIFICATE----- block and a -----BEGIN PRIVATE KEY----- block.');
    }
    return { kind: 'certificate', pem, password: password || undefined };
  }
  return { kind: 'oidc' };
}

function graphSettings(read: InputReader): GraphSettings {
  const rawCloud = read('cloud').trim();
  if (/^(china|cn|mooncake|21vianet|azurechina)/i.test(rawCloud)) {
    fail('cloud', `is '${rawCloud}': Microsoft Graph security alerts (alerts_v2) are not available in the China cloud operated by 21Vianet`, 'Valid values: global, usgov, usgov-dod.');
  }
  const cloud = oneOf<Cloud>(read, 'cloud', ['global', 'usgov', 'usgov-dod'], 'global');
  const tenantId = read('tenant-id').trim();
  if (!tenantId) fail('tenant-id', 'is required when source is graph', 'Give the Directory (tenant) ID GUID from the Overview page of the app registration.');
  if (!GUID.test(tenantId)) fail('tenant-id', `is '${tenantId}', which is not a GUID`, 'Give the Directory (tenant) ID, e.g. 00000000-0000-0000-0000-000000000000, from the Overview page of the app registration.');
  const clientId = read('client-id').trim();
  if (!clientId) fail('client-id', 'is required when source is graph', 'Give the Application (client) ID GUID of the app registration.');
  if (!GUID.test(clientId)) fail('client-id', `is '${clientId}', which is not a GUID`, 'Give the Application (client) ID GUID of the app registration.');
  const authorityOverride = read('authority-host').trim();
  return {
    tenantId: tenantId.toLowerCase(),
    clientId,
    credential: resolveCredential(read),
    cloud,
    graphEndpoint: httpsUrlInput(read, 'graph-endpoint', CLOUDS[cloud].graph, true),
    // MSAL refuses a non-https authority, so no loopback exception here.
    authorityHost: httpsUrlInput(read, 'authority-host', CLOUDS[cloud].authority, false),
    customAuthority: authorityOverride !== ''
  };
}

/**
 * Parsers loaded only when their input is used: the routes parser brings a YAML parser and a regular
 * expression engine, which a run without routes should not compile at start-up.
 */
export interface OptionalParsers {
  parseRoutes?: typeof parseRoutes;
}

/** Loads what the inputs need, then parses them (see parseSettings). */
export async function loadSettings(read: InputReader): Promise<Settings> {
  const parsers: OptionalParsers = {};
  if (read('routes').trim() !== '') parsers.parseRoutes = (await import('./routes.js')).parseRoutes;
  return parseSettings(read, parsers);
}

/** Reads and validates every input. Throws SettingsError on the first problem. */
export function parseSettings(read: InputReader, parsers: OptionalParsers = {}): Settings {
  const source = oneOf(read, 'source', ['graph', 'file'] as const, 'graph');
  let graph: GraphSettings | undefined;
  let alertsFile: string | undefined;
  if (source === 'graph') {
    graph = graphSettings(read);
  } else {
    alertsFile = read('alerts-file').trim();
    if (!alertsFile) fail('alerts-file', 'is required when source is file', 'Give the path of a JSON file holding an array of alerts or a Graph response ({"value": [...]}).');
  }

  const maxCardsRaw = read('max-cards').trim() || '10';
  const maxCards = Number(maxCardsRaw);
  if (!/^\d+$/.test(maxCardsRaw) || maxCards > 100) {
    fail('max-cards', `is '${maxCardsRaw}'`, 'Use a whole number from 0 to 100 (0 sends every alert in digest cards).');
  }

  const webhookUrl = read('teams-webhook-url').trim() || undefined;
  const allowLegacy = booleanInput(read, 'allow-legacy-connector', false);
  const webhookKind = webhookUrl ? classifyWebhook(webhookUrl, allowLegacy) : 'none';

  const cacheKeyPrefix = read('cache-key-prefix').trim() || 'm365-alerts-snapshot';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(cacheKeyPrefix)) {
    fail('cache-key-prefix', `is '${cacheKeyPrefix}'`, 'Use 1 to 200 letters, digits, dots, dashes or underscores (no commas or spaces).');
  }

  const notifyOn = listOf<NoticeKind>(read, 'notify-on', ['new', 'resolved', 'updated'], ['new']);
  const routesText = read('routes');
  if (routesText.trim() !== '' && !parsers.parseRoutes) throw new Error("parseSettings: input 'routes' is set but no routes parser was given (use loadSettings)");
  const routes = routesText.trim() === '' ? [] : parsers.parseRoutes!(routesText, allowLegacy);
  const dryRun = booleanInput(read, 'dry-run', false);
  const sendTestCard = booleanInput(read, 'send-test-card', false);
  if (source === 'graph' && !webhookUrl && routes.length === 0 && !dryRun) {
    // Printing instead of posting would record real alerts as told: a missing secret must not eat them.
    fail(
      'teams-webhook-url',
      'is empty, and there are no routes',
      'Alerts read from Microsoft Graph must go to Teams: the secret passed as teams-webhook-url may be missing, misspelt, or not available to this workflow (secrets are not passed to workflows from forks). Set it, or set dry-run: true to try the action without posting.'
    );
  }
  if (sendTestCard && !webhookUrl && routes.length === 0) {
    fail('send-test-card', 'is true, but teams-webhook-url is empty and there are no routes', 'Set teams-webhook-url (and routes, if any) so there is a channel to test.');
  }
  const signingKey = read('snapshot-signing-key');
  if (signingKey !== '' && signingKey.trim().length < 16) {
    fail('snapshot-signing-key', 'is shorter than 16 characters', 'Use a long random secret, e.g. the output of `openssl rand -hex 32`, stored as a repository secret.');
  }
  return {
    source,
    graph,
    alertsFile,
    snapshotScope: graph ? graph.tenantId : 'file',
    minSeverity: oneOf(read, 'min-severity', SEVERITIES, 'low'),
    statuses: listOf(read, 'statuses', STATUSES, ['new', 'inProgress']),
    serviceSources: listOf(read, 'service-sources', SERVICE_SOURCES, []),
    lookbackMs: durationInput(read, 'lookback', '24h', 60_000, 180 * 86_400_000),
    firstRun: oneOf(read, 'first-run', ['notify', 'silent'] as const, 'notify'),
    notifyOn,
    maxCards,
    webhookUrl,
    webhookKind,
    postIntervalMs: durationInput(read, 'post-interval', '1s', 0, 60_000),
    requestTimeoutMs: durationInput(read, 'request-timeout', '30s', 1_000, 300_000),
    postRate: rateInput(read, 'post-rate', '20/5m'),
    routes,
    remindAfterMs: read('remind-after').trim() ? durationInput(read, 'remind-after', '', 3_600_000, 30 * 86_400_000) : undefined,
    snapshotStore: oneOf<SnapshotStoreKind>(read, 'snapshot-store', ['auto', 'actions-cache', 'file'], 'auto'),
    snapshotPath: read('snapshot-path').trim() || '.m365-alerts/snapshot.json',
    cacheKeyPrefix,
    resetSnapshot: booleanInput(read, 'reset-snapshot', false),
    snapshotSigningKey: signingKey === '' ? undefined : signingKey,
    sendTestCard,
    maxRunTimeMs: durationInput(read, 'max-run-time', '10m', 5_000, 6 * 3_600_000),
    portalHosts: CLOUDS[graph?.cloud ?? 'global'].portals,
    dryRun
  };
}
