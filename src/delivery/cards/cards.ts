/**
 * The cards, for the rest of the action: what delivery, reports and tests use. Inside this folder the
 * modules import each other directly (never this file), so that no import circle can form.
 *   types.ts        CardPlan, CardKind, the Adaptive Card types
 *   renderers.ts    the renderer table: each card kind → Adaptive Card and legacy MessageCard
 *   plan.ts         which card each notice gets (one each up to max-cards, digests for the rest)
 *   adaptive.ts     building blocks (frame, inert text, rows, buttons, header)
 *   alert-card.ts, incident-card.ts, rule-card.ts, digest-card.ts, message-card.ts   the renderers
 *   size.ts         limits, measured as Teams and Power Automate measure them
 *   text.ts         untrusted text made inert
 */
export type { AdaptiveCard, AdaptiveElement, CardKind, CardPlan, PortalHosts } from './types.js';
export { severityLook } from './adaptive.js';
export { affectedEntities, followUpCaption, followUpCard, followUpFacts, newAlertCard, newAlertFacts } from './alert-card.js';
export { backlogPlan, digestCards, OVERFLOW_DIGEST, reminderDigest, type DigestKind } from './digest-card.js';
export { incidentCard, incidentFacts } from './incident-card.js';
export { ruleCard, ruleFacts } from './rule-card.js';
export { cardKindOf, planCards, postBudget } from './plan.js';
export { messageCard, RENDERERS, type CardContent, type Renderer } from './renderers.js';
export {
  bodyBytes,
  cardBytes,
  MAX_CARD_BYTES,
  MAX_DIGEST_BODY_BYTES,
  MAX_STORED_BODY_BYTES,
  storedBodyBytes,
  storedBytes,
  workflowsEnvelope
} from './size.js';
