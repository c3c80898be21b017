import { severityRank, type GraphAlert, type Severity } from '../model/alert.js';
import type { WebhookKind } from '../inputs/inputs.js';

/**
 * Which route an alert takes. Kept apart from routes.ts (the parser, with a YAML parser and a regular
 * expression compiler) so that matching loads neither: a compiled title pattern carries its own test.
 */
/** A parsed route (routes.ts parses the input). */
export interface Route {
  name: string;
  /** teams-delivery: webhook: the route's Workflows URL (a secret) and its kind. */
  webhookUrl?: string;
  webhookKind?: WebhookKind;
  /** teams-delivery: bot: the route's channel id (19:…@thread.tacv2). */
  channel?: string;
  minSeverity?: Severity;
  severities?: Severity[];
  serviceSources?: string[];
  /** Case-insensitive, tested against the start of the title (see TITLE_MATCH_LENGTH). */
  title?: TitlePattern;
}

/** A compiled `title` pattern; `source` is what the user wrote. */
export interface TitlePattern {
  source: string;
  test(text: string): boolean;
}

/** Titles are attacker-chosen: a route's pattern only ever sees this many characters of one. */
export const TITLE_MATCH_LENGTH = 300;

export function routeMatches(route: Route, alert: Pick<GraphAlert, 'severity' | 'serviceSource' | 'title'>): boolean {
  if (route.minSeverity && severityRank(alert.severity) < severityRank(route.minSeverity)) return false;
  if (route.severities && !route.severities.includes((alert.severity ?? '').toLowerCase() as Severity)) return false;
  if (route.serviceSources && !route.serviceSources.includes(alert.serviceSource ?? '')) return false;
  if (route.title && !route.title.test(String(alert.title ?? '').slice(0, TITLE_MATCH_LENGTH))) return false;
  return true;
}

/** The first route whose filters all match, or undefined for the default channel. */
export function routeFor(routes: readonly Route[], alert: Pick<GraphAlert, 'severity' | 'serviceSource' | 'title'>): Route | undefined {
  return routes.find(route => routeMatches(route, alert));
}
