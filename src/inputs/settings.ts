import { serviceSourceOf, SEVERITIES, STATUSES, type Severity } from '../model/alert.js';
import type { parseRoutes, Route } from '../routes/routes.js';
import type { parseSuppress } from '../suppress/suppress.js';
import type { parseRules } from '../rules/rules.js';
import type { AuditRule } from '../rules/rule-match.js';
import type { SuppressRule } from '../suppress/suppress-match.js';
import { CLOUDS, type Cloud } from './clouds.js';
import { deliveryInput, parseBotSettings, type BotSettings } from './bot-settings.js';
import { resetInput, signingKeysInput } from './snapshot-inputs.js';
import { boardInputs, type DigestTime } from './board-inputs.js';
import {
  booleanInput,
  classifyWebhook,
  durationInput,
  fail,
  GUID,
  httpsUrlInput,
  listOf,
  oneOf,
  rateInput,
  type InputReader,
  type PostRate,
  type WebhookKind
} from './inputs.js';
import { oneLine, warning } from '../runtime/log.js';

export { CLOUDS, type Cloud } from './clouds.js';
export {
  classifyWebhook,
  isLoopbackHttp,
  matchAllowed,
  parseDuration,
  SettingsError,
  type InputReader,
  type PostRate,
  type WebhookKind
} from './inputs.js';

/**
 * Inputs are parsed once, here, into a typed and validated settings object: one documented field and one
 * line per input. The generic readers (enums, lists, durations, URLs, webhook URLs) live in inputs.ts.
 * Every problem is a SettingsError that names the input, says what was wrong and lists what is valid.
 */
export type NoticeKind = 'new' | 'resolved' | 'updated';
export type SnapshotStoreKind = 'auto' | 'actions-cache' | 'file';

export type Credential =
  { kind: 'secret'; clientSecret: string } | { kind: 'certificate'; pem: string; password?: string } | { kind: 'oidc' };

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
  /** `source`: where alerts come from (Microsoft Graph, or a JSON file for trials). */
  source: 'graph' | 'file';
  /** Sign-in and endpoints; set when source is graph. */
  graph?: GraphSettings;
  /** `alerts-file`: set when source is file. */
  alertsFile?: string;
  /** Tenant the snapshot belongs to: the tenant id, or `file` for the file source. */
  snapshotScope: string;
  /** `min-severity`: the lowest severity worth a notice. */
  minSeverity: Severity;
  /** `statuses`: alert statuses worth a notice. */
  statuses: string[];
  /** `service-sources`: allow-list of serviceSource values (empty: all); also sent in the Graph $filter. */
  serviceSources: string[];
  /** `lookback`: how far back the first run reads, ms. */
  lookbackMs: number;
  /** `first-run`: post what the first run finds, or record it silently. */
  firstRun: 'notify' | 'silent';
  /** `notify-on`: the notice kinds to post. */
  notifyOn: NoticeKind[];
  /** `group-by`: one notice per alert, or one story per incident (alerts without an incident stay alert cards). */
  groupBy: 'alert' | 'incident';
  /** `max-cards`: individual cards per channel and run; the rest go in digests. */
  maxCards: number;
  /** `teams-webhook-url`: the default channel (a bearer secret). */
  webhookUrl?: string;
  /** What the default webhook is; `none` when it is empty (allowed only for source file, routes, or dry-run). */
  webhookKind: WebhookKind | 'none';
  /** `teams-delivery`: a Workflows webhook (default), or a Teams bot (confirmed delivery, message ids, edits). */
  teamsDelivery: 'webhook' | 'bot';
  /** teams-delivery: bot: the bot, its service and the default channel. */
  bot?: BotSettings;
  /** `open-alerts-board`: one card per channel, edited in place, listing what is open (bot only). */
  openAlertsBoard: boolean;
  /** `open-alerts-digest`: the daily time the open alerts are posted as one card per channel. */
  openAlertsDigest?: DigestTime;
  /** `open-alerts-digest-empty`: post a digest that says "nothing open", or skip it. */
  openAlertsDigestEmpty: 'skip' | 'post';
  /** `post-interval`: minimum pause between two posts, ms. */
  postIntervalMs: number;
  /** `routes`: other channels for some alerts; the first matching route wins, the rest go to webhookUrl. */
  routes: Route[];
  /** `suppress`: rules that hold notices back (exclusions, snoozes); the first that holds and matches wins. */
  suppress: SuppressRule[];
  /** `rules`: activity rules over the unified audit log (match, threshold, new-value); source graph only. */
  rules: AuditRule[];
  /** `audit-api-version`: the Graph version the audit log query API is called on. */
  auditApiVersion: 'v1.0' | 'beta';
  /** `read-alerts`: read security alerts (false: run the rules alone). */
  readAlerts: boolean;
  /** `remind-after`: repeat open alerts the channel has not heard about for this long (undefined: no reminders). */
  remindAfterMs?: number;
  /** `post-rate`: at most this many posts per window to one webhook. */
  postRate: PostRate;
  /** `request-timeout`: per HTTP attempt to Entra, Graph and Teams, the whole answer (headers and body). */
  requestTimeoutMs: number;
  /** `snapshot-store`: where the snapshot lives between runs. */
  snapshotStore: SnapshotStoreKind;
  /** `snapshot-path`: the file of the file store. */
  snapshotPath: string;
  /** `cache-key-prefix`: prefix of the Actions cache keys (the tenant id is added). */
  cacheKeyPrefix: string;
  /**
   * `reset-snapshot`: `true` starts afresh under first-run when the stored snapshot is untrusted or absent
   * (a trusted one is used, with a warning); `adopt` takes an otherwise valid snapshot whatever its
   * signature (unsigned, another key, another cache key) and saves it signed.
   */
  resetSnapshot: 'false' | 'true' | 'adopt';
  /** `snapshot-signing-key`: HMAC-SHA256 keys, one per line; the first signs, any verifies (rotation). */
  snapshotSigningKeys: string[];
  /** `send-test-card`: post one test card to every destination and stop: no alerts read, no snapshot touched. */
  sendTestCard: boolean;
  /** `max-run-time`: no post starts later than this after the run began; the rest stays owed for the next run. */
  maxRunTimeMs: number;
  /** Hosts a card button may open: the Microsoft portals of the configured cloud (from `cloud`). */
  portalHosts: readonly string[];
  /** `dry-run`: fetch and compare, print cards, post nothing, save nothing. */
  dryRun: boolean;
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
      fail(
        'client-certificate',
        'is not a PEM holding both a certificate and its private key',
        'Give the PEM text with a -----BEGIN CERTIFICATE----- block and a -----BEGIN PRIVATE KEY----- block.'
      );
    }
    return { kind: 'certificate', pem, password: password || undefined };
  }
  return { kind: 'oidc' };
}

