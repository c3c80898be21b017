/** A message a bot posted (teams-delivery: bot): where it is, so that it can be edited and replied to. */
export interface MessageRef {
  serviceUrl: string;
  /** `{channel id};messageid={activity id}`: the thread of the top-level post. */
  conversationId: string;
  activityId: string;
}

/**
 * Channels a run can deliver to: the default channel and at most MAX_CHANNELS - 1 routes. The snapshot
 * keeps per-channel state (what each channel was told, its message ids, boards, digest days) for at most
 * this many, and refuses a snapshot with more; routes are bounded to match.
 */
export const MAX_CHANNELS = 50;
