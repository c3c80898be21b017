import { gzipSync } from 'node:zlib';
import { boardContent, boardHash } from '../../src/board/open-set.js';
import { computeDelta, fetchWindowStart, type DeltaSettings } from '../../src/alerts/delta.js';
import type { DeliveryResult } from '../../src/delivery/channels/channel.js';
import type { GraphAlert } from '../../src/model/alert.js';
import { timeOf } from '../../src/model/alert.js';
import type { Notice } from '../../src/model/notice.js';
import { settle } from '../../src/run/settle.js';
import { fitSnapshot } from '../../src/snapshot/budget.js';
import { parseSnapshot, serializeSnapshot, type Snapshot } from '../../src/snapshot/format.js';
import { makeAlert } from '../fakes/alerts.js';
import { prng } from '../fakes/prng.js';

/**
 * Soak for the state teams-delivery: bot and the open-alerts board add: a virtual year of daily runs on one
 * snapshot through the settle step, every alert card confirmed with a message id (entry `m`) in one of
 * three channels, rule notices joining the board's 24-hour log, boards and digest days recorded. It asserts
 * that every one of these stays bounded (message ids leave with their alert's entry, the rule log keeps
 * 24 hours, one board per channel) and prints the snapshot's size after 30, 180 and 365 days.
 */
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const DAYS = Number(process.env.SOAK_DAYS ?? 365);
const KEY = 'soak-test-signing-key-0123456789';
const CHANNELS = ['default', 'soc', 'compliance'];

test(`a year of bot delivery with an open-alerts board: message ids, rule log and boards stay bounded (${DAYS} days)`, () => {
  const next = prng(2027);
  const settings: DeltaSettings = {
    minSeverity: 'low',
    statuses: ['new', 'inProgress'],
    serviceSources: [],
    notifyOn: ['new', 'updated', 'resolved'],
    firstRun: 'notify',
    lookbackMs: DAY,
    openAlertsBoard: true
  };
  const tenant = new Map<string, GraphAlert>();
  let snapshot: Snapshot | undefined;
  let n = 0;
  let activity = 0;
  const sizes = new Map<number, number>();
  const counts: Array<{ day: number; entries: number; refs: number; ruleLog: number; boards: number; open: number }> = [];
  for (let now = START, day = 0; day < DAYS; now += DAY, day++) {
    for (let i = 0; i < 60; i++) {
      const created = new Date(now - Math.floor(next() * DAY)).toISOString();
      const alert = makeAlert(++n, {
        severity: ['low', 'medium', 'high'][n % 3],
        createdDateTime: created,
        lastUpdateDateTime: created
      }) as GraphAlert;
      tenant.set(alert.id, alert);
    }
    for (const alert of tenant.values()) {
      if (alert.status !== 'resolved' && now - timeOf(alert.createdDateTime) > 2 * DAY && next() < 0.3) {
        alert.status = 'resolved';
        alert.lastUpdateDateTime = new Date(now - 1000).toISOString();
      }
    }
    for (const [id, alert] of tenant) if (now - timeOf(alert.createdDateTime) > 180 * DAY) tenant.delete(id);
    const since = fetchWindowStart(snapshot, now, settings.lookbackMs);
    const fetched = [...tenant.values()].filter(alert => timeOf(alert.lastUpdateDateTime) >= since).map(alert => ({ ...alert }));
    const delta = computeDelta(snapshot, fetched, settings, now);
    // Each card confirmed with an id in its channel; ten rule notices a day.
    const copies: Notice[] = delta.notices.map(notice => ({
      ...notice,
      channel: CHANNELS[Number(notice.alert.id.slice(-1)) % 3],
      of: notice
    }));
    const rules: Notice[] = Array.from({ length: 10 }, (_, i) => ({
      kind: 'new',
      alert: { id: `rule:${day}-${i}` },
      rule: { rule: `Rule ${i % 4}`, type: 'match', group: 'u', groupBy: 'userPrincipalName', operations: [], samples: [] },
      channel: CHANNELS[i % 3]
    }));
    const results: DeliveryResult[] = [...copies, ...rules].map(notice => {
      activity++;
      const message = {
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
        conversationId: `19:c${notice.channel}@thread.tacv2;messageid=${activity}`,
        activityId: String(activity)
      };
      return {
        plan: {
          kind: 'alert',
          card: { type: 'AdaptiveCard', $schema: '', version: '1.4', body: [] },
          notices: [notice],
          label: '',
          portalHosts: []
        },
        delivered: true,
        message
      };
    });
    const saved = settle({
      mode: 'post',
      delta,
      planned: [...delta.notices, ...rules],
      results,
      hasRules: false,
      scope: 'soak',
      expiredSuppress: [],
      now,
      openAlerts: snapshot ?? {}
    }).snapshot!;
    // The board step's record: one board per channel, its hash, and the digest day.
    for (const channel of CHANNELS) {
      const content = boardContent(saved, channel, now, 30 * DAY);
      (saved.boards ??= Object.create(null))[channel] = {
        m: {
          serviceUrl: 'https://smba.trafficmanager.net/teams/',
          conversationId: `19:c${channel}@thread.tacv2;messageid=1`,
          activityId: '1'
        },
        h: boardHash(content)
      };
      (saved.digestDays ??= Object.create(null))[channel] = new Date(now).toISOString().slice(0, 10);
    }
    const fitted = fitSnapshot(saved, JSON.stringify(saved));
    snapshot = parseSnapshot(serializeSnapshot(saved, KEY, fitted.json, 'soak-key'), {
      scope: 'soak',
      now,
      signingKeys: [KEY],
      boundTo: 'soak-key'
    });
    const entries = Object.values(snapshot.alerts);
    counts.push({
      day,
      entries: entries.length,
      refs: entries.reduce((sum, entry) => sum + Object.keys(entry.m ?? {}).length, 0),
      ruleLog: snapshot.ruleLog?.length ?? 0,
      boards: Object.keys(snapshot.boards ?? {}).length,
      open: CHANNELS.reduce((sum, channel) => sum + boardContent(snapshot!, channel, now, 30 * DAY).total, 0)
    });
    if ([30, 180, 364].includes(day)) sizes.set(day, Buffer.byteLength(gzipSync(fitted.json)));
  }
  const kb = (day: number) => ((sizes.get(day) ?? 0) / 1024).toFixed(0);
  console.log(`soak (bot, board): snapshot (gzip) after 30 / 180 / 365 days: ${kb(30)} / ${kb(180)} / ${kb(364)} KB`);
  const last = counts.at(-1)!;
  // Every message id belongs to an alert entry that is still kept: refs leave with their entries.
  expect(last.refs).toBeLessThanOrEqual(last.entries);
  expect(Math.max(...counts.map(c => c.ruleLog))).toBeLessThanOrEqual(10);
  expect(Math.max(...counts.map(c => c.boards))).toBe(3);
  // The open set levels off: month 12 holds no more open alerts than month 2 (retention and resolution).
  const mean = (from: number, to: number, pick: (c: (typeof counts)[number]) => number) => {
    const slice = counts.filter(c => c.day >= from && c.day < to);
    return slice.reduce((sum, c) => sum + pick(c), 0) / slice.length;
  };
  if (DAYS >= 365) {
    expect(mean(335, 365, c => c.entries)).toBeLessThanOrEqual(mean(30, 60, c => c.entries) * 1.2);
    expect(mean(335, 365, c => c.open)).toBeLessThanOrEqual(mean(30, 60, c => c.open) * 1.2);
    expect(sizes.get(364)!).toBeLessThanOrEqual(sizes.get(180)! * 1.15);
  }
}, 120_000);
