import { checkAlert, type GraphAlert } from '../model/alert.js';

/**
 * Every fetched item passes through here on its way to the delta: items that cannot be alerts are
 * skipped and counted (never silently), alerts with malformed fields are repaired and noted. The
 * report feeds the `skipped-count` output and the warnings, so nothing disappears unseen.
 */
export interface IntakeReport {
  skipped: Array<{ id?: string; reason: string }>;
  repaired: Array<{ id: string; problem: string }>;
}

export function newIntakeReport(): IntakeReport {
  return { skipped: [], repaired: [] };
}

/** `keep` decides what of a checked alert to hold (see alertKeeper) and may add to its problems. */
export type Keeper = (alert: GraphAlert, problems?: string[]) => GraphAlert;

export function alertIntake(keep: Keeper, report: IntakeReport): (raw: unknown) => GraphAlert | undefined {
  return raw => {
    const checked = checkAlert(raw);
    if ('skipped' in checked) {
      report.skipped.push({ id: checked.id, reason: checked.skipped });
      return undefined;
    }
    const problems = checked.problems;
    const kept = keep(checked.alert, problems);
    if (problems.length > 0) report.repaired.push({ id: kept.id, problem: problems.join(', ') });
    return kept;
  };
}
