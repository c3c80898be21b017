import type { BlockList } from 'node:net';
import { serviceSourceOf, SEVERITIES } from '../model/alert.js';
import { matchAllowed, SettingsError } from '../inputs/inputs.js';
import { ipBlockList } from '../inputs/ip-list.js';
import * as log from '../runtime/log.js';
import { oneLine } from '../runtime/log.js';
import { listItems, yamlList } from '../inputs/list-input.js';
import { titlePatternKey } from '../routes/routes.js';
import type { SuppressRule } from './suppress-match.js';

/**
 * `suppress`: exclusions and snoozes as configuration. A YAML (or JSON) list; each rule has a name, a
 * reason, an optional `until` (a snooze) and matchers that must all match. Parsed once, with errors that
 * name the rule and the key; matching is in suppress-match.ts.
 */
const MATCHERS = ['title', 'severity', 'service-sources', 'detection-sources', 'categories', 'users', 'devices', 'ips'];
const KEYS = ['name', 'reason', 'until', ...MATCHERS];

const EXAMPLE = `For example:
  suppress: |
    - name: pen-test
      reason: External penetration test, ticket SEC-1234
      until: 2026-12-01T08:00:00Z
      ips: [198.51.100.0/24]`;

function fail(where: string, problem: string, valid: string): never {
  throw new SettingsError(`Input 'suppress' ${where}${problem}. ${valid}`);
}

function strings(where: string, key: string, value: unknown): string[] {
  const items = listItems(value).map(item => (typeof item === 'string' || typeof item === 'number' ? String(item).trim() : undefined));
  if (items.some(item => item === undefined))
    fail(where, `'${key}' holds something that is not a text`, `Give a list of texts, e.g. ${key}: [a, b].`);
  const texts = (items as string[]).filter(Boolean);
  // Users, devices, addresses and Graph's enumerated values hold no spaces: "a b" is two values run together.
  const joined = texts.find(text => /\s/.test(text));
  if (joined)
    fail(
      where,
      `'${key}' has '${oneLine(joined, 60)}', which holds a space`,
      `Separate values with commas, e.g. ${key}: a, b, or write a YAML list.`
    );
  if (texts.length === 0) fail(where, `'${key}' is empty`, `Give at least one value, or leave '${key}' out.`);
  return texts;
}

function allowed<T extends string>(where: string, key: string, value: unknown, valid: readonly T[]): T[] {
  return strings(where, key, value).map(item => {
    const found = matchAllowed(valid, item);
    if (!found) fail(where, `'${key}' has '${oneLine(item, 60)}', which is not a valid value`, `Valid values: ${valid.join(', ')}.`);
    return found;
  });
}

/**
 * ISO 8601 date-time with a zone, or a bare date meaning 00:00 UTC that day. Strict: a day or time that
 * does not exist (2026-02-30, 24:00, 12:60) is refused, where Date.parse would roll it into the next month.
 */
export function strictDateTime(text: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(iso);
  if (!parts) return Number.NaN;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(part => Number(part ?? 0));
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exists =
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  const zoneOk = parts[7] === 'Z' || (Number(parts[8]) <= 14 && Number(parts[9]) <= 59);
  return exists && zoneOk ? Date.parse(iso) : Number.NaN;
}

function untilOf(where: string, value: unknown): number {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const ms = strictDateTime(text);
  if (Number.isNaN(ms))
    fail(
      where,
      `'until' is '${oneLine(String(value), 60)}', which is not a date-time`,
      'Use an ISO 8601 date-time that exists, with a time zone, e.g. until: 2026-12-01T08:00:00Z, or a date (00:00 UTC that day).'
    );
  return ms;
}

function ipList(where: string, value: unknown): BlockList {
  return ipBlockList(strings(where, 'ips', value), item =>
    fail(
      where,
      `'ips' has '${oneLine(item, 60)}', which is not an IP address or CIDR range`,
      'Give addresses or ranges such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32.'
    )
  );
}

export function parseSuppress(text: string): SuppressRule[] {
  if (text.trim() === '') return [];
  const names = new Set<string>();
  return yamlList('suppress', text, 'rule', EXAMPLE).map((entry, index) => {
    let where = `rule ${index + 1}: `;
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name) where = `rule '${oneLine(name, 80)}': `;
    for (const key of Object.keys(entry)) {
      if (!KEYS.includes(key)) fail(where, `has the key '${oneLine(key, 60)}', which is not known`, `Valid keys: ${KEYS.join(', ')}.`);
    }
    if (!name) fail(where, "has no 'name'", 'Give every rule a short name; the job summary counts what each rule held back.');
    if (names.has(name)) fail(where, `repeats the name '${name}'`, 'Give every rule its own name.');
    names.add(name);
    const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
    if (!reason)
      fail(where, "has no 'reason'", 'Say why these alerts are held back (a ticket, a known benign tool): the next admin will ask.');
    if (!MATCHERS.some(key => entry[key] !== undefined)) {
      fail(where, 'has no matcher, so it would hold back every alert', `Give at least one of: ${MATCHERS.join(', ')}.`);
    }
    const rule: SuppressRule = { name, reason };
    if (entry.until !== undefined) rule.until = untilOf(where, entry.until);
    if (entry.title !== undefined) rule.title = titlePatternKey(entry.title, (problem, valid) => fail(where, problem, valid));
    if (entry.severity !== undefined) rule.severities = allowed(where, 'severity', entry.severity, SEVERITIES);
    if (entry['service-sources'] !== undefined)
      rule.serviceSources = strings(where, 'service-sources', entry['service-sources']).map(item =>
        serviceSourceOf(
          item,
          message => log.warning(`Input 'suppress' ${where}${message}`),
          valid => fail(where, `'service-sources' has '${oneLine(item, 60)}', which is not a serviceSource value`, valid)
        )
      );
    if (entry['detection-sources'] !== undefined)
      rule.detectionSources = strings(where, 'detection-sources', entry['detection-sources']).map(s => s.toLowerCase());
    if (entry.categories !== undefined) rule.categories = strings(where, 'categories', entry.categories).map(s => s.toLowerCase());
    if (entry.users !== undefined) rule.users = strings(where, 'users', entry.users).map(s => s.toLowerCase());
    if (entry.devices !== undefined) rule.devices = strings(where, 'devices', entry.devices).map(s => s.toLowerCase());
    if (entry.ips !== undefined) rule.ips = ipList(where, entry.ips);
    if (matchesEverything(rule))
      log.warning(
        `Input 'suppress' ${where}matches every alert (its matchers leave nothing out), so no alert is posted while it holds${rule.until ? ` (until ${new Date(rule.until).toISOString()})` : ''}. Narrow it with title, service-sources, users, devices or ips.`
      );
    return rule;
  });
}

/** Whether a rule holds back any alert whatever: severity lists them all, the title takes any text, ips every address. */
function matchesEverything(rule: SuppressRule): boolean {
  if (rule.serviceSources || rule.detectionSources || rule.categories || rule.users || rule.devices) return false;
  if (rule.ips && !(rule.ips.check('198.51.100.1', 'ipv4') && rule.ips.check('2001:db8::1', 'ipv6'))) return false;
  if (rule.severities && !SEVERITIES.every(severity => rule.severities!.includes(severity))) return false;
  return !rule.title || ['', 'Zq9 an unlikely title 7', '\u00e9'].every(title => rule.title!.test(title));
}
