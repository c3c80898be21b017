import { checkIncident, type GraphIncident } from './incidents.js';
import { getAllPages, GraphError, type GraphClientOptions } from '../graph/client.js';

/**
 * group-by: incident: the incidents updated since the alerts' window start, in one paged listing
 * (never one request per incident). Needs SecurityIncident.Read.All besides SecurityAlert.Read.All.
 */
export async function fetchIncidents(
  graphEndpoint: string,
  since: number,
  options: GraphClientOptions
): Promise<{ incidents: Map<string, GraphIncident>; requests: number }> {
  const url = new URL(`${graphEndpoint}/v1.0/security/incidents`);
  url.searchParams.set('$filter', `lastUpdateDateTime ge ${new Date(since).toISOString()}`);
  url.searchParams.set('$top', '50');
  try {
    const { items, requests } = await getAllPages<unknown, GraphIncident>(url.toString(), options, checkIncident);
    return { incidents: new Map(items.map(incident => [incident.id, incident])), requests };
  } catch (error) {
    if (error instanceof GraphError && error.status === 403) {
      throw new GraphError(
        `Microsoft Graph denied access to security incidents (HTTP 403). group-by: incident needs the application permission SecurityIncident.Read.All, with admin consent, besides SecurityAlert.Read.All (App registrations → API permissions → Add → Microsoft Graph → Application permissions → SecurityIncident.Read.All → Grant admin consent), or use group-by: alert.`,
        403
      );
    }
    throw error;
  }
}
