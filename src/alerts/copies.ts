import type { GraphAlert } from '../model/alert.js';
import type { MessageRef } from '../model/notice.js';
import { suppressionEvidence } from '../suppress/suppress-match.js';
import { statusOfSignature, type ReminderCopy, type SnapshotEntry } from '../snapshot/format.js';

/**
 * What the snapshot keeps of an alert besides its state: the copy of an owed or held-back alert, the
 * reminder copy, and the entry itself. Each is small and bounded, whatever the alert held.
 */

/**
 * What the snapshot keeps of an alert whose notice is still owed: enough for a card if Graph never returns
 * the alert again (the next run normally fetches it whole), and small, so a storm of owed notices cannot
 * swell the snapshot past what a later run is willing to read. Evidence, comments and other nested data
 * are left out; the description is cut.
 */
export function owedCopy(alert: GraphAlert): GraphAlert {
  const copy = slim(alert);
  for (const field of OWED_TEXT_FIELDS) {
    const value = alert[field];
    if (typeof value === 'string') copy[field] = value.length > 1000 ? `${value.slice(0, 1000)}…` : value;
  }
  return copy;
}

const OWED_TEXT_FIELDS = [
  'title',
  'description',
  'alertWebUrl',
  'incidentWebUrl',
  'incidentId',
  'detectionSource',
  'category',
  'resolvedDateTime',
  'firstActivityDateTime',
  'lastActivityDateTime'
] as const;

/**
 * What the snapshot keeps of an alert a suppress rule holds back: what the rules need to decide again
 * (title, sources, categories, a few entities) and what a card needs if it is posted from the copy. The
 * description is kept only under a snooze (`until`), whose end posts the alert; a rule without `until`
 * holds for good, so its copies stay small (a few hundred bytes, not the ~1.8 KB of an owed copy).
 */
export function heldCopy(alert: GraphAlert, snoozed: boolean): GraphAlert {
  const copy = snoozed ? owedCopy(alert) : slim(alert);
  if (!snoozed) {
    for (const field of ['title', 'alertWebUrl', 'detectionSource', 'category'] as const) {
      const value = alert[field];
      if (typeof value === 'string') copy[field] = value.slice(0, 300);
    }
  }
  if (Array.isArray(alert.categories))
    copy.categories = alert.categories
      .filter(item => typeof item === 'string')
      .slice(0, 10)
      .map(item => item.slice(0, 100));
  copy.evidence = suppressionEvidence(alert).slice(0, 20);
  return copy;
}

export function slim(alert: GraphAlert): GraphAlert {
  const { id, status, severity, classification, determination, assignedTo, serviceSource, createdDateTime, lastUpdateDateTime } = alert;
  return { id, status, severity, classification, determination, assignedTo, serviceSource, createdDateTime, lastUpdateDateTime };
}

/** Entries always have the same fields (undefined ones are left out of the JSON), which keeps them fast. */
export function entry(
  u: number,
  s: string,
  n: string | undefined,
  a: GraphAlert | undefined,
  t?: number,
  c?: ReminderCopy,
  x?: string,
  d?: Record<string, string>,
  m?: Record<string, MessageRef>
): SnapshotEntry {
  return { u, s, n, a, t, c, x, d, m };
}

/** `created` is kept only for the open-alerts board and digest (the age of a row). */
export function reminderCopy(alert: GraphAlert, created = false): ReminderCopy {
  return {
    title: String(alert.title ?? '').slice(0, 200),
    severity: alert.severity ?? '',
    serviceSource: alert.serviceSource ?? '',
    alertWebUrl: alert.alertWebUrl ?? '',
    ...(created && typeof alert.createdDateTime === 'string' ? { created: alert.createdDateTime.slice(0, 40) } : {})
  };
}

/** An alert rebuilt from a reminder copy: what the reminder digest shows. */
export function alertFromCopy(id: string, copy: ReminderCopy, signature: string): GraphAlert {
  return {
    id,
    title: copy.title,
    severity: copy.severity,
    serviceSource: copy.serviceSource,
    alertWebUrl: copy.alertWebUrl,
    status: statusOfSignature(signature)
  };
}
