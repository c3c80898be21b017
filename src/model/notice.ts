import type { GraphAlert } from './alert.js';
import type { RuleHit } from '../rules/audit-state.js';
import type { NoticeKind } from '../inputs/settings.js';
import type { IncidentEntry } from '../snapshot/format.js';

/**
 * The model of what the channel is told: a notice about an alert, an incident or an audit rule firing.
 * Plain types only, shared by the delta (alerts), incident grouping, the audit rules, routing and the
 * cards, so that none of them has to import another to name it.
 */

/** A reminder is not a change of the alert: it repeats an open alert the channel has not heard of for remind-after. */
export type DeliveryKind = NoticeKind | 'reminder';

import type { MessageRef } from './message.js';
export type { MessageRef } from './message.js';

/** What every notice has, whatever it is about. */
interface NoticeCommon {
  kind: DeliveryKind;
  /** The alert; for an incident notice, a stand-in built from the incident (for routes, rows, order). */
  alert: GraphAlert;
  /** For follow-ups: the state signature the channel saw last. */
  previousSignature?: string;
  /** With routes: the channels that have the alert's card, and what each was told (snapshot `d`). */
  seenIn?: Record<string, string>;
  /** A copy of `of` for one channel (routes: a follow-up goes to every channel that has the card). */
  channel?: string;
  of?: Notice;
  /** teams-delivery: bot: the alert's card in each channel that has it (snapshot `m`), for edits and replies. */
  messages?: Record<string, MessageRef>;
}

/** A notice about one security alert (new, changed, resolved, or a reminder). */
export interface AlertNotice extends NoticeCommon {
  incident?: undefined;
  rule?: undefined;
}

/** group-by: incident: a notice about an incident and the new alerts it carries (see incidents/). */
export interface IncidentNotice extends NoticeCommon {
  incident: IncidentStory;
  rule?: undefined;
}

/** rules: a notice about an audit rule firing (see rules/); `alert` is its alert-like face. */
export interface RuleNotice extends NoticeCommon {
  rule: RuleHit;
  incident?: undefined;
}

/**
 * What the channel is told, by what it is about: `incident` or `rule` is set on exactly the kinds that
 * have one, so `if (notice.rule)` narrows to a RuleNotice (and `about()` names the kind).
 */
export type Notice = AlertNotice | IncidentNotice | RuleNotice;

export type NoticeAbout = 'alert' | 'incident' | 'rule';

export function about(notice: Notice): NoticeAbout {
  return notice.incident ? 'incident' : notice.rule ? 'rule' : 'alert';
}

/** A Defender XDR incident as Graph lists it (/security/incidents); every field is untrusted. */
export interface GraphIncident {
  id: string;
  displayName?: string | null;
  status?: string | null;
  severity?: string | null;
  assignedTo?: string | null;
  classification?: string | null;
  determination?: string | null;
  incidentWebUrl?: string | null;
  redirectIncidentId?: string | null;
  lastUpdateDateTime?: string | null;
  createdDateTime?: string | null;
  [other: string]: unknown;
}

/** What an incident notice tells: the incident, its new alerts (their notices), and what changed. */
export interface IncidentStory {
  incident: GraphIncident;
  /** Alert notices this card delivers (new alerts of the incident). */
  alerts: Notice[];
  /** Lines saying what changed, for a follow-up ("+2 alerts: …", "Status: active → resolved"). */
  changes: string[];
  /** The state to record once the card is delivered. */
  record: IncidentEntry;
}
