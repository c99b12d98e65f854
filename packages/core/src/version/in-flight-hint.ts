import type { VersionStatus } from './version.js';

/**
 * What to do about a version in flight that blocks another's submission, by its status: a rejected version is
 * taken back to development (cancel-review) or fixed, not published; only an approved one can be published.
 */
export function inFlightHint(version: string, status: VersionStatus): string {
  switch (status) {
    case 'AUDITING':
      return `wait for its review, or take it back with cancel-review ${version}`;
    case 'AUDIT_REJECT':
      return `it was rejected: take it back to development with cancel-review ${version}, fix it and submit again`;
    case 'WAIT_RELEASE':
      return `publish or gray it, or take it back with cancel-review ${version}`;
    case 'GRAY':
      return `publish it, or cancel its gray (cancel-gray ${version}) and take it back with cancel-review`;
    default:
      return `finish or take back ${version} first`;
  }
}
