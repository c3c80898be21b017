/**
 * The subset of a Microsoft Graph `microsoft.graph.security.alert` (alerts_v2) that the action reads.
 * Everything is optional on purpose: Graph adds properties over time and sources fill different ones,
 * so code that reads an alert must cope with any of them being missing or null.
 */
export interface GraphAlert {
  id: string;
  title?: string | null;
  description?: string | null;
  recommendedActions?: string | null;
  severity?: string | null;
  status?: string | null;
  classification?: string | null;
  determination?: string | null;
  serviceSource?: string | null;
  detectionSource?: string | null;
  productName?: string | null;
  category?: string | null;
  categories?: string[] | null;
  assignedTo?: string | null;
  alertWebUrl?: string | null;
  incidentWebUrl?: string | null;
  incidentId?: string | null;
  mitreTechniques?: string[] | null;
  createdDateTime?: string | null;
  lastUpdateDateTime?: string | null;
  resolvedDateTime?: string | null;
  firstActivityDateTime?: string | null;
  lastActivityDateTime?: string | null;
  threatDisplayName?: string | null;
  evidence?: GraphEvidence[] | null;
  comments?: GraphAlertComment[] | null;
  [other: string]: unknown;
}

/** One evidence item; the `@odata.type` tells which of the optional properties are present. */
/** microsoft.graph.security.alertComment */
export interface GraphAlertComment {
  comment?: string | null;
  createdByDisplayName?: string | null;
  createdDateTime?: string | null;
}

export interface GraphEvidence {
  '@odata.type'?: string;
  [property: string]: unknown;
}

export const SEVERITIES = ['informational', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank used for `min-severity`; unknown values (e.g. `unknownFutureValue`) rank below informational. */
export function severityRank(severity: string | null | undefined): number {
  const index = SEVERITIES.indexOf((severity ?? '').toLowerCase() as Severity);
  return index;
}

export const STATUSES = ['new', 'inProgress', 'resolved'] as const;

/** serviceSource values documented for alerts_v2 (evolvable enum; later members need the Prefer header). */
export const SERVICE_SOURCES = [
  'microsoftDefenderForEndpoint',
  'microsoftDefenderForIdentity',
  'microsoftDefenderForCloudApps',
  'microsoftDefenderForOffice365',
  'microsoft365Defender',
  'azureAdIdentityProtection',
  'microsoftAppGovernance',
  'dataLossPrevention',
  'microsoftDefenderForCloud',
  'microsoftSentinel',
  'microsoftInsiderRiskManagement',
  'microsoftThreatIntelligence',
  'microsoftSecurityForAI'
] as const;

/**
 * A `serviceSource` value as an input names it: a documented one in its documented spelling (any case),
 * or, since the enum is evolvable and Microsoft adds members before the docs list them, any other
 * camelCase name as written, with `warn` told so. Anything else is not a serviceSource at all: `reject`
 * (the input's own error, given the valid values) is called.
 */
export function serviceSourceOf(text: string, warn: (message: string) => void, reject: (valid: string) => never): string {
  const known = SERVICE_SOURCES.find(value => value.toLowerCase() === text.trim().toLowerCase());
  if (known) return known;
  // camelCase: a lower-case start and at least one hump (microsoftSomethingNew); 'defender' is a typo, not a source.
  if (!/^[a-z]+[A-Z][A-Za-z0-9]{1,62}$/.test(text.trim()))
    return reject(`Valid values: ${SERVICE_SOURCES.join(', ')} (or another camelCase value Microsoft has added).`);
  warn(
    `'${text.trim()}' is not a serviceSource value Microsoft documents (${SERVICE_SOURCES.join(', ')}); it is used as written. Check its spelling if it should match alerts.`
  );
  return text.trim();
}

/** Milliseconds since the epoch of an ISO timestamp, or NaN. Graph uses 7 fractional digits: Date copes. */
export function timeOf(value: string | null | undefined): number {
  return value ? Date.parse(value) : Number.NaN;
}

/** Keeps only objects with a string id: a malformed item must not break the whole run. */
export function isAlertLike(value: unknown): value is GraphAlert {
  return (
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id !== ''
  );
}

/**
 * Alert data is hostile: any field may have the wrong type, be huge or nested without end. Every item is
 * checked as it arrives. One without a usable id is skipped (and counted, and warned about); a field
 * of the wrong type is dropped and the alert is rendered from what is valid; texts are capped, so that
 * nothing downstream (delta, cards, logs, report) ever sees more than a bounded amount per alert.
 */
export const MAX_ALERT_ID_LENGTH = 512;

/** Fields the delta, filters, routes and snapshot read, with the longest value worth keeping. */
const CORE_FIELDS: Record<string, number> = {
  status: 100,
  severity: 100,
  classification: 100,
  determination: 100,
  serviceSource: 200,
  assignedTo: 256,
  createdDateTime: 64,
  lastUpdateDateTime: 64,
  title: 2000,
  alertWebUrl: 2000
};
/** Other text fields of a card, capped generously (cards cut them much shorter). */
const TEXT_FIELDS: Record<string, number> = {
  description: 20_000,
  recommendedActions: 20_000,
  detectionSource: 200,
  productName: 200,
  category: 200,
  incidentWebUrl: 2000,
  incidentId: 200,
  resolvedDateTime: 64,
  firstActivityDateTime: 64,
  lastActivityDateTime: 64,
  threatDisplayName: 1000
};
const STRING_LIST_FIELDS = ['categories', 'mitreTechniques'];
/** Bounds of the generic copy of everything else (evidence, comments, additionalData...). */
const MAX_DEPTH = 8;
const MAX_NODES = 4000;
const MAX_ITEMS = 200;
const MAX_STRING = 4000;

export type AlertCheck = { alert: GraphAlert; problems: string[] } | { skipped: string; id?: string };

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The cheap check every fetched item gets: a usable id, and the fields the delta reads of the right type. */
export function checkAlert(raw: unknown): AlertCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { skipped: `the item is ${describeType(raw)}, not an alert object` };
  const item = raw as Record<string, unknown>;
  const id = item.id;
  if (typeof id !== 'string' || id === '') return { skipped: `its id is ${typeof id === 'string' ? 'empty' : describeType(id)}` };
  if (id.length > MAX_ALERT_ID_LENGTH)
    return { skipped: `its id is ${id.length} characters long (at most ${MAX_ALERT_ID_LENGTH})`, id: id.slice(0, 60) };
  const problems: string[] = [];
  for (const field in CORE_FIELDS) {
    const value = item[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problems.push(`${field} is ${describeType(value)}`);
      delete item[field];
    } else if (value.length > CORE_FIELDS[field]) {
      item[field] = value.slice(0, CORE_FIELDS[field]);
    }
  }
  return { alert: item as GraphAlert, problems };
}

