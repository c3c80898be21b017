import { timeOf } from '../model/alert.js';
import {
  clientIpOf,
  firstText,
  groupOf,
  recordMatches,
  ruleFingerprint,
  shortHash,
  textOf,
  userOf,
  valuesAt,
  type AuditRecord,
  type AuditRule
} from './rule-match.js';

/**
 * The pure core of the audit rules: harvested records in, firings out, with the state that carries
 * counts and learned values from one run to the next (kept in the snapshot under `audit.rules` and
 * `audit.seen`). Everything it keeps is bounded in count and age; see the limits below.
 */

import { EVENT_HORIZON_MS } from './audit-ledger.js';
export { EVENT_HORIZON_MS };
/** Learned values not seen again for this long are forgotten (new-value baselines). */
export const BASELINE_TTL_MS = 90 * 86_400_000;
/**
 * Bounds, sized from the snapshot's save budget (128 MiB of JSON, see snapshot/budget.ts): a new-value
 * group with a handful of values takes ~150 bytes, so 100,000 groups (a 100,000-user tenant) are ~15 MB;
 * a record id is remembered as ~30 bytes, so 2,000,000 ids (two days of a busy tenant) are ~60 MB.
 * Reaching a bound is warned about with the rule and the count (pruneRuleState's report).
 */
export const MAX_EVENTS_PER_GROUP = 20_000;
export const MAX_GROUPS_PER_RULE = 100_000;
export const MAX_VALUES_PER_GROUP = 100;
/**
 * Record ids are remembered by time (for the event horizon: as long as any window can read a record again),
 * not by count; this is only a last resort against a flood, warned about when reached.
 */
export const MAX_SEEN_RECORDS = 2_000_000;
/** Sample records on a card. */
export const MAX_SAMPLES = 5;

/** One rule's state. Keys of `g` are group keys (user, IP...), hashed when long. */
export interface RuleState {
  /** ruleFingerprint: a rule whose definition changed starts afresh. */
  f: string;
  /** new-value: start of the first harvested window; learning lasts learn-for from here. */
  l?: number;
  g: Record<string, GroupState>;
}

export interface GroupState {
  /** threshold: event times, ascending (ms). */
  e?: number[];
  /** threshold with distinct: the value's hash for each event time. */
  d?: string[];
  /** threshold: times the rule fired for this group. */
  r?: number[];
  /** new-value: value → last seen (ms). */
  v?: Record<string, number>;
  /** Last time anything was counted or learned for the group (ms): the least recent goes first. */
  t: number;
}

export interface RuleEvalState {
  rules: Record<string, RuleState>;
  /** Hash of a record id → the record's time (ms): a record read twice (overlapping windows) counts once. */
  seen: Record<string, number>;
}

export interface SampleRecord {
  time: string;
  user: string;
  operation: string;
  object: string;
  clientIp: string;
}

export interface RuleFiring {
  /** Stable: the same firing found again (overlap, a re-read window) has the same id. */
  id: string;
  rule: AuditRule;
  /** When the count reached the threshold, the record matched, or the value appeared (ms). */
  at: number;
  group: string;
  count?: number;
  value?: string;
  /** new-value: values known for the group before this one (a few). */
  known?: string[];
  samples: SampleRecord[];
}

export function emptyRuleEvalState(): RuleEvalState {
  return { rules: Object.create(null), seen: Object.create(null) };
}

function sampleOf(record: AuditRecord, time: number): SampleRecord {
  return {
    time: new Date(time).toISOString(),
    user: (userOf(record) ?? '').slice(0, 200),
    operation: (firstText(record, ['operation']) ?? '').slice(0, 200),
    object: (firstText(record, ['objectId']) ?? '').slice(0, 500),
    clientIp: (clientIpOf(record) ?? '').slice(0, 100)
  };
}

/** Group keys are kept as written when short (they are shown), hashed when long. */
function groupKey(group: string): string {
  return group.length <= 200 ? group : `#${shortHash(group)}`;
}

