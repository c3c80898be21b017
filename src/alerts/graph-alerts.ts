import type { GraphAlert } from '../model/alert.js';
import { getAllPages, GraphError, type GraphClientOptions } from '../graph/client.js';

export { GRAPH_RETRY_POLICY } from '../graph/client.js';

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
  /** The $top Graph accepted (undefined: its default). */
  pageSize?: number;
}

/**
 * Page sizes asked for, largest first. Graph documents no maximum $top for alerts_v2; fewer, larger pages
 * mean fewer requests against the 150-per-minute throttle. A size Graph refuses (400 naming Top) falls
 * back to the next, and finally to Graph's own default.
 */
export const PAGE_SIZES: ReadonlyArray<number | undefined> = [1000, 100, undefined];

function refusesTop(error: unknown): boolean {
  return error instanceof GraphError && error.status === 400 && /\btop\b/i.test(error.message);
}

/** `take` checks and trims each item as its page arrives (see alertIntake); it returns undefined for items it skips. */
export async function fetchAlerts(
  graphEndpoint: string,
  query: AlertQuery,
  options: GraphClientOptions & { pageSizes?: ReadonlyArray<number | undefined> },
  take: (item: unknown) => GraphAlert | undefined
): Promise<FetchedAlerts> {
  const sizes = options.pageSizes ?? PAGE_SIZES;
  let refused = 0;
  for (const [index, pageSize] of sizes.entries()) {
    try {
      const { items, requests } = await getAllPages<unknown, GraphAlert>(buildAlertsUrl(graphEndpoint, query, pageSize), options, take);
      return { alerts: items, requests: requests + refused, pageSize };
    } catch (error) {
      // Only the first request can be refused for its $top: no item has been taken yet.
      if (!refusesTop(error) || index === sizes.length - 1) throw error;
      refused++;
    }
  }
  throw new Error('unreachable');
}
