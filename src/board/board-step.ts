import { RETENTION_MS } from '../alerts/delta.js';
import { RENDERERS, type CardPlan } from '../delivery/cards/cards.js';
import { boardHeading, fitBoard } from '../delivery/cards/board-card.js';
import type { Delivery, RunContext } from '../delivery/delivery.js';
import { destinationOf, type Destination } from '../delivery/destinations.js';
import {
  addressOf,
  channelFor,
  logRetry,
  refInChannel,
  retryPolicyFor,
  type Channel,
  type PostContext
} from '../delivery/channels/index.js';
import type { Settings } from '../inputs/settings.js';
import type { BoardContent } from '../model/board.js';
import * as log from '../runtime/log.js';
import type { Snapshot } from '../snapshot/format.js';
import { boardContent, boardHash } from './open-set.js';
import { digestDue } from './schedule.js';

/**
 * After settle, before the snapshot is saved: the open-alerts board (one card per channel, edited in
 * place when what is open changed) and the daily digest (one card per channel at the first run after the
 * set time). Neither carries a notice: a failure is warned about and tried again by the next run; no
 * alert waits for them. What they did is recorded in the snapshot (boards, digestDays).
 */
export interface OpenAlertsOutcome {
  boardUpdated: boolean;
  digestPosted: boolean;
}

function planFor(content: BoardContent, heading: string, label: string, settings: Settings): CardPlan {
  const drawn = {
    notices: [],
    board: fitBoard(content, heading, settings.portalHosts),
    digestHeading: heading,
    portalHosts: settings.portalHosts
  };
  return { kind: 'board', card: RENDERERS.board.adaptive(drawn), ...drawn, label };
}

async function updateBoard(
  channel: Channel,
  destination: Destination,
  content: BoardContent,
  snapshot: Snapshot,
  settings: Settings,
  context: PostContext
): Promise<boolean> {
  const hash = boardHash(content);
  const stored = snapshot.boards?.[destination.name];
  // A stored board message is used only in its own channel, with a plain id (a planted one is not).
  const ref = refInChannel(stored?.m, destination.channelId) ? stored!.m : undefined;
  if (ref && stored!.h === hash) return false; // nothing changed: the board is not touched
  const plan = planFor(content, boardHeading(content, false), `open-alerts board [${destination.name}]`, settings);
  if (ref) {
    const edited = await channel.update!(ref, plan, context);
    if (edited.delivered) {
      (snapshot.boards ??= Object.create(null))[destination.name] = { m: ref, h: hash };
      return true;
    }
    if (!edited.missing) {
      log.warning(`Open-alerts board [${destination.name}]: not updated (${edited.error}); the next run tries again.`);
      return false;
    }
    log.info(`Open-alerts board [${destination.name}]: the board message is gone from Teams; a new one is posted.`);
  }
  const [posted] = await channel.post([plan], context);
  if (!posted.delivered || !posted.message) {
    log.warning(`Open-alerts board [${destination.name}]: not posted (${posted.error}); the next run tries again.`);
    return false;
  }
  (snapshot.boards ??= Object.create(null))[destination.name] = { m: posted.message, h: hash };
  return true;
}

async function postDigest(
  channel: Channel,
  destination: Destination,
  content: BoardContent,
  snapshot: Snapshot,
  settings: Settings,
  context: PostContext,
  day: string
): Promise<boolean> {
  const days = (snapshot.digestDays ??= Object.create(null) as Record<string, string>);
  if (content.total === 0 && settings.openAlertsDigestEmpty === 'skip') {
    // Nothing open: no card (open-alerts-digest-empty: skip), and today's digest is done.
    days[destination.name] = day;
    return false;
  }
  const plan = planFor(content, boardHeading(content, true), `daily digest [${destination.name}]`, settings);
  const [posted] = await channel.post([plan], context);
  if (!posted.delivered) {
    log.warning(`Daily digest [${destination.name}]: not posted (${posted.error}); the next run tries again.`);
    return false;
  }
  days[destination.name] = day;
  return true;
}

export async function showOpenAlerts(
  settings: Settings,
  snapshot: Snapshot,
  delivery: Delivery,
  context: RunContext,
  now: number
): Promise<OpenAlertsOutcome> {
  const outcome = { boardUpdated: false, digestPosted: false };
  if (!settings.openAlertsBoard && !settings.openAlertsDigest) return outcome;
  if (delivery.mode !== 'post') {
    log.info('Open-alerts board and digest: posted only when cards are posted (not in a dry run or a local trial).');
    return outcome;
  }
  const needs = await delivery.channelNeeds();
  const postContext: PostContext = {
    intervalMs: 0,
    deadline: context.startedAt + settings.maxRunTimeMs,
    signal: context.signal,
    policy: retryPolicyFor(settings),
    onRetry: logRetry
  };
  const lookbackMs = Math.max(RETENTION_MS, settings.lookbackMs);
  const destinations = [destinationOf(undefined, settings), ...settings.routes.map(route => destinationOf(route, settings))];
  for (const destination of destinations.filter(d => addressOf(d) !== undefined)) {
    const channel = channelFor(destination, needs);
    const content = boardContent(snapshot, destination.name, now, lookbackMs);
    if (settings.openAlertsBoard && (await updateBoard(channel, destination, content, snapshot, settings, postContext)))
      outcome.boardUpdated = true;
    const day = settings.openAlertsDigest && digestDue(now, settings.openAlertsDigest, snapshot.digestDays?.[destination.name]);
    if (day && (await postDigest(channel, destination, content, snapshot, settings, postContext, day))) outcome.digestPosted = true;
  }
  return outcome;
}
