import type { AuditRule } from './rule-match.js';
import {
  BASELINE_TTL_MS,
  EVENT_HORIZON_MS,
  MAX_GROUPS_PER_RULE,
  MAX_SEEN_RECORDS,
  MAX_VALUES_PER_GROUP,
  type RuleEvalState
} from './rule-state.js';

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
