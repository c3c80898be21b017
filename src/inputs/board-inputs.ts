import { booleanInput, fail, oneOf, type InputReader } from './inputs.js';

/** open-alerts-digest: a local time of day in an IANA time zone. */
export interface DigestTime {
  /** Minutes after local midnight. */
  minutes: number;
  /** IANA time zone (default UTC), checked with Intl. */
  zone: string;
  /** As written, for logs. */
  text: string;
}

/** `08:30` or `08:30 Europe/Berlin`; the zone is checked by Intl (the runtime's time zone database), not by hand. */
export function parseDigestTime(raw: string): DigestTime | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const match = /^(\d{1,2}):(\d{2})(?:\s+(\S+))?$/.exec(text);
  const valid = 'Give a time of day as HH:MM, optionally followed by an IANA time zone: 08:30, or 08:30 Europe/Berlin (default UTC).';
  if (!match) return fail('open-alerts-digest', `is '${text.slice(0, 60)}', which is not a time of day`, valid);
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) fail('open-alerts-digest', `is '${text}', which is not a time of day`, valid);
  const zone = match[3] ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    fail(
      'open-alerts-digest',
      `names the time zone '${zone.slice(0, 60)}', which is not an IANA time zone`,
      `${valid} Zones are named like Europe/Berlin or America/New_York.`
    );
  }
  return { minutes: hours * 60 + minutes, zone, text };
}

export function boardInputs(read: InputReader, delivery: 'webhook' | 'bot') {
  const openAlertsBoard = booleanInput(read, 'open-alerts-board', false);
  if (openAlertsBoard && delivery !== 'bot')
    fail(
      'open-alerts-board',
      'is true, but teams-delivery is webhook',
      'The board is one card edited in place, which only a bot can do: set teams-delivery: bot, or use open-alerts-digest (a daily card, with webhooks too).'
    );
  return {
    openAlertsBoard,
    openAlertsDigest: parseDigestTime(read('open-alerts-digest')),
    openAlertsDigestEmpty: oneOf(read, 'open-alerts-digest-empty', ['skip', 'post'] as const, 'skip')
  };
}
