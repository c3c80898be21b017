import type { BotSettings } from '../../inputs/bot-settings.js';
import type { Destination } from '../destinations.js';
import { botChannel } from './bot/bot.js';
import type { Channel } from './channel.js';
import { webhookChannel } from './webhook/webhook.js';

/**
 * The channel a destination is delivered through, by its kind. Adding a kind of channel: a folder
 * beside webhook/ and bot/ implementing Channel (channel.ts), and one case here.
 */
export interface ChannelNeeds {
  /** teams-delivery: bot: the bot's settings and its Bot Connector token. */
  bot?: { settings: BotSettings; getToken: () => Promise<string> };
}

/** The address a destination is delivered to (a webhook URL, or a channel id), if it has one. */
export function addressOf(destination: Destination): string | undefined {
  return destination.kind === 'bot' ? destination.channelId : destination.url;
}

export function channelFor(destination: Destination, needs: ChannelNeeds = {}): Channel {
  switch (destination.kind) {
    case 'workflows':
    case 'legacy-connector':
      return webhookChannel(destination.url!, destination.kind);
    case 'bot':
      return botChannel({
        serviceUrl: needs.bot!.settings.serviceUrl,
        channelId: destination.channelId!,
        name: destination.name,
        onChange: needs.bot!.settings.onChange,
        getToken: needs.bot!.getToken
      });
  }
}

export { TEAMS_RETRY_POLICY } from './webhook/webhook.js';
export { BOT_RETRY_POLICY } from './bot/bot.js';
export type { Channel, DeliveryResult, PostContext } from './channel.js';
