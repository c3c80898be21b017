import { createHash } from 'node:crypto';
import type { BlockList } from 'node:net';
import type { Severity } from '../model/alert.js';

/**
 * Audit rules and how one audit record meets them. Records come from the audit log query API and every
 * field is untrusted: values are read through own keys only, lists are walked with a bound, and
 * nothing here throws on a record of the wrong shape.
 */
export type ConditionOp = 'equals' | 'in' | 'contains' | 'exists' | 'not-empty' | 'not-in' | 'any';

export interface Condition {
  field: string[];
  op: ConditionOp;
  /** Lower-cased; empty for `exists`, `not-empty` and `any`. */
  values: string[];
  /** `exists` / `not-empty`: whether the field must be there (non-empty) or not. */
  exists?: boolean;
  /** `any`: conditions that one item of the list at `field` must meet together (Parameters' Name and Value). */
  items?: Condition[];
}

export interface AuditRule {
  name: string;
  type: 'match' | 'threshold' | 'new-value';
  severity: Severity;
  /** As written: what the audit log query asks for (operationFilters). */
  operations: string[];
  /** Lower-cased, for matching records. */
  operationSet: Set<string>;
  recordTypes?: Set<string>;
  services?: Set<string>;
  where: Condition[];
  excludeUsers: Set<string>;
  excludeIps?: BlockList;
  /** Paths whose values, joined, key the group (empty: one group for the whole tenant). */
  groupBy: string[][];
  threshold?: number;
  windowMs?: number;
  distinct?: string[];
  value?: string[];
  learnForMs?: number;
  /** new-value: a group first seen after learn-for is learned silently (`learn`) or notified (`notify`). */
  newGroups?: 'learn' | 'notify';
  /** match: one notice per rule, group and harvested window (true, the default) or one per record. */
  combine?: boolean;
}

/** An audit log record as the API lists it (auditLogRecord); nothing about it is trusted. */
export type AuditRecord = Record<string, unknown>;

/** Values collected along one path, at most this many (a record listing 10,000 parameters is bounded). */
const MAX_VALUES = 200;

function ownValue(object: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  // Graph camel-cases what the PowerShell audit log spells in Pascal case; accept either.
  const lower = key.toLowerCase();
  for (const name of Object.keys(object)) if (name.toLowerCase() === lower) return object[name];
  return undefined;
}

/**
 * Every leaf value at `path` in the record; a list on the way is walked item by item (so a path through
 * a list matches when any item matches). `auditData.X` also finds X under auditData.dynamicProperties,
 * where the 2026 Graph schema puts the workload's fields.
 */
export function valuesAt(record: AuditRecord, path: readonly string[]): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, index: number, depth: number): void => {
    if (out.length >= MAX_VALUES || depth > 16) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_VALUES)) walk(item, index, depth + 1);
      return;
    }
    if (index === path.length) {
      if (value !== undefined && value !== null) out.push(value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    let next = ownValue(object, path[index]);
    if (next === undefined && index === 1 && path[0].toLowerCase() === 'auditdata') {
      const dynamic = ownValue(object, 'dynamicProperties');
      if (typeof dynamic === 'object' && dynamic !== null && !Array.isArray(dynamic))
        next = ownValue(dynamic as Record<string, unknown>, path[index]);
    }
    walk(next, index + 1, depth + 1);
  };
  walk(record, 0, 0);
  return out;
}

/** A value as text for comparison and grouping; objects have no text form here. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The first text at `path`, cut to a sane length. */
export function firstText(record: AuditRecord, path: readonly string[]): string | undefined {
  if (path.length === 1) {
    // The common case (userPrincipalName, clientIp, operation): no walk.
    const direct = Object.hasOwn(record, path[0]) ? record[path[0]] : undefined;
    if (typeof direct === 'string' && direct !== '') return direct.slice(0, 500);
  }
  for (const value of valuesAt(record, path)) {
    const text = textOf(value);
    if (text !== undefined && text !== '') return text.slice(0, 500);
  }
  return undefined;
}

