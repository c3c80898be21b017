import { stateSignature } from '../model/alert.js';
import type { Notice } from '../model/notice.js';
import { routeFor } from '../routes/route-match.js';
import type { Route } from '../routes/routes.js';
import type { WebhookKind } from '../inputs/inputs.js';
import type { Settings } from '../inputs/settings.js';
import { planCards, type CardPlan } from './cards/cards.js';

/**
 * Where each notice goes: the first matching route, else the default channel (teams-webhook-url).
 * Pure: the cards for every channel are planned here, delivered by main.
 */
export interface Destination {
  /** The route's name, or `default`. */
  name: string;
  /** Webhooks: undefined for the default channel when teams-webhook-url is empty. */
  url?: string;
  /** teams-delivery: bot: the channel id; undefined for the default channel when teams-channel is empty. */
  channelId?: string;
  kind: WebhookKind | 'bot';
}

export interface DeliveryPlan {
  destination: Destination;
  plans: CardPlan[];
}

export const NO_ROUTE_ERROR =
  'matches no route and teams-webhook-url is empty: add a route without filters (a catch-all) or set teams-webhook-url';

/**
 * With routes, a follow-up (updated, resolved, reminder) goes to every channel that has the alert's card,
 * not where the alert's current severity would route it, and only where that channel was not told this
 * state yet (a channel that took it in an earlier, partly failed run is not told twice). A channel the
 * alert now routes to that never had its card (an escalation to high) gets it as a new card. Each
 * channel's copy is its own notice (`of` the original), so each is delivered, or owed, on its own.
 */
function channelCopies(notice: Notice, routes: readonly Route[]): Array<{ route: Route | undefined; notice: Notice }> {
  const current = routeFor(routes, notice.alert);
  const currentName = current?.name ?? 'default';
  // Only the channel and what it was told change: the copy is about the same alert, incident or rule.
  const copy = (route: Route | undefined, channel: string, changes: Pick<Notice, 'kind' | 'previousSignature'> | object = {}) => ({
    route,
    notice: { ...notice, ...changes, channel, of: notice } as Notice
  });
  const seen = notice.seenIn;
  if (!seen || notice.kind === 'new') return [copy(current, currentName)];
  const signature = stateSignature(notice.alert);
  const copies: Array<{ route: Route | undefined; notice: Notice }> = [];
  for (const name of Object.keys(seen)) {
    const route = routes.find(r => r.name === name);
    if (name !== 'default' && !route) continue; // the route was removed: its channel is not told any more
    if (notice.kind !== 'reminder' && seen[name] === signature) continue;
    copies.push(copy(route, name));
  }
  // A resolved alert is not news to a channel that never had it: only an open one is brought there.
  const open = notice.kind !== 'resolved' && String(notice.alert.status ?? '').toLowerCase() !== 'resolved';
  if (!Object.hasOwn(seen, currentName) && notice.kind !== 'reminder' && open)
    copies.push(copy(current, currentName, { kind: 'new', previousSignature: undefined }));
  return copies.length > 0 ? copies : [copy(current, currentName)];
}

type DestinationSettings = Pick<Settings, 'routes' | 'webhookUrl' | 'webhookKind'> & Partial<Pick<Settings, 'bot'>>;

/** Where a route (or, undefined, the default channel) delivers: its webhook, or its channel through the bot. */
export function destinationOf(route: Route | undefined, settings: DestinationSettings): Destination {
  if (settings.bot) return { name: route?.name ?? 'default', channelId: route ? route.channel : settings.bot.channel, kind: 'bot' };
  if (route) return { name: route.name, url: route.webhookUrl, kind: route.webhookKind ?? 'workflows' };
  return {
    name: 'default',
    url: settings.webhookUrl,
    kind: settings.webhookKind === 'legacy-connector' ? 'legacy-connector' : 'workflows'
  };
}

export function planDeliveries(
  notices: Notice[],
  settings: DestinationSettings & Pick<Settings, 'maxCards' | 'remindAfterMs'> & Partial<Pick<Settings, 'portalHosts'>>
): DeliveryPlan[] {
  const byRoute = new Map<Route | undefined, Notice[]>();
  for (const original of notices) {
    // Without routes there is one channel: nothing to copy. With routes, every alert notice has a copy per
    // channel; incident and rule notices go by their current route, as before.
    const copies =
      settings.routes.length === 0
        ? [{ route: undefined, notice: original }]
        : original.incident || original.rule
          ? [{ route: routeFor(settings.routes, original.alert), notice: original }]
          : channelCopies(original, settings.routes);
    for (const { route, notice } of copies) {
      const list = byRoute.get(route);
      if (list) list.push(notice);
      else byRoute.set(route, [notice]);
    }
  }
  const ordered = [...settings.routes, undefined].filter(route => byRoute.has(route));
  return ordered.map(route => {
    const destination = destinationOf(route, settings);
    const plans = planCards(byRoute.get(route)!, settings.maxCards, settings.remindAfterMs, settings.portalHosts);
    // With routes, say which channel a card is for (a name, never the URL).
    if (settings.routes.length > 0) {
      for (const plan of plans) {
        plan.label = `[${destination.name}] ${plan.label}`;
        plan.channel = destination.name;
      }
    }
    return { destination, plans };
  });
}
