import type { AppRelease, ChangedApp, PackageRef } from '@minirelease/core';
import type { Kysely } from 'kysely';
import { type AppRow, appStore } from '../storage/app-store.js';
import { memberStore } from '../storage/member-store.js';
import type { Database } from '../storage/schema.js';
import { type VersionRow, versionStore } from '../storage/version-store.js';

/**
 * Reads one app's release state (what resolvers need) — inside the write's transaction, so it is exact. With
 * `insiders: false`, a change's form without them (docs/adr/0008), and members and experiencers are not read.
 */
export async function loadAppRelease(db: Kysely<Database>, appId: string): Promise<AppRelease | null>;
export async function loadAppRelease(
  db: Kysely<Database>,
  appId: string,
  options: { insiders: boolean },
): Promise<ChangedApp | null>;
export async function loadAppRelease(
  db: Kysely<Database>,
  appId: string,
  options: { insiders: boolean } = { insiders: true },
): Promise<ChangedApp | null> {
  const app = await appStore.get(db, appId);
  if (!app) return null;
  if (!options.insiders) {
    const { insiders: _, ...rest } = releaseOf(app, await versionStore.list(db, appId), [], []);
    return rest;
  }
  const [versions, members, experiencers] = await Promise.all([
    versionStore.list(db, appId),
    memberStore.list(db, appId),
    memberStore.experiencers(db, appId),
  ]);
  return releaseOf(
    app,
    versions,
    members.map((m) => m.principal),
    experiencers,
  );
}

/**
 * An app's release state from its rows. `versions` needs only the live, gray and experience versions (others
 * are ignored), so a loader of every app can read just those.
 */
export function releaseOf(
  app: AppRow,
  versions: readonly VersionRow[],
  members: readonly string[],
  experiencers: readonly string[],
): AppRelease {
  const ref = (v: VersionRow): PackageRef => ({ version: v.version, sha256: v.sha256, size: v.size });
  const live = versions.find((v) => v.status === 'RELEASE');
  const gray = versions.find((v) => v.status === 'GRAY');
  const experience = versions.find((v) => v.version === app.experience_version);
  return {
    appId: app.app_id,
    name: app.name,
    brand: app.brand,
    visibility: app.visibility,
    revision: app.revision,
    live: live ? ref(live) : null,
    gray: gray ? { ...ref(gray), basisPoints: gray.gray_basis_points ?? 0 } : null,
    experience: experience ? ref(experience) : null,
    insiders: [...new Set([...experiencers, ...members])].sort(),
  };
}
