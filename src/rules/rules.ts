import type { BlockList } from 'node:net';
import { SEVERITIES, type Severity } from '../model/alert.js';
import { matchAllowed, parseDuration, SettingsError } from '../inputs/inputs.js';
import { ipBlockList } from '../inputs/ip-list.js';
import { AUDIT_RECORD_TYPES } from './audit-record-types.js';
import * as log from '../runtime/log.js';
import { oneLine } from '../runtime/log.js';
import type { AuditRule, Condition, ConditionOp } from './rule-match.js';
import { listItems, yamlList } from '../inputs/list-input.js';

/**
 * `rules`: activity rules over the unified audit log (match, threshold, new-value), the alert policies
 * Microsoft keeps for E5. A YAML (or JSON) list parsed once, with errors that name the rule and the key;
 * matching and evaluation are in rule-match.ts and rule-eval.ts.
 */
const TYPES = ['match', 'threshold', 'new-value'] as const;
const OPS: readonly ConditionOp[] = ['equals', 'in', 'contains', 'exists', 'not-empty', 'not-in', 'any'];
const COMMON_KEYS = ['name', 'type', 'severity', 'operations', 'record-types', 'services', 'where', 'exclude'];
const TYPE_KEYS: Record<AuditRule['type'], string[]> = {
  match: ['group-by', 'combine'],
  threshold: ['threshold', 'window', 'group-by', 'distinct'],
  'new-value': ['value', 'group-by', 'learn-for', 'new-groups']
};
/** At most this many rules, operations per rule and conditions per rule: every record meets every rule. */
export const MAX_RULES = 50;
const MAX_LIST = 100;
const MAX_PATH_SEGMENTS = 8;

const EXAMPLE = `For example:
  rules: |
    - name: Mass file deletion
      type: threshold
      severity: high
      operations: [FileRecycled, FolderRecycled, FileDeleted, FileDeletedFirstStageRecycleBin, FileDeletedSecondStageRecycleBin]
      threshold: 100
      window: 10m
      group-by: userPrincipalName
(see examples/rules.yml for more)`;

function fail(where: string, problem: string, valid: string): never {
  throw new SettingsError(`Input 'rules' ${where}${problem}. ${valid}`);
}

/** A list key, by the separator rule of list-input.ts: operation names and values may hold spaces. */
function texts(where: string, key: string, value: unknown): string[] {
  const items = listItems(value).map(item =>
    typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? String(item).trim() : undefined
  );
  if (items.some(item => item === undefined))
    fail(where, `'${key}' holds something that is not a text`, `Give a list of texts, e.g. ${key}: [a, b].`);
  const found = (items as string[]).filter(Boolean);
  if (found.length === 0) fail(where, `'${key}' is empty`, `Give at least one value, or leave '${key}' out.`);
  if (found.length > MAX_LIST) fail(where, `'${key}' has ${found.length} values`, `Give at most ${MAX_LIST}.`);
  return found;
}

/** A dot path such as `auditData.Parameters.Name`, split into its segments. */
function pathOf(where: string, key: string, value: unknown): string[] {
  const text = typeof value === 'string' ? value.trim() : '';
  const segments = text.split('.');
  if (!text || segments.some(segment => !/^[A-Za-z0-9_@-]{1,100}$/.test(segment)) || segments.length > MAX_PATH_SEGMENTS) {
    fail(
      where,
      `'${key}' is '${oneLine(String(value), 80)}', which is not a field path`,
      `Give a dot path of up to ${MAX_PATH_SEGMENTS} names, e.g. userPrincipalName, clientIp or auditData.Parameters.Name.`
    );
  }
  return segments;
}

function durationOf(where: string, key: string, value: unknown, minMs: number, maxMs: number, valid: string): number {
  const ms = typeof value === 'string' ? parseDuration(value) : Number.NaN;
  if (Number.isNaN(ms) || ms < minMs || ms > maxMs) fail(where, `'${key}' is '${oneLine(String(value), 40)}'`, valid);
  return ms;
}

