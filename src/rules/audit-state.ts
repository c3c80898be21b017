import type { GraphAlert } from '../model/alert.js';
import type { Ledger } from './audit-ledger.js';
import type { AuditRule } from './rule-match.js';
import type { RuleEvalState, SampleRecord } from './rule-eval.js';

/**
 * The audit rules' part of the snapshot and of a notice: plain data, shared by the snapshot format,
 * the delta's notices and the audit step (audit.ts) without tying them to each other.
 */
/** What a rule card shows besides the alert-like fields. */
export interface RuleHit {
  rule: string;
  type: AuditRule['type'];
  group: string;
  groupBy: string;
  count?: number;
  threshold?: number;
  windowMs?: number;
  distinct?: string;
  value?: string;
  valueField?: string;
  known?: string[];
  operations: string[];
  samples: SampleRecord[];
}

export interface OwedRuleNotice {
  a: GraphAlert;
  h: RuleHit;
}

export interface AuditState {
  w: Ledger;
  r: RuleEvalState;
  /** Rule notices owed, by notice id. */
  o: Record<string, OwedRuleNotice>;
  /** Rule notices delivered, by id → when (ms), kept for the event horizon: a firing found again is not told twice. */
  t: Record<string, number>;
}