/** A new-value firing: stable per (rule, group, value), so the same value found again is one notice. */
function newValueFiring(
  rule: AuditRule,
  gKey: string,
  group: string,
  value: string,
  known: string[],
  record: AuditRecord,
  time: number
): RuleFiring {
  return {
    id: `rule:${shortHash(`${rule.name}\n${gKey}\n${value}`)}`,
    rule,
    at: time,
    group,
    value,
    known,
    samples: [sampleOf(record, time)]
  };
}

interface PendingGroup {
  /** The group's latest records of this batch; turned into samples only if the group fires. */
  samples: Array<{ time: number; record: AuditRecord }>;
}

export interface EvaluationResult {
  firings: RuleFiring[];
  /** Records of the batch that some rule counted, by rule name. */
  hits: Map<string, number>;
  duplicates: number;
  skipped: number;
}

/**
 * Gives every rule its state, afresh where the rule is new or its definition changed. A harvest calls it
 * before reading any record: a window with no record for a rule (rare-event rules see them for days) still
 * starts that rule's learning period and must leave a state the prune can walk.
 */
export function ensureRuleStates(state: RuleEvalState, rules: readonly AuditRule[], windowStart: number): void {
  for (const rule of rules) {
    const ruleState = state.rules[rule.name];
    const fingerprint = ruleFingerprint(rule);
    if (!ruleState || ruleState.f !== fingerprint) state.rules[rule.name] = { f: fingerprint, l: windowStart, g: Object.create(null) };
  }
}

/**
 * Evaluates one harvested window's records against the rules. `windowStart` starts the learning period
 * of a new-value rule met for the first time. Records are streamed: only what a rule needs is kept.
 */
export function evaluateRecords(
  state: RuleEvalState,
  rules: readonly AuditRule[],
  records: Iterable<AuditRecord>,
  windowStart: number,
  now: number,
  horizonMs = EVENT_HORIZON_MS,
  /** Prune the state afterwards (bounds and horizon); a harvest of many batches prunes after the last. */
  pruneAfter = true
): EvaluationResult {
  const firings: RuleFiring[] = [];
  const hits = new Map<string, number>();
  let duplicates = 0;
  let skipped = 0;
  const oldest = now - horizonMs;
  // Rules by operation: a record meets only the rules that name its operation.
  const byOperation = new Map<string, AuditRule[]>();
  ensureRuleStates(state, rules, windowStart);
  for (const rule of rules) {
    for (const op of rule.operationSet) byOperation.set(op, [...(byOperation.get(op) ?? []), rule]);
  }
  const touched = new Map<AuditRule, Map<string, PendingGroup>>();

  for (const record of records) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      skipped++;
      continue;
    }
    const id = textOf(record.id);
    const time = timeOf(textOf(record.createdDateTime));
    if (!id || Number.isNaN(time)) {
      skipped++;
      continue;
    }
    const operation = typeof record.operation === 'string' ? record.operation : firstText(record, ['operation']);
    const candidates = byOperation.get((operation ?? '').toLowerCase());
    if (!candidates) continue;
    if (time < oldest) continue; // older than anything a window asks for: cannot be counted reliably
    const key = shortHash(id);
    if (Object.hasOwn(state.seen, key)) {
      duplicates++;
      continue;
    }
    let counted = false;
    for (const rule of candidates) {
      if (!recordMatches(rule, record, true)) continue;
      counted = true;
      hits.set(rule.name, (hits.get(rule.name) ?? 0) + 1);
      const ruleState = state.rules[rule.name];
      const group = groupOf(rule, record);
      const gKey = groupKey(group);
      if (rule.type === 'match') {
        firings.push({ id: `rule:${shortHash(`${rule.name}\n${id}`)}`, rule, at: time, group, samples: [sampleOf(record, time)] });
        continue;
      }
      if (rule.type === 'threshold') {
        const groupState = (ruleState.g[gKey] ??= { t: time });
        groupState.t = Math.max(groupState.t, time);
        (groupState.e ??= []).push(time);
        if (rule.distinct) (groupState.d ??= []).push(shortHash(String(textOf(valuesAt(record, rule.distinct)[0]) ?? '').toLowerCase()));
        const pending = touched.get(rule) ?? new Map<string, PendingGroup>();
        touched.set(rule, pending);
        const entry = pending.get(gKey) ?? { samples: [] };
        pending.set(gKey, entry);
        entry.samples.push({ time, record });
        if (entry.samples.length > 4 * MAX_SAMPLES) entry.samples.splice(0, entry.samples.length - MAX_SAMPLES);
        continue;
      }
      // new-value
      const value = firstText(record, rule.value!)?.toLowerCase().slice(0, 200);
      if (!value) continue;
      const known = ruleState.g[gKey];
      const learning = time < (ruleState.l ?? windowStart) + (rule.learnForMs ?? 0);
      if (!known) {
        // A group first seen is learned: nothing to compare with. With new-groups: notify, its first value
        // after learn-for is a notice all the same (a dormant account, a user never seen signing in).
        // Null prototype: a value such as `__proto__` is learned like any other.
        ruleState.g[gKey] = { v: Object.assign(Object.create(null) as Record<string, number>, { [value]: time }), t: time };
        if (rule.newGroups === 'notify' && !learning) firings.push(newValueFiring(rule, gKey, group, value, [], record, time));
        continue;
      }
      known.t = Math.max(known.t, time);
      const values = (known.v ??= Object.create(null) as Record<string, number>);
      if (Object.hasOwn(values, value)) {
        values[value] = Math.max(values[value], time);
        continue;
      }
      if (!learning) firings.push(newValueFiring(rule, gKey, group, value, Object.keys(values).slice(0, 5), record, time));
      values[value] = time;
    }
    if (counted) state.seen[key] = time;
  }

  for (const [rule, groups] of touched) {
    for (const [gKey, pending] of groups) {
      const groupState = state.rules[rule.name].g[gKey];
      for (const at of fireTimes(groupState, rule, oldest)) {
        const inWindow = pending.samples.filter(s => s.time <= at && s.time >= at - rule.windowMs!);
        const chosen = (inWindow.length > 0 ? inWindow : pending.samples).slice(-MAX_SAMPLES);
        firings.push({
          id: `rule:${shortHash(`${rule.name}\n${gKey}\n${at}`)}`,
          rule,
          at,
          group: gKey,
          count: burstCount(groupState, rule, at),
          samples: chosen.map(s => sampleOf(s.record, s.time))
        });
      }
    }
  }
  if (pruneAfter) pruneRuleState(state, rules, now, horizonMs);
  return { firings, hits, duplicates, skipped };
}

