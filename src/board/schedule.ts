import type { DigestTime } from '../inputs/board-inputs.js';

/**
 * When the daily digest is due: the first run at or after the set local time each day, in the set IANA
 * time zone. Local dates and times come from Intl (the runtime's time zone database), so daylight saving
 * time is the zone's own: on a day a local time occurs twice the digest is still posted once (the day
 * is recorded), and on a day it does not occur the first run after it posts. Pure.
 */
export function localDayAndMinutes(now: number, zone: string): { day: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
      .formatToParts(new Date(now))
      .map(part => [part.type, part.value])
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The local day whose digest is due now, or undefined (not yet the time, or already posted today). */
export function digestDue(now: number, time: DigestTime, lastDay: string | undefined): string | undefined {
  const { day, minutes } = localDayAndMinutes(now, time.zone);
  if (minutes < time.minutes) return undefined;
  // A day recorded later than today (a clock set back) does not block it either: only today's counts.
  return lastDay === day ? undefined : day;
}
