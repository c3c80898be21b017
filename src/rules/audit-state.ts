import type { GraphAlert } from '../model/alert.js';
import { EVENT_HORIZON_MS, type Ledger } from './audit-ledger.js';
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

/**
 * After delivery: delivered rule notices become told; the rest stay owed. Told ids are kept for the event
 * horizon (a firing found again is not told twice). Returns a new state; the one given is not changed.
 */
export function settleAudit(
  state: AuditState,
  // The delivered notices, by shape: the model's Notice names this module's types (no import circle).
  delivered: ReadonlySet<{ rule?: unknown; alert: { id: string } }>,
  now: number
): AuditState {
  const owed: Record<string, OwedRuleNotice> = Object.assign(Object.create(null), state.o);
  const told: Record<string, number> = Object.assign(Object.create(null), state.t);
  for (const notice of delivered) {
    if (!notice.rule || !Object.hasOwn(owed, notice.alert.id)) continue;
    delete owed[notice.alert.id];
    told[notice.alert.id] = now;
  }
  for (const id of Object.keys(told)) if (told[id] < now - EVENT_HORIZON_MS) delete told[id];
  return { ...state, o: owed, t: told };
}
