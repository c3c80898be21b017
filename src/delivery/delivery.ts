import * as core from '../runtime/runner-io.js';
import type { DeliveryPlan } from './destinations.js';
import * as log from '../runtime/log.js';
import type { Settings } from '../inputs/settings.js';
import type { CardPlan } from './cards/cards.js';
import type { DeliveryResult, PostContext } from './channels/channel.js';
import type { ChannelNeeds } from './channels/index.js';
import type { RetryPolicy } from '../runtime/http.js';

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
  /** What the channels need beyond their address (the bot's token), made once per run. */
  channelNeeds(): Promise<ChannelNeeds>;
}

export function chooseDelivery(settings: Settings): Delivery {
  // Posts per URL over the whole run: alert cards and rule notices are delivered in two steps, one post-rate.
  const history = new Map<string, number[]>();
  const needs = botNeeds(settings);
  if (settings.dryRun)
    return {
      mode: 'dry-run',
      deliver: async deliveries => printCards(deliveries, 'Dry run: cards are printed, not posted.'),
      channelNeeds: needs
    };
  if (settings.webhookUrl || settings.routes.length > 0 || settings.teamsDelivery === 'bot')
    return { mode: 'post', deliver: (deliveries, context) => post(deliveries, settings, context, history, needs), channelNeeds: needs };
  // settings.ts allows this only for source: file (a local trial); source: graph needs a webhook.
  return {
    mode: 'print',
    deliver: async deliveries =>
      printCards(deliveries, 'No teams-webhook-url (source: file): cards are printed to the log instead of posted.'),
    channelNeeds: needs
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

/** A bot's Bot Connector token, asked for once per run (and again only near its expiry). */
function botNeeds(settings: Settings): () => Promise<ChannelNeeds> {
  let needs: Promise<ChannelNeeds> | undefined;
  return () =>
    (needs ??= (async () => {
      if (!settings.bot) return {};
      const { createTokenProvider } = await import('../signin/auth.js');
      const bot = settings.bot;
      const graph = settings.graph!;
      const credential = bot.credential.kind === 'secret' ? bot.credential : graph.credential;
      const getToken = await createTokenProvider(
        { ...graph, clientId: bot.appId, credential },
        { timeoutMs: settings.requestTimeoutMs },
        bot.scope
      );
      return { bot: { settings: bot, getToken } };
    })());
}

/**
 * A storm: more cards than fit before max-run-time at the channel's rate. The budget goes to the first
 * cards (most severe first) and its last post to one backlog card; the rest stays owed for the next runs.
 */
async function holdBacklog(planned: CardPlan[], budget: number, destination: string, settings: Settings, results: DeliveryResult[]) {
  if (planned.length <= budget || budget < 2) return planned;
  const { backlogPlan } = await import('./cards/cards.js');
  const held = planned.slice(budget - 1);
  const heldNotices = held.flatMap(plan => plan.notices);
  log.info(
    `Teams [${destination}]: ${planned.length} cards cannot all be posted before max-run-time at post-rate; posting ${budget - 1} and a backlog card for the ${heldNotices.length} alert(s) left for the next runs.`
  );
  results.push(
    ...held.map(plan => ({
      plan,
      delivered: false,
      deferred: 'deadline' as const,
      error: 'not sent: a backlog card told the channel; the next runs post it'
    }))
  );
  return [...planned.slice(0, budget - 1), backlogPlan(heldNotices, runUrl(), settings.portalHosts)];
}

/** How one channel is paced: post-rate and post-interval for webhooks; Teams' own bot limits for a bot. */
function pacing(
  settings: Settings,
  policy: RetryPolicy,
  onRetry: NonNullable<PostContext['onRetry']>
): Omit<PostContext, 'deadline' | 'signal' | 'sentAt'> {
  const bot = settings.teamsDelivery === 'bot';
  return {
    intervalMs: bot ? 0 : settings.postIntervalMs,
    rate: bot ? undefined : settings.postRate,
    onPace: (label, delayMs) =>
      log.info(
        bot
          ? `Teams: ${label}: waiting ${(delayMs / 1000).toFixed(0)}s to stay within Teams' limits for bots.`
          : `Teams: ${label}: waiting ${(delayMs / 1000).toFixed(0)}s to stay within post-rate ${settings.postRate.requests} per ${settings.postRate.windowMs / 1000}s.`
      ),
    policy,
    onRetry
  };
}

async function post(
  deliveries: DeliveryPlan[],
  settings: Settings,
  context: RunContext,
  history: Map<string, number[]>,
  needs: () => Promise<ChannelNeeds>
): Promise<DeliveryResult[]> {
  // Nothing to post (the common scheduled run): load none of the Teams code.
  if (deliveries.length === 0) return [];
  const [{ addressOf, channelFor, logRetry, retryPolicyFor }, { NO_ROUTE_ERROR }, { postBudget }] = await Promise.all([
    import('./channels/index.js'),
    import('./destinations.js'),
    import('./cards/cards.js')
  ]);
  const bot = settings.teamsDelivery === 'bot';
  const results: DeliveryResult[] = [];
  const deadline = context.startedAt + settings.maxRunTimeMs;
  const paced = pacing(settings, retryPolicyFor(settings), logRetry);
  // Channels one after another: each has its own throttle, and the log stays readable.
  for (const { destination, plans: planned } of deliveries) {
    const address = addressOf(destination);
    if (!address) {
      results.push(...planned.map(plan => ({ plan, delivered: false, error: `${plan.notices.length} alert(s) ${NO_ROUTE_ERROR}` })));
      continue;
    }
    const rate = bot ? { requests: 60, windowMs: 30_000 } : settings.postRate;
    const budget = postBudget(deadline - Date.now(), rate, paced.intervalMs);
    const plans = await holdBacklog(planned, budget, destination.name, settings, results);
    const sentAt = history.get(address) ?? history.set(address, []).get(address);
    results.push(...(await channelFor(destination, await needs()).post(plans, { ...paced, deadline, signal: context.signal, sentAt })));
  }
  return results;
}
