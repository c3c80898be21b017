import type { AdaptiveCard } from './types.js';

/** How big a card may be, measured as Teams and Power Automate measure it. Pure. */

/** Teams rejects cards over ~28 KB after re-serialisation; stay well below. */
export const MAX_CARD_BYTES = 20_000;
/**
 * A digest is filled up to this many bytes of the request body as sent (the Workflows envelope around
 * the card): Teams refuses 28 KB after its own wrapping, 24 KB leaves room for it. Rows are compact
 * (~350 bytes for a typical alert), so a digest carries 50 or more alerts.
 */
export const MAX_DIGEST_BODY_BYTES = 24_000;
/**
 * Every post stays at most this many bytes as Power Automate stores it (storedBytes): Teams' 28,672-byte
 * limit is applied after the flow has re-serialised the message, which grows it (quotes and backslashes
 * escaped again, non-ASCII written as \uXXXX: one published case grew 24,453 → 28,897 bytes). The 202 the
 * trigger answered does not tell when that fails, so the action never sends what could.
 */
export const MAX_STORED_BODY_BYTES = 26_000;

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}

/** Bytes of the request body a card is sent in (the Workflows envelope). */
export function bodyBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(workflowsEnvelope(card)));
}

const NON_ASCII = /[\u0080-\uffff]/g;
/** Bytes of `value` as Power Automate stores it: its JSON as a JSON string, every non-ASCII character as \uXXXX. */
export function storedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(value)).replace(NON_ASCII, '\\uXXXX'));
}

/** Bytes a card's request body takes as Power Automate stores it. */
export function storedBodyBytes(card: AdaptiveCard): number {
  return storedBytes(workflowsEnvelope(card));
}

/** The request body Teams Workflows ("When a Teams webhook request is received") expects. */
export function workflowsEnvelope(card: AdaptiveCard): object {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
