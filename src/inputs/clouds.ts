/**
 * The Microsoft clouds the action knows: Graph and sign-in hosts, and the portal hosts a card button may
 * open. China (21Vianet) has no alerts_v2 API and is rejected by settings.
 */
export type Cloud = 'global' | 'usgov' | 'usgov-dod';

export const CLOUDS: Record<Cloud, { graph: string; authority: string; portals: readonly string[] }> = {
  global: {
    graph: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    portals: ['security.microsoft.com', 'purview.microsoft.com', 'compliance.microsoft.com', 'portal.azure.com', 'entra.microsoft.com']
  },
  usgov: {
    graph: 'https://graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portals: ['security.microsoft.us', 'purview.microsoft.us', 'compliance.microsoft.us', 'portal.azure.us', 'entra.microsoft.us']
  },
  'usgov-dod': {
    graph: 'https://dod-graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portals: ['security.apps.mil', 'purview.apps.mil', 'compliance.apps.mil', 'portal.azure.us', 'entra.microsoft.us']
  }
};

/** Portal hosts of the global cloud: the default for cards built without settings (tests, file source). */
export const GLOBAL_PORTALS = CLOUDS.global.portals;
