/**
 * The Microsoft clouds the action knows: Graph and sign-in hosts, the portal hosts a card button may
 * open, and the Teams bot service (teams-delivery: bot). China (21Vianet) has no alerts_v2 API and is
 * rejected by settings. GCC (moderate) uses the global Graph and sign-in but its own bot host.
 * Bot hosts: Teams "Send proactive messages" (GCC smba.infra.gcc.teams.microsoft.com, GCC High
 * smba.infra.gov.teams.microsoft.us, DoD smba.infra.dod.teams.microsoft.us; global
 * smba.trafficmanager.net/teams/); the US government clouds' bot tokens are for api.botframework.us.
 */
export type Cloud = 'global' | 'gcc' | 'usgov' | 'usgov-dod';

export interface CloudHosts {
  graph: string;
  authority: string;
  portals: readonly string[];
  /** The Bot Connector service URL a proactive message goes to. */
  botService: string;
  /** The scope of a Bot Connector token. */
  botScope: string;
}

const GLOBAL_PORTAL_HOSTS = [
  'security.microsoft.com',
  'purview.microsoft.com',
  'compliance.microsoft.com',
  'portal.azure.com',
  'entra.microsoft.com'
];

export const CLOUDS: Record<Cloud, CloudHosts> = {
  global: {
    graph: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    portals: GLOBAL_PORTAL_HOSTS,
    botService: 'https://smba.trafficmanager.net/teams/',
    botScope: 'https://api.botframework.com/.default'
  },
  gcc: {
    graph: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    portals: GLOBAL_PORTAL_HOSTS,
    botService: 'https://smba.infra.gcc.teams.microsoft.com/teams/',
    botScope: 'https://api.botframework.com/.default'
  },
  usgov: {
    graph: 'https://graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portals: ['security.microsoft.us', 'purview.microsoft.us', 'compliance.microsoft.us', 'portal.azure.us', 'entra.microsoft.us'],
    botService: 'https://smba.infra.gov.teams.microsoft.us/teams/',
    botScope: 'https://api.botframework.us/.default'
  },
  'usgov-dod': {
    graph: 'https://dod-graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    portals: ['security.apps.mil', 'purview.apps.mil', 'compliance.apps.mil', 'portal.azure.us', 'entra.microsoft.us'],
    botService: 'https://smba.infra.dod.teams.microsoft.us/teams/',
    botScope: 'https://api.botframework.us/.default'
  }
};

/** Portal hosts of the global cloud: the default for cards built without settings (tests, file source). */
export const GLOBAL_PORTALS = CLOUDS.global.portals;
