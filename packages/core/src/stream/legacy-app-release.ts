import type { AppRelease } from '../wire/stream.js';

/**
 * An `AppRelease` as stored before its live version was named `live` (it was `release`): event log rows and
 * JSON disk snapshots written by an older version are read through this, so an upgrade needs no migration of
 * the log. Key order is kept, since snapshots are compared as JSON.
 */
export function upgradeAppRelease(app: AppRelease): AppRelease {
  if (app === null || typeof app !== 'object' || !('release' in app) || 'live' in app) return app;
  const upgraded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(app)) upgraded[key === 'release' ? 'live' : key] = value;
  return upgraded as unknown as AppRelease;
}