/**
 * What the card reports: the largest count in any span of `window` that ends within one window after the
 * firing (a burst of 120 in ten minutes is told as 120, not as the 100 that reached the threshold).
 */
function burstCount(group: GroupState, rule: AuditRule, at: number): number {
  const times = group.e ?? [];
  const window = rule.windowMs!;
  // Times are sorted: the count of a span is the distance between two binary searches.
  const firstAfter = (value: number) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle] <= value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const ends = [at, ...times.filter(time => time > at && time < at + window)];
  if (rule.distinct) return Math.max(...ends.slice(0, 200).map(end => countAt(group, rule, end)));
  return Math.max(...ends.map(end => firstAfter(end) - firstAfter(end - window - 1)));
}

/** Events (or distinct values) in [at − window, at]: both ends count ("100 within 10 minutes" includes minute 10). */
function countAt(group: GroupState, rule: AuditRule, at: number): number {
  const times = group.e ?? [];
  const from = at - rule.windowMs!;
  if (!rule.distinct) return times.filter(time => time >= from && time <= at).length;
  const values = new Set<string>();
  times.forEach((time, i) => {
    if (time >= from && time <= at) values.add(group.d?.[i] ?? '');
  });
  return values.size;
}

/**
 * New firing times for a group: the moments the count within any span of `window` reaches the
 * threshold, except those within one window of a firing already made (so a burst that goes on, or is
 * read across two query windows, or gains late records, is one notice per window, not many).
 */