function graphSettings(read: InputReader): GraphSettings {
  const rawCloud = read('cloud').trim();
  if (/^(china|cn|mooncake|21vianet|azurechina)/i.test(rawCloud)) {
    fail(
      'cloud',
      `is '${rawCloud}': Microsoft Graph security alerts (alerts_v2) are not available in the China cloud operated by 21Vianet`,
      'Valid values: global, gcc, usgov, usgov-dod.'
    );
  }
  const cloud = oneOf<Cloud>(read, 'cloud', ['global', 'gcc', 'usgov', 'usgov-dod'], 'global');
  const tenantId = read('tenant-id').trim();
  if (!tenantId)
    fail(
      'tenant-id',
      'is required when source is graph',
      'Give the Directory (tenant) ID GUID from the Overview page of the app registration.'
    );
  if (!GUID.test(tenantId))
    fail(
      'tenant-id',
      `is '${tenantId}', which is not a GUID`,
      'Give the Directory (tenant) ID, e.g. 00000000-0000-0000-0000-000000000000, from the Overview page of the app registration.'
    );
  const clientId = read('client-id').trim();
  if (!clientId) fail('client-id', 'is required when source is graph', 'Give the Application (client) ID GUID of the app registration.');
  if (!GUID.test(clientId))
    fail('client-id', `is '${clientId}', which is not a GUID`, 'Give the Application (client) ID GUID of the app registration.');
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
  parseSuppress?: typeof parseSuppress;
  parseRules?: typeof parseRules;
}

/** Loads what the inputs need, then parses them (see parseSettings). */
export async function loadSettings(read: InputReader): Promise<Settings> {
  const parsers: OptionalParsers = {};
  if (read('routes').trim() !== '') parsers.parseRoutes = (await import('../routes/routes.js')).parseRoutes;
  if (read('suppress').trim() !== '') parsers.parseSuppress = (await import('../suppress/suppress.js')).parseSuppress;
  if (read('rules').trim() !== '') parsers.parseRules = (await import('../rules/rules.js')).parseRules;
  return parseSettings(read, parsers);
}

