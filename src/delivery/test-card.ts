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
  const { channelFor, TEAMS_RETRY_POLICY } = await import('./channels/index.js');
  const destinations = [
    ...(settings.webhookUrl
      ? [
          {
            name: 'default',
            url: settings.webhookUrl,
            kind: settings.webhookKind === 'legacy-connector' ? ('legacy-connector' as const) : ('workflows' as const)
          }
        ]
      : []),
    ...settings.routes.map(route => ({ name: route.name, url: route.webhookUrl, kind: route.webhookKind }))
  ];
  let accepted = 0;
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
    const [result] = await channelFor(destination).post([plan], {
      intervalMs: 0,
      signal,
      policy: { ...TEAMS_RETRY_POLICY, timeoutMs: settings.requestTimeoutMs },
      onRetry: (label, reason, delayMs) => log.info(`Teams: ${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`)
    });
    if (result.delivered) {
      accepted++;
      log.info(
        `Test card to '${destination.name}': accepted by Teams${destination.kind === 'workflows' ? ' (queued: check the channel)' : ''}.`
      );
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
    'suppressed-count'
  ])
    core.setOutput(name, 0);
  core.setOutput('posted-count', accepted);
  core.setOutput('failed-count', failures.length);
  core.setOutput('new-alerts', '[]');
  core.setOutput('snapshot-key', '');
  core.setOutput('cache-hit', 'false');
  if (failures.length > 0)
    core.setFailed(`The test card could not be posted to ${failures.map(name => `'${name}'`).join(', ')}; see the errors above.`);
  else log.info(`Test card posted to ${accepted} destination(s). No alerts were read and the snapshot was not touched.`);
}
