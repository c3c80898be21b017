/** A message a bot posted (teams-delivery: bot): where it is, so that it can be edited and replied to. */
export interface MessageRef {
  serviceUrl: string;
  /** `{channel id};messageid={activity id}`: the thread of the top-level post. */
  conversationId: string;
  activityId: string;
}
