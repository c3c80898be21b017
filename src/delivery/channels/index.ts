import type { Destination } from '../destinations.js';
import type { Channel } from './channel.js';
import { webhookChannel } from './webhook/webhook.js';

/**
 * The channel a destination is delivered through, by its kind. Adding a kind of channel: a folder
 * beside webhook/ implementing Channel (channel.ts), and one line here.
 */
export function channelFor(destination: Destination & { url: string }): Channel {
  switch (destination.kind) {
    case 'workflows':
    case 'legacy-connector':
      return webhookChannel(destination.url, destination.kind);
  }
}

export { TEAMS_RETRY_POLICY } from './webhook/webhook.js';
export type { Channel, DeliveryResult, PostContext } from './channel.js';