/** A bounded copy of any JSON value: depth, items, keys, string length and total size are all capped. */
function boundedCopy(value: unknown, depth: number, budget: { nodes: number }): unknown {
  if (--budget.nodes < 0) return undefined;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value !== 'object' || value === null)
    return typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let i = 0; i < value.length && i < MAX_ITEMS && budget.nodes > 0; i++) copy.push(boundedCopy(value[i], depth + 1, budget));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  let keys = 0;
  for (const key in value as Record<string, unknown>) {
    if (!Object.hasOwn(value, key) || key === '__proto__') continue;
    if (++keys > MAX_ITEMS || budget.nodes <= 0) break;
    const field = boundedCopy((value as Record<string, unknown>)[key], depth + 1, budget);
    if (field !== undefined) copy[key] = field;
  }
  return copy;
}

/**
 * The whole alert, bounded, for alerts that may be posted: text fields of the wrong type are dropped
 * (and reported in `problems`), lists hold only strings, everything else is a bounded copy.
 */
export function boundedAlert(alert: GraphAlert, problems: string[] = []): GraphAlert {
  const budget = { nodes: MAX_NODES };
  const copy: Record<string, unknown> = { id: alert.id };
  for (const key in alert) {
    if (!Object.hasOwn(alert, key) || key === 'id' || key === '__proto__') continue;
    const value = (alert as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const cap = CORE_FIELDS[key] ?? TEXT_FIELDS[key];
    if (cap !== undefined) {
      if (value === null) copy[key] = null;
      else if (typeof value === 'string') copy[key] = value.length > cap ? value.slice(0, cap) : value;
      else problems.push(`${key} is ${describeType(value)}`);
    } else if (STRING_LIST_FIELDS.includes(key)) {
      if (Array.isArray(value))
        copy[key] = value
          .filter(item => typeof item === 'string')
          .slice(0, MAX_ITEMS)
          .map(item => (item as string).slice(0, 200));
      else if (value !== null) problems.push(`${key} is ${describeType(value)}`);
    } else {
      const bounded = boundedCopy(value, 1, budget);
      if (bounded !== undefined) copy[key] = bounded;
    }
  }
  return copy as GraphAlert;
}

/**
 * The parts of an alert whose change is worth a follow-up notice. Joined into one short string so the
 * snapshot stays small and comparison is a string compare.
 */
export function stateSignature(alert: GraphAlert): string {
  return `${alert.status ?? ''}|${alert.severity ?? ''}|${alert.classification ?? ''}|${alert.determination ?? ''}|${alert.assignedTo ?? ''}`;
}

/** The status part of a state signature. */
export function statusOfSignature(signature: string): string {
  const end = signature.indexOf('|');
  return end === -1 ? signature : signature.slice(0, end);
}
