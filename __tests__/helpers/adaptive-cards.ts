import { createRequire } from 'node:module';

/**
 * Validates a card with Microsoft's own Adaptive Cards library (the renderer Teams' web client is built
 * on), held to schema version 1.4 as Teams Workflows renders it. A card passes when parsing reports no
 * event (unknown element, invalid value, property of a later version), validation reports no failure,
 * and every property we wrote survives the library's round trip (a dropped one is a misspelling or a
 * property this version does not know).
 */
// The package's ES module build has extension-less imports Node cannot load; its UMD bundle works.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

/** Properties outside the Adaptive Card schema that Teams reads (full-width cards). */
const HOST_EXTENSIONS = new Set(['msteams']);

export function adaptiveCardProblems(json: object): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_4);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const roundTrip = card.toJSON(new AC.SerializationContext(AC.Versions.v1_4));
  lost(json, roundTrip, '$', problems);
  return problems;
}

function lost(written: unknown, kept: unknown, path: string, problems: string[]): void {
  if (Array.isArray(written)) {
    if (!Array.isArray(kept) || kept.length !== written.length) return void problems.push(`round trip: ${path} lost items`);
    written.forEach((item, i) => lost(item, kept[i], `${path}[${i}]`, problems));
    return;
  }
  if (typeof written === 'object' && written !== null) {
    if (typeof kept !== 'object' || kept === null) return void problems.push(`round trip: ${path} was dropped`);
    for (const [key, value] of Object.entries(written)) {
      if (path === '$' && HOST_EXTENSIONS.has(key)) continue;
      if (!(key in kept)) {
        // The library leaves out values equal to their default; those are harmless.
        if (!isDefault(key, value)) problems.push(`round trip: ${path}.${key} was dropped`);
        continue;
      }
      lost(value, (kept as Record<string, unknown>)[key], `${path}.${key}`, problems);
    }
    return;
  }
  if (typeof written === 'string' && typeof kept === 'string' ? written.toLowerCase() !== kept.toLowerCase() : written !== kept) {
    problems.push(`round trip: ${path} changed from ${JSON.stringify(written)} to ${JSON.stringify(kept)}`);
  }
}

const DEFAULTS: Record<string, unknown[]> = {
  spacing: ['Default'],
  wrap: [false],
  separator: [false],
  isSubtle: [false],
  size: ['Default'],
  weight: ['Default'],
  color: ['Default']
};
function isDefault(key: string, value: unknown): boolean {
  return (DEFAULTS[key] ?? []).some(d =>
    typeof d === 'string' && typeof value === 'string' ? d.toLowerCase() === value.toLowerCase() : d === value
  );
}
