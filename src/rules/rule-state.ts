import { EVENT_HORIZON_MS } from './audit-ledger.js';
import type { AuditRule } from './rule-match.js';

/**
 * The audit rules' evaluation state (kept in the snapshot under `audit.rules` and `audit.seen`), its
 * limits and what a firing carries. Types and constants only, shared by evaluation (rule-eval.ts) and
 * pruning (rule-prune.ts).
 */

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
