import type { GraphAlert } from '../alert.js';
import { getAllPages, type GraphClientOptions } from './client.js';

export { GRAPH_RETRY_POLICY } from './client.js';

/**
 * The alerts query: everything updated since `since` (ms), optionally limited to some service sources.
 * Severity and status are filtered after the fetch, not in $filter: an alert that was filtered out and
 * later escalates, or one that gets resolved, must still be seen to be handled.
 */
export interface AlertQuery {
  since: number;
  serviceSources: string[];
}

/** OData datetime literal: Graph expects it unquoted, in UTC. */
function odataDate(ms: number): string {
  return new Date(ms).toISOString();
}

export function buildAlertsFilter(query: AlertQuery): string {
  const clauses = [`lastUpdateDateTime ge ${odataDate(query.since)}`];
  if (query.serviceSources.length > 0) {
    clauses.push(`(${query.serviceSources.map(source => `serviceSource eq '${source}'`).join(' or ')})`);
  }
  return clauses.join(' and ');
}

export function buildAlertsUrl(graphEndpoint: string, query: AlertQuery, pageSize?: number): string {
  const url = new URL(`${graphEndpoint}/v1.0/security/alerts_v2`);
  url.searchParams.set('$filter', buildAlertsFilter(query));
  if (pageSize) url.searchParams.set('$top', String(pageSize));
  return url.toString();
}

export interface FetchedAlerts {
  alerts: GraphAlert[];
  requests: number;
}

/** `take` checks and trims each item as its page arrives (see alertIntake); it returns undefined for items it skips. */
export async function fetchAlerts(
  graphEndpoint: string,
  query: AlertQuery,
  options: GraphClientOptions & { pageSize?: number },
  take: (item: unknown) => GraphAlert | undefined
): Promise<FetchedAlerts> {
  const { items, requests } = await getAllPages<unknown, GraphAlert>(buildAlertsUrl(graphEndpoint, query, options.pageSize), options, take);
  return { alerts: items, requests };
}