function conditionOf(where: string, index: number, value: unknown, inner = false): Condition {
  const at = `${where}'where' item ${index + 1}: `;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(
      at,
      'is not a mapping',
      'Write each condition as {field: <dot path>, <op>: <value>}, e.g. {field: auditData.Parameters.Name, in: [ForwardTo]}.'
    );
  const entry = value as Record<string, unknown>;
  const ops = Object.keys(entry).filter(key => key !== 'field');
  const unknown = ops.find(key => !OPS.includes(key as ConditionOp));
  if (unknown !== undefined)
    fail(at, `has the key '${oneLine(unknown, 40)}', which is not known`, `Valid keys: field and one of ${OPS.join(', ')}.`);
  if (ops.length !== 1) fail(at, `has ${ops.length} operators`, `Give exactly one of ${OPS.join(', ')} besides 'field'.`);
  const op = ops[0] as ConditionOp;
  const field = pathOf(at, 'field', entry.field);
  if (op === 'exists' || op === 'not-empty') {
    if (typeof entry[op] !== 'boolean')
      fail(
        at,
        `'${op}' is not true or false`,
        `Write ${op}: true (the field is there${op === 'not-empty' ? ' with a value' : ''}) or ${op}: false.`
      );
    return { field, op, values: [], exists: entry[op] as boolean };
  }
  if (op === 'any') {
    const list = entry.any;
    if (inner) fail(at, "has an 'any' inside an 'any'", 'Nest one level only.');
    if (!Array.isArray(list) || list.length === 0 || list.length > 20)
      fail(
        at,
        "'any' is not a list of 1 to 20 conditions",
        'e.g. {field: auditData.Parameters, any: [{field: Name, in: [ForwardingSmtpAddress]}, {field: Value, not-empty: true}]}.'
      );
    return { field, op, values: [], items: list.map((item, i) => conditionOf(`${at}'any' `, i, item, true)) };
  }
  const values = texts(at, op, entry[op]).map(item => item.toLowerCase());
  if (op === 'equals' && values.length !== 1)
    fail(at, `'equals' has ${values.length} values`, "Give one value to 'equals', or use 'in' / 'not-in' for a list.");
  return { field, op, values };
}

/** A name shaped like a Microsoft Entra activity ("Add member to role") lacks the period the audit log gives it. */
function warnEntraPeriod(where: string, operations: readonly string[]): void {
  for (const op of operations) {
    if (/^[A-Z][a-z]+( [A-Za-z]+){2,}$/.test(op))
      log.warning(
        `Input 'rules' ${where}'operations' has '${oneLine(op, 80)}', which looks like a Microsoft Entra activity without its trailing period. In the unified audit log Entra operation names end with a period ('${oneLine(op, 80)}.'); without it the rule never matches.`
      );
  }
}

/** record-types: checked against Graph's auditLogRecordType list; an unknown one is warned about by name. */
function recordTypesOf(where: string, value: unknown): Set<string> {
  const known = new Set(AUDIT_RECORD_TYPES.map(type => type.toLowerCase()));
  const types = texts(where, 'record-types', value);
  for (const type of types) {
    if (known.has(type.toLowerCase())) continue;
    log.warning(
      /^\d+$/.test(type)
        ? `Input 'rules' ${where}'record-types' has '${type}', a number: the audit log query API gives record types by name (e.g. sharePointFileOperation, exchangeAdmin), so it never matches.`
        : `Input 'rules' ${where}'record-types' has '${oneLine(type, 60)}', which is not an auditLogRecordType Microsoft documents; records of it may never come. Names are like sharePointFileOperation, exchangeAdmin, azureActiveDirectory.`
    );
  }
  return new Set(types.map(type => type.toLowerCase()));
}

function ipList(where: string, value: unknown): BlockList {
  return ipBlockList(texts(where, 'exclude.ips', value), item =>
    fail(
      where,
      `'exclude.ips' has '${oneLine(item, 60)}', which is not an IP address or CIDR range`,
      'Give addresses or ranges such as 203.0.113.7 or 198.51.100.0/24.'
    )
  );
}

