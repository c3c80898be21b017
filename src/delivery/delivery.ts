import * as core from '../runtime/runner-io.js';
import type { DeliveryPlan } from './destinations.js';
import * as log from '../runtime/log.js';
import type { Settings } from '../inputs/settings.js';
import type { CardPlan } from './cards/cards.js';
import type { DeliveryResult } from './channels/channel.js';

export { channelsTold, deliveredNotices, noticesIn } from './answers.js';

/**
 * How the planned cards reach their channels, chosen once per run from the settings (like the snapshot
 * store): posted to Teams, or printed to the log (a dry run, or source: file without a webhook).
 */
export interface RunContext {
  /** When the run began (ms): max-run-time counts from here. */
  startedAt: number;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

export interface Delivery {
  readonly mode: 'post' | 'print' | 'dry-run';
  deliver(deliveries: DeliveryPlan[], context: RunContext): Promise<DeliveryResult[]>;
}

export function chooseDelivery(settings: Settings): Delivery {
  // Posts per URL over the whole run: alert cards and rule notices are delivered in two steps, one post-rate.
  const history = new Map<string, number[]>();
  if (settings.dryRun)
    return { mode: 'dry-run', deliver: async deliveries => printCards(deliveries, 'Dry run: cards are printed, not posted.') };
  if (settings.webhookUrl || settings.routes.length > 0)
    return { mode: 'post', deliver: (deliveries, context) => post(deliveries, settings, context, history) };
  // settings.ts allows this only for source: file (a local trial); source: graph needs a webhook.
  return {
    mode: 'print',
    deliver: async deliveries =>
      printCards(deliveries, 'No teams-webhook-url (source: file): cards are printed to the log instead of posted.')
  };
}

function printCards(deliveries: DeliveryPlan[], why: string): DeliveryResult[] {
  const plans: CardPlan[] = deliveries.flatMap(delivery => delivery.plans);
  if (plans.length > 0) log.info(why);
  for (const plan of plans) {
    core.startGroup(`Card: ${plan.label}`);
    // JSON.stringify escapes line breaks inside strings; every line starts with indentation or a brace.
    core.info(JSON.stringify(plan.card, null, 2));
    core.endGroup();
  }
  return plans.map(plan => ({ plan, delivered: true }));
}

/** The link a backlog card gives: this workflow run, where the job summary lists what was posted. */
function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!server?.startsWith('https://') || !repository || !runId) return undefined;
  return `${server}/${repository}/actions/runs/${runId}`;
}

async function post(
  deliveries: DeliveryPlan[],
  settings: Settings,
  context: RunContext,
  history: Map<string, number[]>
): Promise<DeliveryResult[]> {
  // Nothing to post (the common scheduled run): load none of the Teams code.
  if (deliveries.length === 0) return [];
  const [{ channelFor, TEAMS_RETRY_POLICY }, { NO_ROUTE_ERROR }, { backlogPlan, postBudget }] = await Promise.all([
    import('./channels/index.js'),
    import('./destinations.js'),
    import('./cards/cards.js')
  ]);
  const results: DeliveryResult[] = [];
  const deadline = context.startedAt + settings.maxRunTimeMs;
  // Channels one after another: each Workflows URL has its own throttle, and the log stays readable.
  for (const { destination, plans: planned } of deliveries) {
    if (!destination.url) {
      results.push(...planned.map(plan => ({ plan, delivered: false, error: `${plan.notices.length} alert(s) ${NO_ROUTE_ERROR}` })));
      continue;
    }
    // A storm: more cards than fit before max-run-time at post-rate. The budget goes to the first cards
    // (most severe first) and its last post to one backlog card; the rest stays owed for the next runs.
    let plans = planned;
    const budget = postBudget(deadline - Date.now(), settings.postRate, settings.postIntervalMs);
    if (plans.length > budget && budget >= 2) {
      const held = plans.slice(budget - 1);
      const heldNotices = held.flatMap(plan => plan.notices);
      log.info(
        `Teams [${destination.name}]: ${plans.length} cards cannot all be posted before max-run-time at post-rate; posting ${budget - 1} and a backlog card for the ${heldNotices.length} alert(s) left for the next runs.`
      );
      plans = [...plans.slice(0, budget - 1), backlogPlan(heldNotices, runUrl(), settings.portalHosts)];
      results.push(
        ...held.map(plan => ({
          plan,
          delivered: false,
          deferred: 'deadline' as const,
          error: 'not sent: a backlog card told the channel; the next runs post it'
        }))
      );
    }
    results.push(
      ...(await channelFor({ ...destination, url: destination.url }).post(plans, {
        intervalMs: settings.postIntervalMs,
        rate: settings.postRate,
        deadline,
        signal: context.signal,
        sentAt: history.get(destination.url) ?? history.set(destination.url, []).get(destination.url),
        onPace: (label, delayMs) =>
          log.info(
            `Teams: ${label}: waiting ${(delayMs / 1000).toFixed(0)}s to stay within post-rate ${settings.postRate.requests} per ${settings.postRate.windowMs / 1000}s.`
          ),
        policy: { ...TEAMS_RETRY_POLICY, timeoutMs: settings.requestTimeoutMs },
        onRetry: (label, reason, delayMs) => log.info(`Teams: ${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`)
      }))
    );
  }
  return results;
}
