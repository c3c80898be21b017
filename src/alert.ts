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
  'microsoftInsiderRiskManagement'
] as const;

/** Milliseconds since the epoch of an ISO timestamp, or NaN. Graph uses 7 fractional digits: Date copes. */
export function timeOf(value: string | null | undefined): number {
  return value ? Date.parse(value) : Number.NaN;
}

/** Keeps only objects with a string id: a malformed item must not break the whole run. */
export function isAlertLike(value: unknown): value is GraphAlert {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id !== '';
}
