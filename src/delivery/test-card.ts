import * as core from '../runtime/runner-io.js';
import * as log from '../runtime/log.js';
import type { Settings } from '../inputs/settings.js';
import { RENDERERS, type CardPlan } from './cards/cards.js';

/**
 * `send-test-card: true`: after set-up (a workflow_dispatch run), post one clearly marked test card to the
 * default webhook and to every route, and report each channel's answer. No alert is read, no snapshot is
 * loaded or saved: the check cannot change what the scheduled runs will post.
 */
/** The line a test card carries: where it was sent and from which run. */
function testNote(destination: string, env: NodeJS.ProcessEnv): string {
  const run = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_REPOSITORY}, run ${env.GITHUB_RUN_ID}` : 'a local run';
  return `Sent with send-test-card: true to the destination '${destination}' from ${run} at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Security alerts will appear here as cards like this one.`;
}

export async function sendTestCards(settings: Settings, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [{ addressOf, channelFor, logRetry, retryPolicyFor }, { destinationOf }, { chooseDelivery }] = await Promise.all([
    import('./channels/index.js'),
    import('./destinations.js'),
    import('./delivery.js')
  ]);
  const bot = settings.teamsDelivery === 'bot';
  const destinations = [destinationOf(undefined, settings), ...settings.routes.map(route => destinationOf(route, settings))].filter(
    destination => addressOf(destination) !== undefined
  );
  const needs = bot ? await chooseDelivery(settings).channelNeeds() : {};
  let accepted = 0;
  let confirmed = 0;
  const failures: string[] = [];
  for (const destination of destinations) {
    const heading = 'Test card from m365-alerts-to-teams';
    const content = { notices: [], digestHeading: heading, note: testNote(destination.name, env), portalHosts: settings.portalHosts };
    const plan: CardPlan = {
      kind: 'test',
      card: RENDERERS.test.adaptive(content),
      ...content,
      label: `test card [${destination.name}]`,
      portalHosts: settings.portalHosts
    };
    const [result] = await channelFor(destination, needs).post([plan], {
      intervalMs: 0,
      signal,
      policy: retryPolicyFor(settings),
      onRetry: logRetry
    });
    if (result.delivered) {
      accepted++;
      if (result.message) confirmed++;
      const how = result.message
        ? `: in the channel, message id ${result.message.activityId}`
        : destination.kind === 'workflows'
          ? ' (queued: check the channel)'
          : '';
      log.info(`Test card to '${destination.name}': accepted by Teams${how}.`);
    } else {
      failures.push(destination.name);
      log.error(`Test card to '${destination.name}': ${result.error}`);
    }
  }
  for (const name of [
    'new-count',
    'updated-count',
    'resolved-count',
    'open-count',
    'reminder-count',
    'owed-count',
    'skipped-count',
    'suppressed-count',
    'edited-count'
  ])
    core.setOutput(name, 0);
  core.setOutput('posted-count', accepted);
  core.setOutput('confirmed-count', confirmed);
  core.setOutput('failed-count', failures.length);
  core.setOutput('new-alerts', '[]');
  core.setOutput('snapshot-key', '');
  core.setOutput('cache-hit', 'false');
  core.setOutput('board-updated', 'false');
  core.setOutput('digest-posted', 'false');
  if (failures.length > 0)
    core.setFailed(`The test card could not be posted to ${failures.map(name => `'${name}'`).join(', ')}; see the errors above.`);
  else log.info(`Test card posted to ${accepted} destination(s). No alerts were read and the snapshot was not touched.`);
}