function conditionHolds(record: AuditRecord, condition: Condition): boolean {
  const found = valuesAt(record, condition.field);
  if (condition.op === 'exists') return found.length > 0 === condition.exists;
  if (condition.op === 'any') {
    // One item must meet every inner condition: {Name: ForwardingSmtpAddress, Value: ''} is not a forward.
    return found.some(
      item =>
        typeof item === 'object' && !Array.isArray(item) && condition.items!.every(inner => conditionHolds(item as AuditRecord, inner))
    );
  }
  if (condition.op === 'not-empty') {
    const filled = found.some(value => {
      const text = textOf(value);
      return text !== undefined ? text.trim() !== '' : typeof value === 'object';
    });
    return filled === condition.exists;
  }
  const texts = found
    .map(textOf)
    .filter((text): text is string => text !== undefined)
    .map(text => text.toLowerCase());
  switch (condition.op) {
    case 'equals':
      return texts.includes(condition.values[0]);
    case 'in':
      return texts.some(text => condition.values.includes(text));
    case 'contains':
      return texts.some(text => condition.values.some(value => text.includes(value)));
    case 'not-in':
      return !texts.some(text => condition.values.includes(text));
  }
}

/** The client address without a port (`203.0.113.7:51234`, `[2001:db8::1]:443`). */
export function clientIpOf(record: AuditRecord): string | undefined {
  const raw = firstText(record, ['clientIp']) ?? firstText(record, ['auditData', 'ClientIP']);
  if (!raw) return undefined;
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(raw);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  return v4 ? v4[1] : raw;
}

export function userOf(record: AuditRecord): string | undefined {
  return firstText(record, ['userPrincipalName']) ?? firstText(record, ['userId']);
}

function excluded(rule: AuditRule, record: AuditRecord): boolean {
  if (rule.excludeUsers.size > 0) {
    for (const path of [['userPrincipalName'], ['userId']]) {
      const user = firstText(record, path)?.toLowerCase();
      if (user && rule.excludeUsers.has(user)) return true;
    }
  }
  if (rule.excludeIps) {
    const ip = clientIpOf(record);
    if (ip) {
      try {
        if (rule.excludeIps.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4')) return true;
      } catch {
        // Not an address: nothing to exclude.
      }
    }
  }
  return false;
}

/** Whether the record is one the rule counts: its operation, record type, service, conditions, exclusions. */
export function recordMatches(rule: AuditRule, record: AuditRecord, operationChecked = false): boolean {
  if (!operationChecked) {
    const operation = firstText(record, ['operation'])?.toLowerCase();
    if (!operation || !rule.operationSet.has(operation)) return false;
  }
  if (rule.recordTypes && !rule.recordTypes.has(String(firstText(record, ['auditLogRecordType']) ?? '').toLowerCase())) return false;
  if (rule.services && !rule.services.has(String(firstText(record, ['service']) ?? '').toLowerCase())) return false;
  if (!rule.where.every(condition => conditionHolds(record, condition))) return false;
  return !excluded(rule, record);
}

/** The group a record counts in: the group-by values joined ('' for a rule without group-by). */
export function groupOf(rule: AuditRule, record: AuditRecord): string {
  return rule.groupBy
    .map(path => {
      const isIp = path.length === 1 && path[0].toLowerCase() === 'clientip';
      const value = isIp ? clientIpOf(record) : firstText(record, path);
      return (value ?? '(none)').toLowerCase();
    })
    .join(' · ');
}

/** A short, fixed-length key for any text: snapshot keys stay small whatever the record holds. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** What identifies a rule's learned state: a changed definition starts that rule afresh. */
export function ruleFingerprint(rule: AuditRule): string {
  return shortHash(
    JSON.stringify([rule.type, rule.groupBy, rule.threshold ?? null, rule.windowMs ?? null, rule.distinct ?? null, rule.value ?? null])
  );
}