function fireTimes(group: GroupState, rule: AuditRule, oldest: number): number[] {
  // Keep times sorted (with their distinct values alongside), newest MAX_EVENTS_PER_GROUP, within the horizon.
  const order = (group.e ?? []).map((time, i) => [time, group.d?.[i] ?? ''] as const).filter(([time]) => time >= oldest);
  order.sort((a, b) => a[0] - b[0]);
  const kept = order.slice(-MAX_EVENTS_PER_GROUP);
  group.e = kept.map(([time]) => time);
  if (rule.distinct) group.d = kept.map(([, value]) => value);
  else delete group.d;
  const fired = (group.r ??= []);
  const window = rule.windowMs!;
  const threshold = rule.threshold!;
  const made: number[] = [];
  const counts = new Map<string, number>();
  let left = 0;
  for (let right = 0; right < kept.length; right++) {
    const [time, value] = kept[right];
    counts.set(value, (counts.get(value) ?? 0) + 1);
    while (kept[left][0] < time - window) {
      const leaving = kept[left][1];
      const remaining = counts.get(leaving)! - 1;
      if (remaining === 0) counts.delete(leaving);
      else counts.set(leaving, remaining);
      left++;
    }
    // Several events at the same instant: judge the span once all of them are in.
    if (right + 1 < kept.length && kept[right + 1][0] === time) continue;
    const count = rule.distinct ? counts.size : right - left + 1;
    if (count < threshold) continue;
    if (fired.some(at => Math.abs(at - time) < window)) continue;
    fired.push(time);
    made.push(time);
  }
  fired.sort((a, b) => a - b);
  return made;
}

/** Drops what is past its horizon and bounds every map: the snapshot stays small whatever the log holds. */
/** What a prune had to drop for the bounds (not for age): warned about by the caller. */
export interface PruneReport {
  /** Groups dropped by rule (least recently active first). */
  groups: Map<string, number>;
  /** Learned values dropped by rule (a group past MAX_VALUES_PER_GROUP). */
  values: Map<string, number>;
  /** Record ids forgotten before their time. */
  seen: number;
}

export function pruneRuleState(state: RuleEvalState, rules: readonly AuditRule[], now: number, horizonMs = EVENT_HORIZON_MS): PruneReport {
  const report: PruneReport = { groups: new Map(), values: new Map(), seen: 0 };
  const oldest = now - horizonMs;
  const names = new Set(rules.map(rule => rule.name));
  for (const name of Object.keys(state.rules)) if (!names.has(name)) delete state.rules[name];
  for (const rule of rules) {
    const ruleState = state.rules[rule.name];
    // A rule not yet met by any harvest has nothing to prune (and must not make the harvest fail).
    if (!ruleState) continue;
    const ttl = rule.type === 'new-value' ? BASELINE_TTL_MS : horizonMs;
    for (const [gKey, group] of Object.entries(ruleState.g)) {
      if (group.t < now - ttl) {
        delete ruleState.g[gKey];
        continue;
      }
      if (group.r) group.r = group.r.filter(at => at >= oldest);
      if (group.v) {
        const values = Object.entries(group.v).filter(([, seen]) => seen >= now - BASELINE_TTL_MS);
        values.sort((a, b) => b[1] - a[1]);
        if (values.length > MAX_VALUES_PER_GROUP)
          report.values.set(rule.name, (report.values.get(rule.name) ?? 0) + values.length - MAX_VALUES_PER_GROUP);
        group.v = Object.assign(Object.create(null), Object.fromEntries(values.slice(0, MAX_VALUES_PER_GROUP)));
      }
    }
    const groups = Object.entries(ruleState.g);
    if (groups.length > MAX_GROUPS_PER_RULE) {
      groups.sort((a, b) => b[1].t - a[1].t);
      report.groups.set(rule.name, groups.length - MAX_GROUPS_PER_RULE);
      ruleState.g = Object.assign(Object.create(null), Object.fromEntries(groups.slice(0, MAX_GROUPS_PER_RULE)));
    }
  }
  let seen = Object.entries(state.seen).filter(([, time]) => time >= oldest);
  if (seen.length > MAX_SEEN_RECORDS) {
    seen.sort((a, b) => b[1] - a[1]);
    report.seen = seen.length - MAX_SEEN_RECORDS;
    seen = seen.slice(0, MAX_SEEN_RECORDS);
  }
  state.seen = Object.assign(Object.create(null), Object.fromEntries(seen));
  return report;
}
