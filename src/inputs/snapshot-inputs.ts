import { oneLine } from '../runtime/log.js';
import { fail, type InputReader } from './inputs.js';

/** The inputs about the snapshot's trust: reset-snapshot and the signing keys. */

/** `reset-snapshot`: false | true | adopt (yes/no/on/off/1/0 as for booleans). */
export function resetInput(read: InputReader): 'false' | 'true' | 'adopt' {
  const raw = read('reset-snapshot').trim().toLowerCase();
  if (raw === '' || ['false', 'no', '0', 'off'].includes(raw)) return 'false';
  if (['true', 'yes', '1', 'on'].includes(raw)) return 'true';
  if (raw === 'adopt') return 'adopt';
  return fail(
    'reset-snapshot',
    `is '${oneLine(raw, 40)}', which is not a valid value`,
    'Valid values: false; true (start afresh under first-run when the stored snapshot is untrusted or missing); adopt (keep an otherwise valid snapshot whatever its signature, and sign it).'
  );
}

/**
 * One key per line: the first signs, every one verifies, so a rotation is "new key first, old key second"
 * for a while, then the old line removed. Lines are trimmed; blank lines do not count.
 */
export function signingKeysInput(read: InputReader): string[] {
  const signingKeys = read('snapshot-signing-key')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean);
  signingKeys.forEach((key, index) => {
    if (key.length < 16)
      fail(
        'snapshot-signing-key',
        `${signingKeys.length > 1 ? `line ${index + 1} ` : ''}is shorter than 16 characters`,
        'Use a long random secret, e.g. the output of `openssl rand -hex 32`, stored as a repository secret (one key per line; the first signs).'
      );
  });
  return signingKeys;
}