/** Reads and validates every input. Throws SettingsError on the first problem. */

/** `service-sources`: documented values in their spelling, other camelCase names as written (warned). */
function serviceSourcesInput(read: InputReader): string[] {
  const values: string[] = [];
  for (const item of read('service-sources')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const found = serviceSourceOf(
      item,
      message => warning(`Input 'service-sources': ${message}`),
      valid => fail('service-sources', `contains '${oneLine(item, 60)}', which is not a serviceSource value`, valid)
    );
    if (!values.includes(found)) values.push(found);
  }
  return values;
}

function sourceInputs(read: InputReader): Pick<Settings, 'source' | 'graph' | 'alertsFile'> {
  const source = oneOf(read, 'source', ['graph', 'file'] as const, 'graph');
  if (source === 'graph') return { source, graph: graphSettings(read) };
  const alertsFile = read('alerts-file').trim();
  if (!alertsFile)
    fail(
      'alerts-file',
      'is required when source is file',
      'Give the path of a JSON file holding an array of alerts or a Graph response ({"value": [...]}).'
    );
  return { source, alertsFile };
}

function maxCardsInput(read: InputReader): number {
  const maxCardsRaw = read('max-cards').trim() || '10';
  const maxCards = Number(maxCardsRaw);
  if (!/^\d+$/.test(maxCardsRaw) || maxCards > 100) {
    fail('max-cards', `is '${maxCardsRaw}'`, 'Use a whole number from 0 to 100 (0 sends every alert in digest cards).');
  }
  return maxCards;
}

/** The YAML list inputs (routes, suppress, rules), each read by its feature's parser (loaded only when set). */
function listInputs(
  read: InputReader,
  parsers: OptionalParsers,
  allowLegacy: boolean,
  delivery: Settings['teamsDelivery'],
  tenantId: string | undefined
): Pick<Settings, 'routes' | 'suppress' | 'rules'> {
  const routesText = read('routes');
  if (routesText.trim() !== '' && !parsers.parseRoutes)
    throw new Error("parseSettings: input 'routes' is set but no routes parser was given (use loadSettings)");
  const routes = routesText.trim() === '' ? [] : parsers.parseRoutes!(routesText, allowLegacy, delivery, tenantId);
  const suppressText = read('suppress');
  if (suppressText.trim() !== '' && !parsers.parseSuppress)
    throw new Error("parseSettings: input 'suppress' is set but no parser was given (use loadSettings)");
  const suppress = suppressText.trim() === '' ? [] : parsers.parseSuppress!(suppressText);
  const rulesText = read('rules');
  if (rulesText.trim() !== '' && !parsers.parseRules)
    throw new Error("parseSettings: input 'rules' is set but no parser was given (use loadSettings)");
  const rules = rulesText.trim() === '' ? [] : parsers.parseRules!(rulesText);
  return { routes, suppress, rules };
}

/** Inputs that only make sense together: each combination that would read or post nothing is an error. */
function checkCombinations(read: InputReader, s: Pick<Settings, 'source' | 'graph' | 'webhookUrl' | 'routes' | 'rules' | 'teamsDelivery'>) {
  const { source, graph, webhookUrl, routes, rules } = s;
  const bot = s.teamsDelivery === 'bot';
  if (rules.length > 0 && source !== 'graph')
    fail('rules', 'is set, but source is file', 'Rules read the audit log from Microsoft Graph: use source: graph, or remove rules.');
  if (rules.length > 0 && graph && graph.cloud !== 'global' && graph.cloud !== 'gcc')
    fail(
      'rules',
      `is set, but cloud is ${graph.cloud}`,
      'Microsoft offers the audit log query API in the global cloud only; remove rules for this tenant.'
    );
  const readAlerts = booleanInput(read, 'read-alerts', true);
  if (!readAlerts && rules.length === 0)
    fail(
      'read-alerts',
      'is false and there are no rules, so the run would read nothing',
      'Set rules (see examples/rules.yml), or remove read-alerts: false.'
    );
  const dryRun = booleanInput(read, 'dry-run', false);
  const sendTestCard = booleanInput(read, 'send-test-card', false);
  if (source === 'graph' && !bot && !webhookUrl && routes.length === 0 && !dryRun) {
    // Printing instead of posting would record real alerts as told: a missing secret must not eat them.
    fail(
      'teams-webhook-url',
      'is empty, and there are no routes',
      'Alerts read from Microsoft Graph must go to Teams: the secret passed as teams-webhook-url may be missing, misspelt, or not available to this workflow (secrets are not passed to workflows from forks). Set it, or set dry-run: true to try the action without posting.'
    );
  }
  if (sendTestCard && !bot && !webhookUrl && routes.length === 0) {
    fail(
      'send-test-card',
      'is true, but teams-webhook-url is empty and there are no routes',
      'Set teams-webhook-url (and routes, if any) so there is a channel to test.'
    );
  }
  return { readAlerts, dryRun, sendTestCard };
}