/** The rule's name, type and keys checked; the name titles the errors that follow. */
function ruleHead(
  entry: Record<string, unknown>,
  index: number,
  names: Set<string>
): { where: string; name: string; type: AuditRule['type'] } {
  let where = `rule ${index + 1}: `;
  const name = typeof entry.name === 'string' ? oneLine(entry.name.trim(), 200) : '';
  if (name) where = `rule '${oneLine(name, 80)}': `;
  if (!name) fail(where, "has no 'name'", 'Give every rule a short name; it titles its cards and counts in the job summary.');
  if (names.has(name.toLowerCase()))
    fail(where, `repeats the name '${name}'`, 'Give every rule its own name (the name keys its learned state).');
  names.add(name.toLowerCase());
  const type = typeof entry.type === 'string' ? matchAllowed(TYPES, entry.type) : undefined;
  if (!type) fail(where, `'type' is '${oneLine(String(entry.type), 40)}'`, `Valid values: ${TYPES.join(', ')}.`);
  const keys = [...COMMON_KEYS, ...TYPE_KEYS[type]];
  for (const key of Object.keys(entry)) {
    if (!keys.includes(key)) {
      const other = TYPES.find(t => TYPE_KEYS[t].includes(key));
      fail(
        where,
        `has the key '${oneLine(key, 60)}', which ${other ? `belongs to rules of type ${other}` : 'is not known'}`,
        `Valid keys for type ${type}: ${keys.join(', ')}.`
      );
    }
  }
  return { where, name, type };
}

/** Severity and operations: what every rule needs. */
function ruleBase(where: string, entry: Record<string, unknown>, name: string, type: AuditRule['type']): AuditRule {
  const severity: Severity | undefined =
    entry.severity === undefined ? 'medium' : typeof entry.severity === 'string' ? matchAllowed(SEVERITIES, entry.severity) : undefined;
  if (!severity) fail(where, `'severity' is '${oneLine(String(entry.severity), 40)}'`, `Valid values: ${SEVERITIES.join(', ')}.`);
  if (entry.operations === undefined)
    fail(
      where,
      "has no 'operations'",
      'Give the exact audit operation names the rule reads, e.g. operations: [FileDeleted, New-InboxRule] (no wildcards).'
    );
  const operations = texts(where, 'operations', entry.operations);
  const wild = operations.find(op => /[*?%]/.test(op));
  if (wild)
    fail(
      where,
      `'operations' has '${oneLine(wild, 60)}', a wildcard`,
      'The audit log query API takes exact operation names only; list each one.'
    );
  warnEntraPeriod(where, operations);
  return {
    name,
    type,
    severity,
    operations,
    operationSet: new Set(operations.map(op => op.toLowerCase())),
    where: [],
    excludeUsers: new Set(),
    groupBy: []
  };
}

/** The filters any rule may have: record types, services, where, exclude, group-by. */
function ruleFilters(where: string, entry: Record<string, unknown>, rule: AuditRule): void {
  if (entry['record-types'] !== undefined) rule.recordTypes = recordTypesOf(where, entry['record-types']);
  if (entry.services !== undefined) rule.services = new Set(texts(where, 'services', entry.services).map(s => s.toLowerCase()));
  if (entry.where !== undefined) {
    const list = Array.isArray(entry.where) ? entry.where : [entry.where];
    if (list.length > MAX_LIST) fail(where, `'where' has ${list.length} conditions`, `Give at most ${MAX_LIST}.`);
    rule.where = list.map((item, i) => conditionOf(where, i, item));
  }
  if (entry.exclude !== undefined) {
    const exclude = entry.exclude;
    if (typeof exclude !== 'object' || exclude === null || Array.isArray(exclude))
      fail(where, "'exclude' is not a mapping", 'Write exclude: {users: [svc-backup@contoso.com], ips: [198.51.100.0/24]}.');
    for (const key of Object.keys(exclude)) {
      if (key !== 'users' && key !== 'ips') fail(where, `'exclude' has the key '${oneLine(key, 40)}'`, 'Valid keys: users, ips.');
    }
    const { users, ips } = exclude as Record<string, unknown>;
    if (users !== undefined) rule.excludeUsers = new Set(texts(where, 'exclude.users', users).map(s => s.toLowerCase()));
    if (ips !== undefined) rule.excludeIps = ipList(where, ips);
  }
  if (entry['group-by'] !== undefined) {
    const list = Array.isArray(entry['group-by']) ? entry['group-by'] : [entry['group-by']];
    if (list.length === 0 || list.length > 4)
      fail(where, "'group-by' must name 1 to 4 fields", 'e.g. group-by: userPrincipalName, or group-by: [userPrincipalName, clientIp].');
    rule.groupBy = list.map(item => pathOf(where, 'group-by', item));
  }
}

