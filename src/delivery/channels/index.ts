import type { BotSettings } from '../../inputs/bot-settings.js';
import type { Settings } from '../../inputs/settings.js';
import type { RetryPolicy } from '../../runtime/http.js';
import * as log from '../../runtime/log.js';
import type { Destination } from '../destinations.js';
import { BOT_RETRY_POLICY, botChannel } from './bot/bot.js';
import type { Channel } from './channel.js';
import { TEAMS_RETRY_POLICY, webhookChannel } from './webhook/webhook.js';

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

export { refInChannel } from './bot/bot.js';

/** The run's retry policy for Teams (the bot's or the webhooks'), each attempt within request-timeout. */
export function retryPolicyFor(settings: Pick<Settings, 'teamsDelivery' | 'requestTimeoutMs'>): RetryPolicy {
  return { ...(settings.teamsDelivery === 'bot' ? BOT_RETRY_POLICY : TEAMS_RETRY_POLICY), timeoutMs: settings.requestTimeoutMs };
}

/** How every retried Teams post is logged (cards, boards, digests, test cards alike). */
export function logRetry(label: string, reason: string, delayMs: number): void {
  log.info(`Teams: ${label}: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)}s`);
}
export type { Channel, DeliveryResult, PostContext } from './channel.js';
