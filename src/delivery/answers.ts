import type { Notice } from '../model/notice.js';
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
