import type { Notice } from './delta.js';
import { routeFor } from './route-match.js';
import type { Route } from './routes.js';
import type { WebhookKind } from './inputs.js';
import type { Settings } from './settings.js';
import { planCards, type CardPlan } from './teams/cards.js';

/**
 * Where each notice goes: the first matching route, else the default channel (teams-webhook-url).
 * Pure: the cards for every channel are planned here, delivered by main.
 */
export interface Destination {
  /** The route's name, or `default`. */
  name: string;
  /** Undefined for the default channel when teams-webhook-url is empty. */
  url?: string;
  kind: WebhookKind;
}

export interface DeliveryPlan {
  destination: Destination;
  plans: CardPlan[];
}

export const NO_ROUTE_ERROR =
  'matches no route and teams-webhook-url is empty: add a route without filters (a catch-all) or set teams-webhook-url';

export function planDeliveries(
  notices: Notice[],
  settings: Pick<Settings, 'routes' | 'webhookUrl' | 'webhookKind' | 'maxCards' | 'remindAfterMs'> & Partial<Pick<Settings, 'portalHosts'>>
): DeliveryPlan[] {
  const byRoute = new Map<Route | undefined, Notice[]>();
  for (const notice of notices) {
    const route = routeFor(settings.routes, notice.alert);
    const list = byRoute.get(route);
    if (list) list.push(notice);
    else byRoute.set(route, [notice]);
  }
  const ordered = [...settings.routes, undefined].filter(route => byRoute.has(route));
  return ordered.map(route => {
    const destination: Destination = route
      ? { name: route.name, url: route.webhookUrl, kind: route.webhookKind }
      : { name: 'default', url: settings.webhookUrl, kind: settings.webhookKind === 'legacy-connector' ? 'legacy-connector' : 'workflows' };
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
