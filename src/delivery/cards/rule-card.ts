import type { Notice } from '../../model/notice.js';
import { GLOBAL_PORTALS } from '../../inputs/clouds.js';
import { shortDuration } from '../../inputs/inputs.js';
import { card, facts, header, openUrlAction } from './adaptive.js';
import { formatTime, truncate } from './text.js';
import type { AdaptiveCard, PortalHosts } from './types.js';

/** rules: the card about an audit rule firing. */

const RULE_TYPE_LABEL: Record<string, string> = { match: 'match', threshold: 'threshold', 'new-value': 'new value' };
const GROUP_LABELS: Record<string, string> = { userprincipalname: 'User', userid: 'User', clientip: 'IP address' };

/** A sample's object, short: the last part of a SharePoint/OneDrive URL or path (the Purview search has the rest). */
function objectName(value: unknown): string {
  const object = String(value ?? '');
  const last = /[/\\]([^/\\]+)[/\\]?$/.exec(object)?.[1];
  return truncate(last && object.length > 60 ? `…/${last}` : object, 120);
}

/** The rows of an audit rule card: what fired, for whom, and up to five of the records behind it. */
export function ruleFacts(notice: Notice): Array<[string, string]> {
  const hit = notice.rule!;
  const text = (value: unknown, max = 200) => truncate(String(value ?? ''), max);
  const rows: Array<[string, string]> = [
    ['Rule', `${text(hit.rule)} (${Object.hasOwn(RULE_TYPE_LABEL, hit.type) ? RULE_TYPE_LABEL[hit.type] : text(hit.type, 20)} rule)`]
  ];
  if (hit.type === 'threshold') {
    const what = hit.distinct ? `distinct ${text(hit.distinct, 80)} values` : 'events';
    rows.push([
      'Count',
      `${text(hit.count, 12)} ${what} within ${Number.isFinite(Number(hit.windowMs)) ? shortDuration(Number(hit.windowMs)) : ''} (threshold ${text(hit.threshold, 12)})`
    ]);
  }
  if (hit.type === 'match' && Number(hit.count) > 1) rows.push(['Count', `${text(hit.count, 12)} matching records in one query window`]);
  if (hit.type === 'new-value') {
    rows.push([`New ${text(hit.valueField, 80)}`, text(hit.value)]);
    const known = Array.isArray(hit.known) ? hit.known.map(value => text(value, 60)) : [];
    rows.push(['Known before', known.length ? known.join(', ') : '']);
  }
  if (hit.groupBy) {
    const key = String(hit.groupBy).toLowerCase();
    rows.push([Object.hasOwn(GROUP_LABELS, key) ? GROUP_LABELS[key] : text(hit.groupBy, 80), text(hit.group)]);
  }
  rows.push(['Operations', Array.isArray(hit.operations) ? truncate(hit.operations.map(op => String(op)).join(', '), 300) : '']);
  rows.push(['First seen', formatTime(notice.alert.createdDateTime)]);
  const samples = Array.isArray(hit.samples) ? hit.samples.slice(0, 5) : [];
  if (samples.length > 0) {
    rows.push([
      samples.length === 1 ? 'Record' : `Sample records (${samples.length})`,
      samples
        .map(sample =>
          [
            formatTime(sample?.time),
            text(sample?.user, 120),
            text(sample?.operation, 80),
            objectName(sample?.object),
            text(sample?.clientIp, 60)
          ]
            .filter(Boolean)
            .join(' · ')
        )
        .join('\n')
    ]);
  }
  rows.push(['Notice ID', notice.alert.id]);
  return rows;
}

/** One card per rule firing, with a button to the Purview audit search to see every record. */
export function ruleCard(notice: Notice, hosts: PortalHosts = GLOBAL_PORTALS): AdaptiveCard {
  return card(
    [header(notice.alert, 'Audit log rule'), facts(ruleFacts(notice))],
    openUrlAction('Open Purview audit search', notice.alert.alertWebUrl, hosts)
  );
}
