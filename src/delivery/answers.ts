import type { MessageRef, Notice } from '../model/notice.js';
import type { DeliveryResult } from './channels/channel.js';

/** Pure: what the channels' answers mean for the notices (delivered, counted once, which channel has what). */

/**
 * The notices whose card Teams accepted. A notice sent to several channels (a copy per channel, `of` it)
 * counts as delivered only when every copy was accepted.
 */
export function deliveredNotices(results: DeliveryResult[]): Set<Notice> {
  const delivered = new Set<Notice>();
  const missing = new Set<Notice>();
  for (const result of results) {
    for (const notice of result.plan.notices) {
      const original = notice.of ?? notice;
      if (result.delivered) delivered.add(original);
      else missing.add(original);
    }
  }
  for (const notice of missing) delivered.delete(notice);
  return delivered;
}

/** The notices (not their per-channel copies) in the results that `which` picks: each counted once. */
export function noticesIn(results: DeliveryResult[], which: (result: DeliveryResult) => boolean = () => true): Set<Notice> {
  return new Set(results.filter(which).flatMap(result => result.plan.notices.map(notice => notice.of ?? notice)));
}

/** With routes: the channels that accepted a card about each alert id (for the snapshot's `d`). */
export function channelsTold(results: DeliveryResult[]): Map<string, string[]> {
  const told = new Map<string, string[]>();
  for (const result of results) {
    if (!result.delivered) continue;
    for (const notice of result.plan.notices) {
      if (notice.channel === undefined || notice.kind === 'reminder') continue;
      const list = told.get(notice.alert.id) ?? [];
      list.push(notice.channel);
      told.set(notice.alert.id, list);
    }
  }
  return told;
}

/**
 * teams-delivery: bot: the message each alert's card became in each channel (channel name, `default`
 * without routes), from the cards about one alert that a channel confirmed with an id.
 */
export function messagesPosted(results: DeliveryResult[]): Map<string, Record<string, MessageRef>> {
  const posted = new Map<string, Record<string, MessageRef>>();
  for (const result of results) {
    if (!result.delivered || !result.message || result.plan.notices.length !== 1) continue;
    const notice = result.plan.notices[0];
    if (notice.rule || notice.kind === 'reminder') continue;
    // Alerts by alert id; incidents by `incident:` and the incident id (see incidentMessages).
    const key = notice.incident ? `incident:${notice.incident.incident.id}` : notice.alert.id;
    const byChannel = posted.get(key) ?? Object.create(null);
    byChannel[notice.channel ?? 'default'] = result.message;
    posted.set(key, byChannel);
  }
  return posted;
}

/** Notices a channel confirmed with a message id in this run (confirmed-count), each counted once. */
export function confirmedNotices(results: DeliveryResult[]): Set<Notice> {
  return noticesIn(results, result => result.delivered && result.message !== undefined);
}

/** Cards edited in place in this run (edited-count). */
export function editedCount(results: DeliveryResult[]): number {
  return results.filter(result => result.edited).length;
}

/** The incidents' part of messagesPosted, by incident id. */
export function incidentMessages(posted: ReadonlyMap<string, Record<string, MessageRef>>): Map<string, Record<string, MessageRef>> {
  return new Map([...posted].filter(([key]) => key.startsWith('incident:')).map(([key, refs]) => [key.slice('incident:'.length), refs]));
}
