import { CLIENT, SECRET, TENANT } from '../fakes/alerts.js';

/** The inputs of a run against the loopback fakes: client-secret sign-in, file snapshot, no pacing. */
export function fakeTenantInputs(
  fakes: { graph: { url: string }; entra: { url: string }; webhookUrl: string },
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    'tenant-id': TENANT,
    'client-id': CLIENT,
    'client-secret': SECRET,
    'graph-endpoint': fakes.graph.url,
    'authority-host': fakes.entra.url,
    'teams-webhook-url': fakes.webhookUrl,
    'snapshot-store': 'file',
    'post-interval': '0s',
    ...extra
  };
}

/** What the runner shows: `::add-mask::` commands are consumed by it, never displayed. */
export const visible = (log: string) =>
  log
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n');
