import { ROLLBACK_DEPTH } from '@minirelease/core';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { memberStore } from '../storage/member-store.js';
import type { Database } from '../storage/schema.js';

/** Who may read a package: anyone (`public`), only the caller (`private`: not for shared caches), or no one. */
export type PackageAccess = 'public' | 'private' | null;

/**
 * Least privilege for `GET /v1/packages/:sha256` (docs/architecture.md, "Roles"). Without a token, only what a
 * resolve could hand out, or a rollback bring back: the live, gray and experience versions and the newest
 * `ROLLBACK_DEPTH` superseded ones. Members of the app, reviewers and admins read its other versions. A blob no
 * version names (a deleted version, a screenshot) is no package. Everyone else is told nothing exists
 * (`null` → 404), so an address cannot be probed.
 */
export async function packageAccess(
  db: Kysely<Database>,
  sha256: string,
  principal: Principal | undefined,
): Promise<PackageAccess> {
  const rows = await db
    .selectFrom('versions')
    .innerJoin('apps', 'apps.app_id', 'versions.app_id')
    .select(['versions.app_id as appId', 'versions.version', 'versions.status', 'apps.experience_version'])
    .where('versions.sha256', '=', sha256)
    .execute();
  if (rows.length === 0) return null;
  for (const row of rows) {
    if (row.status === 'RELEASE' || row.status === 'GRAY' || row.version === row.experience_version) {
      return 'public';
    }
    if (row.status === 'SUPERSEDED' && (await rollbackTargets(db, row.appId)).includes(row.version)) {
      return 'public';
    }
  }
  if (!principal) return null;
  if (principal.roles.includes('admin') || principal.roles.includes('reviewer')) return 'private';
  for (const row of rows) {
    if ((await memberStore.roleOf(db, row.appId, principal.principal)) !== undefined) return 'private';
  }
  return null;
}

/** The versions a rollback may go to: the newest superseded ones, as core's machine picks them. */
async function rollbackTargets(db: Kysely<Database>, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('versions')
    .select('version')
    .where('app_id', '=', appId)
    .where('status', '=', 'SUPERSEDED')
    .orderBy('major', 'desc')
    .orderBy('minor', 'desc')
    .orderBy('patch', 'desc')
    .limit(ROLLBACK_DEPTH)
    .execute();
  return rows.map((r) => r.version);
}