function thresholdKeys(where: string, entry: Record<string, unknown>, rule: AuditRule): void {
  const threshold = entry.threshold;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1 || threshold > 100_000)
    fail(
      where,
      `'threshold' is '${oneLine(String(threshold), 40)}'`,
      'Give a whole number from 1 to 100000: the rule fires when the count within window reaches it.'
    );
  rule.threshold = threshold;
  if (entry.window === undefined) fail(where, "has no 'window'", 'Give the span the count is taken over, e.g. window: 10m (1m to 24h).');
  rule.windowMs = durationOf(where, 'window', entry.window, 60_000, 86_400_000, 'Give a duration from 1m to 24h, e.g. window: 10m.');
  if (entry.distinct !== undefined) rule.distinct = pathOf(where, 'distinct', entry.distinct);
}

function newValueKeys(where: string, entry: Record<string, unknown>, rule: AuditRule): void {
  if (entry.value === undefined) fail(where, "has no 'value'", 'Give the field whose new values are notified, e.g. value: clientIp.');
  rule.value = pathOf(where, 'value', entry.value);
  if (rule.groupBy.length === 0) fail(where, "has no 'group-by'", 'Give whose values are learned, e.g. group-by: userPrincipalName.');
  rule.learnForMs =
    entry['learn-for'] === undefined
      ? 7 * 86_400_000
      : durationOf(
          where,
          'learn-for',
          entry['learn-for'],
          0,
          90 * 86_400_000,
          'Give a duration from 0s to 90d, e.g. learn-for: 7d (values seen then are learned, not notified).'
        );
  const newGroups =
    entry['new-groups'] === undefined
      ? 'learn'
      : typeof entry['new-groups'] === 'string'
        ? matchAllowed(['learn', 'notify'] as const, entry['new-groups'])
        : undefined;
  if (!newGroups)
    fail(
      where,
      `'new-groups' is '${oneLine(String(entry['new-groups']), 40)}'`,
      'Valid values: learn (a group first seen is learned silently), notify (its first value after learn-for is a notice: a dormant account signing in).'
    );
  rule.newGroups = newGroups;
}

function matchKeys(where: string, entry: Record<string, unknown>, rule: AuditRule): void {
  if (entry.combine !== undefined && typeof entry.combine !== 'boolean')
    fail(
      where,
      "'combine' is not true or false",
      'Write combine: false for one notice per record (default true: one per group and window).'
    );
  rule.combine = entry.combine !== false;
  // A match rule combines by user unless told otherwise.
  if (rule.groupBy.length === 0) rule.groupBy = [['userPrincipalName']];
}

/** The keys of each rule type, checked after the common ones. */
const TYPE_PARSERS: Record<AuditRule['type'], (where: string, entry: Record<string, unknown>, rule: AuditRule) => void> = {
  threshold: thresholdKeys,
  'new-value': newValueKeys,
  match: matchKeys
};

export function parseRules(text: string): AuditRule[] {
  if (text.trim() === '') return [];
  const names = new Set<string>();
  const entries = yamlList('rules', text, 'rule', EXAMPLE);
  if (entries.length > MAX_RULES) fail('', `has ${entries.length} rules`, `Give at most ${MAX_RULES}.`);
  return entries.map((entry, index) => {
    const { where, name, type } = ruleHead(entry, index, names);
    const rule = ruleBase(where, entry, name, type);
    ruleFilters(where, entry, rule);
    TYPE_PARSERS[type](where, entry, rule);
    return rule;
  });
}
