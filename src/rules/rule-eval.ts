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

import { pruneRuleState } from './rule-prune.js';
import {
  EVENT_HORIZON_MS,
  MAX_EVENTS_PER_GROUP,
  MAX_SAMPLES,
  type GroupState,
  type RuleEvalState,
  type RuleFiring,
  type SampleRecord
} from './rule-state.js';

export * from './rule-state.js';
export { pruneRuleState, type PruneReport } from './rule-prune.js';

/**
 * The pure core of the audit rules: harvested records in, firings out, with the state that carries
 * counts and learned values from one run to the next (kept in the snapshot under `audit.rules` and
 * `audit.seen`). Everything it keeps is bounded in count and age; see the limits below.
 */

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

/** What one evaluation adds to as records stream by. */
interface Evaluation {
  state: RuleEvalState;
  firings: RuleFiring[];
  hits: Map<string, number>;
  /** Threshold groups that counted a record in this evaluation: checked for firings at the end. */
  touched: Map<AuditRule, Map<string, PendingGroup>>;
  windowStart: number;
}

/** A threshold rule counts the record in its group (and keeps a few recent samples for the card). */
function countForThreshold(run: Evaluation, rule: AuditRule, record: AuditRecord, time: number, gKey: string): void {
  const groupState = (run.state.rules[rule.name].g[gKey] ??= { t: time });
  groupState.t = Math.max(groupState.t, time);
  (groupState.e ??= []).push(time);
  if (rule.distinct) (groupState.d ??= []).push(shortHash(String(textOf(valuesAt(record, rule.distinct)[0]) ?? '').toLowerCase()));
  const pending = run.touched.get(rule) ?? new Map<string, PendingGroup>();
  run.touched.set(rule, pending);
  const entry = pending.get(gKey) ?? { samples: [] };
  pending.set(gKey, entry);
  entry.samples.push({ time, record });
  if (entry.samples.length > 4 * MAX_SAMPLES) entry.samples.splice(0, entry.samples.length - MAX_SAMPLES);
}

/** A new-value rule learns the record's value for its group, and fires when it is new after learn-for. */
function learnValue(run: Evaluation, rule: AuditRule, record: AuditRecord, time: number, group: string, gKey: string): void {
  const value = firstText(record, rule.value!)?.toLowerCase().slice(0, 200);
  if (!value) return;
  const ruleState = run.state.rules[rule.name];
  const known = ruleState.g[gKey];
  const learning = time < (ruleState.l ?? run.windowStart) + (rule.learnForMs ?? 0);
  if (!known) {
    // A group first seen is learned: nothing to compare with. With new-groups: notify, its first value
    // after learn-for is a notice all the same (a dormant account, a user never seen signing in).
    // Null prototype: a value such as `__proto__` is learned like any other.
    ruleState.g[gKey] = { v: Object.assign(Object.create(null) as Record<string, number>, { [value]: time }), t: time };
    if (rule.newGroups === 'notify' && !learning) run.firings.push(newValueFiring(rule, gKey, group, value, [], record, time));
    return;
  }
  known.t = Math.max(known.t, time);
  const values = (known.v ??= Object.create(null) as Record<string, number>);
  if (Object.hasOwn(values, value)) {
    values[value] = Math.max(values[value], time);
    return;
  }
  if (!learning) run.firings.push(newValueFiring(rule, gKey, group, value, Object.keys(values).slice(0, 5), record, time));
  values[value] = time;
}

/** Applies one record to every rule it meets; true when any rule counted it. */
function applyRecord(run: Evaluation, candidates: AuditRule[], record: AuditRecord, id: string, time: number): boolean {
  let counted = false;
  for (const rule of candidates) {
    if (!recordMatches(rule, record, true)) continue;
    counted = true;
    run.hits.set(rule.name, (run.hits.get(rule.name) ?? 0) + 1);
    const group = groupOf(rule, record);
    const gKey = groupKey(group);
    if (rule.type === 'match')
      run.firings.push({ id: `rule:${shortHash(`${rule.name}\n${id}`)}`, rule, at: time, group, samples: [sampleOf(record, time)] });
    else if (rule.type === 'threshold') countForThreshold(run, rule, record, time, gKey);
    else learnValue(run, rule, record, time, group, gKey);
  }
  return counted;
}

/** Threshold firings of the groups this evaluation counted in, each with the samples of its burst. */
function thresholdFirings(run: Evaluation, oldest: number): void {
  for (const [rule, groups] of run.touched) {
    for (const [gKey, pending] of groups) {
      const groupState = run.state.rules[rule.name].g[gKey];
      for (const at of fireTimes(groupState, rule, oldest)) {
        const inWindow = pending.samples.filter(s => s.time <= at && s.time >= at - rule.windowMs!);
        const chosen = (inWindow.length > 0 ? inWindow : pending.samples).slice(-MAX_SAMPLES);
        run.firings.push({
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
}

/** Rules by operation: a record meets only the rules that name its operation. */
function rulesByOperation(rules: readonly AuditRule[]): Map<string, AuditRule[]> {
  const byOperation = new Map<string, AuditRule[]>();
  for (const rule of rules) for (const op of rule.operationSet) byOperation.set(op, [...(byOperation.get(op) ?? []), rule]);
  return byOperation;
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
  const run: Evaluation = { state, firings: [], hits: new Map(), touched: new Map(), windowStart };
  let duplicates = 0;
  let skipped = 0;
  const oldest = now - horizonMs;
  ensureRuleStates(state, rules, windowStart);
  const byOperation = rulesByOperation(rules);
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
    if (applyRecord(run, candidates, record, id, time)) state.seen[key] = time;
  }
  thresholdFirings(run, oldest);
  if (pruneAfter) pruneRuleState(state, rules, now, horizonMs);
  return { firings: run.firings, hits: run.hits, duplicates, skipped };
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
