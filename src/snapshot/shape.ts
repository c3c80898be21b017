import { MAX_CHANNELS } from '../model/message.js';
import { SnapshotUntrustedError } from './errors.js';

/**
 * Shape checks of the snapshot's parts, for checkSnapshot (format.ts): anything unexpected throws
 * SnapshotUntrustedError. Maps whose keys are data (ids, channel names) get a null prototype.
 */

export function checkIncidents(incidents: unknown): void {
  const data = { incidents } as Record<string, any>;
  if (data.incidents !== undefined) {
    if (!isRecord(data.incidents)) throw new SnapshotUntrustedError('its incidents are not an object');
    for (const id in data.incidents) {
      const entry = data.incidents[id];
      if (
        !isRecord(entry) ||
        typeof entry.s !== 'string' ||
        typeof entry.u !== 'number' ||
        (entry.r !== undefined && typeof entry.r !== 'string') ||
        (entry.m !== undefined && !messageMap(entry.m)) ||
        (entry.a !== undefined && !(isRecord(entry.a) && entry.a.id === id))
      ) {
        throw new SnapshotUntrustedError(`it has a malformed entry for incident ${JSON.stringify(id.slice(0, 80))}`);
      }
    }
    Object.setPrototypeOf(data.incidents, null);
  }
}

/** The board, digest and rule log state, and the expired suppress rules warned about. */
export function checkSideState(data: Record<string, any>): void {
  if (
    (data.boards !== undefined &&
      !(
        isRecord(data.boards) &&
        Object.keys(data.boards).length <= MAX_CHANNELS &&
        Object.values(data.boards).every(b => isRecord(b) && typeof b.h === 'string' && messageMap({ m: b.m }))
      )) ||
    (data.digestDays !== undefined && !channelMap(data.digestDays)) ||
    (data.ruleLog !== undefined &&
      !(
        Array.isArray(data.ruleLog) &&
        data.ruleLog.length <= 2000 &&
        data.ruleLog.every(
          (e: unknown) => Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'string' && typeof e[2] === 'string'
        )
      ))
  )
    throw new SnapshotUntrustedError('its open-alerts board, digest or rule log state is malformed');
  if (
    data.expiredWarned !== undefined &&
    !(
      Array.isArray(data.expiredWarned) &&
      data.expiredWarned.length <= 200 &&
      data.expiredWarned.every((name: unknown) => typeof name === 'string')
    )
  )
    throw new SnapshotUntrustedError('its list of expired suppress rules is malformed');
  if (data.boards) Object.setPrototypeOf(data.boards, null);
}

/** A few channels, each with the signature told there; a null prototype, as names are data. */
export function channelMap(value: unknown): boolean {
  if (!isRecord(value) || Object.keys(value).length > MAX_CHANNELS) return false;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  Object.setPrototypeOf(value, null);
  return true;
}

export function messageMap(value: unknown): boolean {
  if (!isRecord(value) || Object.keys(value).length > MAX_CHANNELS) return false;
  for (const key in value) {
    const ref = value[key];
    if (!isRecord(ref) || [ref.serviceUrl, ref.conversationId, ref.activityId].some(part => typeof part !== 'string' || part.length > 500))
      return false;
  }
  Object.setPrototypeOf(value, null);
  return true;
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
