import { CLOUDS, type Cloud } from './clouds.js';
import { fail, GUID, httpsUrlInput, oneOf, type InputReader } from './inputs.js';

/**
 * teams-delivery: bot. The bot posts proactively through the Bot Connector (no public endpoint): a token
 * for the Bot Framework audience, then one request per card. It needs the Teams app installed in each
 * team, and the channel's id (from the channel link Teams copies).
 */
export type OnChange = 'update' | 'reply' | 'update+reply';

export type BotCredential = { kind: 'secret'; clientSecret: string } | { kind: 'same-as-graph' };

export interface BotSettings {
  /** teams-bot-app-id: the bot's Entra app (default: client-id, one app reads Graph and posts). */
  appId: string;
  credential: BotCredential;
  /** The Bot Connector service URL, ending in a slash. */
  serviceUrl: string;
  /** The scope of its token (api.botframework.com, or .us in the US government clouds). */
  scope: string;
  /** teams-channel: the default channel's id (19:…@thread.tacv2); undefined when only routes name channels. */
  channel?: string;
  onChange: OnChange;
}

const CHANNEL_ID = /^19:[A-Za-z0-9_.-]{1,200}@thread\.(tacv2|skype)$/;

const CHANNEL_HELP =
  "Give the channel link (in Teams: the channel's … menu, Get link to channel: https://teams.microsoft.com/l/channel/19%3A…%40thread.tacv2/…?groupId=…&tenantId=…) or its id 19:…@thread.tacv2.";

/**
 * A channel as the user copies it: the link Teams gives ("Get link to channel"), or the bare id. The id
 * is the link's path segment after /l/channel/, percent-decoded. A link for another tenant is refused.
 */
export function parseChannel(input: string, raw: string, tenantId?: string): string {
  const text = raw.trim();
  let id = text;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fail(input, 'is not a valid channel link', CHANNEL_HELP);
    }
    const match = /^\/l\/channel\/([^/]+)/.exec(url.pathname);
    if (!/(^|\.)teams\.(microsoft\.com|microsoft\.us|cloud\.microsoft)$/i.test(url.hostname) || !match)
      return fail(input, 'is a link, but not a Teams channel link', CHANNEL_HELP);
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return fail(input, 'is a channel link whose channel id cannot be decoded', CHANNEL_HELP);
    }
    const linkTenant = url.searchParams.get('tenantId');
    if (tenantId && linkTenant && linkTenant.toLowerCase() !== tenantId.toLowerCase())
      fail(
        input,
        `is a link to a channel of tenant ${linkTenant}, not of tenant-id ${tenantId}`,
        'Copy the link of a channel in this tenant.'
      );
  }
  if (!CHANNEL_ID.test(id)) fail(input, `holds '${id.slice(0, 80)}', which is not a Teams channel id`, CHANNEL_HELP);
  return id;
}

export function parseBotSettings(
  read: InputReader,
  graph: { clientId: string; tenantId: string; cloud: Cloud },
  needsDefaultChannel: boolean
): BotSettings {
  const appId = read('teams-bot-app-id').trim() || graph.clientId;
  if (!GUID.test(appId))
    fail(
      'teams-bot-app-id',
      `is '${appId.slice(0, 60)}', which is not a GUID`,
      "Give the bot's Microsoft App ID (its Entra app's client ID)."
    );
  const secret = read('teams-bot-client-secret').trim();
  if (!secret && appId.toLowerCase() !== graph.clientId.toLowerCase())
    fail(
      'teams-bot-client-secret',
      'is empty, but teams-bot-app-id is another app than client-id',
      "Give the bot app's client secret, or use one app for both (leave teams-bot-app-id empty)."
    );
  const channelText = read('teams-channel').trim();
  if (!channelText && needsDefaultChannel)
    fail(
      'teams-channel',
      'is empty, and there are no routes',
      `With teams-delivery: bot, alerts go to teams-channel (and to the routes' channels). ${CHANNEL_HELP}`
    );
  const serviceUrl = httpsUrlInput(read, 'teams-service-url', CLOUDS[graph.cloud].botService, true);
  return {
    appId,
    credential: secret ? { kind: 'secret', clientSecret: secret } : { kind: 'same-as-graph' },
    serviceUrl: serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`,
    scope: CLOUDS[graph.cloud].botScope,
    channel: channelText ? parseChannel('teams-channel', channelText, graph.tenantId) : undefined,
    onChange: oneOf<OnChange>(read, 'on-change', ['update', 'reply', 'update+reply'], 'update+reply')
  };
}

/** teams-delivery, and the inputs that belong to the other mode left empty. */
export function deliveryInput(read: InputReader, source: 'graph' | 'file', webhookUrl: string | undefined): 'webhook' | 'bot' {
  const delivery = oneOf(read, 'teams-delivery', ['webhook', 'bot'] as const, 'webhook');
  if (delivery === 'bot') {
    if (source !== 'graph')
      fail(
        'teams-delivery',
        'is bot, but source is file',
        'The bot signs in with tenant-id and client-id: use source: graph, or teams-delivery: webhook.'
      );
    if (webhookUrl)
      fail(
        'teams-webhook-url',
        'is set, but teams-delivery is bot',
        'Give the channel as teams-channel instead, or set teams-delivery: webhook.'
      );
    return delivery;
  }
  // on-change has a default (the runner always passes it): only the inputs without one are checked.
  for (const input of ['teams-channel', 'teams-bot-app-id', 'teams-bot-client-secret', 'teams-service-url']) {
    if (read(input).trim() !== '')
      fail(input, 'is set, but teams-delivery is webhook', 'It is used only with teams-delivery: bot; set that, or remove the input.');
  }
  return delivery;
}
