import * as core from './runtime/runner-io.js';
import { ExplainedError } from './runtime/errors.js';
// Also keeps the HTTP client in the main chunk, shared by the auth, Graph and Teams chunks.
import { ExchangeCancelled } from './runtime/http.js';
import * as log from './runtime/log.js';
import { redact, registerSecret, registerWebhookUrl } from './runtime/secrets.js';
import { loadSettings } from './inputs/settings.js';
import { runWith } from './run/run.js';

/**
 * The action's entry: masks the secrets, reads the inputs, then runs once (run/run.ts) or sends the test
 * cards; turns every failure into one error line without a stack trace, and handles cancellation.
 * MSAL (certificate sign-in only) and @actions/cache are imported only by the runs that use them; HTTP
 * goes through Node's own client (runtime/http.ts).
 */

/** Inputs that are secrets: masked before anything else runs, so no later log line can reveal them. */
const SECRET_INPUTS = [
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'snapshot-signing-key',
  'teams-bot-client-secret'
];

/** After SIGINT/SIGTERM the run saves what it delivered; if that hangs, it exits anyway after this long. */
const CANCEL_GRACE_MS = 6_000;

export async function run(): Promise<void> {
  const startedAt = Date.now();
  const cancel = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    cancel.abort();
    log.warning(`${name} received: no further post starts; what was delivered is being saved.`);
    setTimeout(() => {
      core.setFailed(`${name}: the snapshot could not be saved within ${CANCEL_GRACE_MS / 1000}s of the cancellation.`);
      process.exit(1);
    }, CANCEL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const name of SECRET_INPUTS) registerSecret(core.getInput(name));
    registerWebhookUrl(core.getInput('teams-webhook-url'));
    const settings = await loadSettings(name => core.getInput(name));
    // Each signing key on its own line is a secret of its own (the input as a whole was masked above).
    for (const key of settings.snapshotSigningKeys) registerSecret(key);
    // Route webhook URLs are secrets inside the routes text: mask each one as well.
    for (const route of settings.routes) registerWebhookUrl(route.webhookUrl);
    if (settings.sendTestCard) {
      const { sendTestCards } = await import('./delivery/test-card.js');
      await sendTestCards(settings, cancel.signal);
    } else {
      await runWith(settings, { startedAt, signal: cancel.signal });
    }
    if (cancel.signal.aborted)
      core.setFailed('The run was cancelled; what was delivered before the cancellation is recorded in the snapshot.');
  } catch (error) {
    if (error instanceof ExchangeCancelled) {
      // Cancelled before anything was posted (signing in, reading alerts): nothing to save.
      core.setFailed('The run was cancelled before any post; nothing was posted and the stored snapshot was left as it is.');
      return;
    }
    const known = error instanceof ExplainedError;
    if (!known && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