export function parseSettings(read: InputReader, parsers: OptionalParsers = {}): Settings {
  // Inputs are read in this order, so the first of several mistakes is the one reported.
  const { source, graph, alertsFile } = sourceInputs(read);
  const maxCards = maxCardsInput(read);
  const webhookUrl = read('teams-webhook-url').trim() || undefined;
  const allowLegacy = booleanInput(read, 'allow-legacy-connector', false);
  const webhookKind = webhookUrl ? classifyWebhook(webhookUrl, allowLegacy) : 'none';
  const cacheKeyPrefix = read('cache-key-prefix').trim() || 'm365-alerts-snapshot';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(cacheKeyPrefix)) {
    fail('cache-key-prefix', `is '${cacheKeyPrefix}'`, 'Use 1 to 200 letters, digits, dots, dashes or underscores (no commas or spaces).');
  }
  const notifyOn = listOf<NoticeKind>(read, 'notify-on', ['new', 'resolved', 'updated'], ['new']);
  const teamsDelivery = deliveryInput(read, source, webhookUrl);
  const { routes, suppress, rules } = listInputs(read, parsers, allowLegacy, teamsDelivery, graph?.tenantId);
  const { readAlerts, dryRun, sendTestCard } = checkCombinations(read, { source, graph, webhookUrl, routes, rules, teamsDelivery });
  const bot = teamsDelivery === 'bot' ? parseBotSettings(read, graph!, routes.length === 0) : undefined;
  const board = boardInputs(read, teamsDelivery);
  const signingKeys = signingKeysInput(read);
  return {
    source,
    graph,
    alertsFile,
    snapshotScope: graph ? graph.tenantId : 'file',
    minSeverity: oneOf(read, 'min-severity', SEVERITIES, 'low'),
    statuses: listOf(read, 'statuses', STATUSES, ['new', 'inProgress']),
    serviceSources: serviceSourcesInput(read),
    lookbackMs: durationInput(read, 'lookback', '24h', 60_000, 180 * 86_400_000),
    firstRun: oneOf(read, 'first-run', ['notify', 'silent'] as const, 'notify'),
    notifyOn,
    maxCards,
    groupBy: oneOf(read, 'group-by', ['alert', 'incident'] as const, 'alert'),
    webhookUrl,
    webhookKind,
    teamsDelivery,
    bot,
    ...board,
    postIntervalMs: durationInput(read, 'post-interval', '1s', 0, 60_000),
    requestTimeoutMs: durationInput(read, 'request-timeout', '30s', 1_000, 300_000),
    postRate: rateInput(read, 'post-rate', '20/5m'),
    routes,
    suppress,
    rules,
    auditApiVersion: oneOf(read, 'audit-api-version', ['v1.0', 'beta'] as const, 'v1.0'),
    readAlerts,
    remindAfterMs: read('remind-after').trim() ? durationInput(read, 'remind-after', '', 3_600_000, 30 * 86_400_000) : undefined,
    snapshotStore: oneOf<SnapshotStoreKind>(read, 'snapshot-store', ['auto', 'actions-cache', 'file'], 'auto'),
    snapshotPath: read('snapshot-path').trim() || '.m365-alerts/snapshot.json',
    cacheKeyPrefix,
    resetSnapshot: resetInput(read),
    snapshotSigningKeys: signingKeys,
    sendTestCard,
    maxRunTimeMs: durationInput(read, 'max-run-time', '10m', 5_000, 6 * 3_600_000),
    portalHosts: CLOUDS[graph?.cloud ?? 'global'].portals,
    dryRun
  };
}
