/**
 * Why a stored snapshot was rejected. A snapshot that cannot be trusted is never taken for a first run:
 * that would either re-post the look-back window or (first-run: silent) mark every alert since the last
 * good run as told. The run fails closed instead; `reset-snapshot: true` is the deliberate way out.
 */
export class SnapshotUntrustedError extends Error {
  override name = 'SnapshotUntrustedError';
}
