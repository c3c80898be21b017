import { RE2JS } from 're2js';
import { serviceSourceOf, SEVERITIES } from '../model/alert.js';
import { classifyWebhook, matchAllowed, SettingsError } from '../inputs/inputs.js';
import * as log from '../runtime/log.js';
import { oneLine } from '../runtime/log.js';
import type { Route, TitlePattern } from './route-match.js';
import { listItems, yamlList } from '../inputs/list-input.js';
import { MAX_CHANNELS } from '../model/message.js';
import { parseChannel } from '../inputs/bot-settings.js';

// The types live with the matching (route-match.ts), which the parser builds for.
export type { Route, TitlePattern } from './route-match.js';

/**
 * `routes`: send some alerts to other channels, e.g. DLP to the compliance channel and endpoint alerts to
 * the SOC. A YAML (or JSON) list; each route has a name, a webhook URL and filters that must all match.
 * The first matching route wins; an alert matching none goes to `teams-webhook-url`.
 */

/**
 * Route patterns run on attacker-written titles, in every run. JavaScript's backtracking engine takes
 * exponential time on patterns like `(a+)+$`, so patterns are compiled with RE2JS, a linear-time
 * engine (RE2 semantics): no pattern can hang a run, whatever the title. RE2 has no backreferences or
 * lookaround; such patterns are refused when the input is parsed.
 */
export function compileTitlePattern(source: string): TitlePattern {
  const compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return { source, test: text => compiled.matcher(text).find() };
}

/** A `title` key of a list input (routes, suppress): checked, then compiled; `reject` names the input and item. */
export function titlePatternKey(value: unknown, reject: (problem: string, valid: string) => never): TitlePattern {
  if (typeof value !== 'string' || value === '')
    reject("'title' is not a text", 'Give a regular expression, e.g. title: ransomware|exfiltration.');
  if (value.length > 1000)
    reject("'title' is longer than 1000 characters", 'Use a short regular expression, e.g. title: ransomware|exfiltration.');
  try {
    return compileTitlePattern(value);
  } catch (error) {
    return reject(
      `'title' is not a valid regular expression for the linear-time matcher (${oneLine((error as Error).message, 200)})`,
      'Use regular expression syntax without backreferences (\\1) or lookaround ((?=, (?!, (?<=); matching ignores case and always takes linear time.'
    );
  }
}

const KEYS = ['name', 'webhook-url', 'channel', 'min-severity', 'severity', 'service-sources', 'title'];

const EXAMPLE = `For example:
  routes: |
    - name: compliance
      service-sources: [dataLossPrevention, microsoftInsiderRiskManagement]
      webhook-url: \${{ secrets.TEAMS_COMPLIANCE_WEBHOOK_URL }}`;

function fail(where: string, problem: string, valid: string): never {
  throw new SettingsError(`Input 'routes' ${where}${problem}. ${valid}`);
}

function pick<T extends string>(where: string, key: string, value: unknown, allowed: readonly T[]): T {
  const found = typeof value === 'string' ? matchAllowed(allowed, value) : undefined;
  if (!found) fail(where, `'${key}' has '${String(value)}', which is not a valid value`, `Valid values: ${allowed.join(', ')}.`);
  return found;
}

/** Parses the `routes` input; an empty input means no routes. Webhook URLs are never quoted in errors. */
export function parseRoutes(text: string, allowLegacy: boolean, delivery: 'webhook' | 'bot' = 'webhook', tenantId?: string): Route[] {
  if (text.trim() === '') return [];
  const names = new Set<string>();
  const entries = yamlList('routes', text, 'route', EXAMPLE);
  // The snapshot keeps per-channel state for at most MAX_CHANNELS channels (the default one included):
  // more routes would make every later run refuse the snapshot it saved.
  if (entries.length > MAX_CHANNELS - 1)
    fail('', `has ${entries.length} routes`, `Give at most ${MAX_CHANNELS - 1} (with the default channel, ${MAX_CHANNELS} channels).`);
  return entries.map((entry, index) => {
    let where = `route ${index + 1}: `;
    for (const key of Object.keys(entry)) {
      if (!KEYS.includes(key)) fail(where, `has the key '${key}', which is not known`, `Valid keys: ${KEYS.join(', ')}.`);
    }
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (!name) fail(where, "has no 'name'", 'Give every route a short name; it appears in logs and the job summary.');
    if (names.has(name)) fail(where, `repeats the name '${name}'`, 'Give every route its own name.');
    names.add(name);
    where = `route '${name}': `;
    const url = typeof entry['webhook-url'] === 'string' ? entry['webhook-url'].trim() : '';
    const channel = typeof entry.channel === 'string' ? entry.channel.trim() : '';
    const route: Route = { name };
    if (delivery === 'bot') {
      if (url)
        fail(
          where,
          "has a 'webhook-url', but teams-delivery is bot",
          "Give the route's channel instead: channel: <channel link or 19:…@thread.tacv2>."
        );
      if (!channel)
        fail(
          where,
          "has no 'channel'",
          "With teams-delivery: bot, give the route's channel: its link (Get link to channel) or id 19:…@thread.tacv2."
        );
      route.channel = parseChannel(`routes' route '${name}' key 'channel`, channel, tenantId);
    } else {
      if (channel)
        fail(
          where,
          "has a 'channel', which needs teams-delivery: bot",
          "Set teams-delivery: bot (a Teams bot posts), or give the route's webhook-url."
        );
      if (!url)
        fail(where, "has no 'webhook-url'", "Give the route's Teams Workflows URL, from a secret: webhook-url: ${{ secrets.NAME }}.");
      route.webhookUrl = url;
      route.webhookKind = classifyWebhook(url, allowLegacy, `routes' route '${name}' key 'webhook-url`);
    }
    if (entry['min-severity'] !== undefined) route.minSeverity = pick(where, 'min-severity', entry['min-severity'], SEVERITIES);
    if (entry.severity !== undefined) route.severities = listItems(entry.severity).map(value => pick(where, 'severity', value, SEVERITIES));
    if (entry['service-sources'] !== undefined)
      route.serviceSources = listItems(entry['service-sources']).map(value =>
        serviceSourceOf(
          typeof value === 'string' ? value : '',
          message => log.warning(`Input 'routes' ${where}${message}`),
          valid => fail(where, `'service-sources' has '${oneLine(String(value), 60)}', which is not a serviceSource value`, valid)
        )
      );
    if (entry.title !== undefined) route.title = titlePatternKey(entry.title, (problem, valid) => fail(where, problem, valid));
    return route;
  });
}

// Matching needs neither the YAML parser nor the regular expression compiler: see route-match.ts.
export { routeFor, routeMatches } from './route-match.js';
