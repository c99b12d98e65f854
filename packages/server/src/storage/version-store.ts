import { IN_FLIGHT_STATUSES, type Semver } from '@minirelease/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, VersionTable } from './schema.js';

export type VersionRow = Selectable<VersionTable>;

export const versionStore = {
  async insert(db: Kysely<Database>, row: VersionRow): Promise<void> {
    await db.insertInto('versions').values(row).execute();
  },

  async get(db: Kysely<Database>, appId: string, version: string): Promise<VersionRow | undefined> {
    return db
      .selectFrom('versions')
      .selectAll()
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  /** The live and in-flight versions of many apps in one query (an app's resource shows them). */
  async liveAndInFlightForApps(
    db: Kysely<Database>,
    appIds: readonly string[],
  ): Promise<Pick<VersionRow, 'app_id' | 'version' | 'status' | 'gray_basis_points'>[]> {
    if (appIds.length === 0) return [];
    return db
      .selectFrom('versions')
      .select(['app_id', 'version', 'status', 'gray_basis_points'])
      .where('app_id', 'in', appIds)
      .where('status', 'in', ['RELEASE', ...IN_FLIGHT_STATUSES])
      .execute();
  },

  /** Newest first; `before` (a version) starts after it, `limit` caps the rows. */
  async list(
    db: Kysely<Database>,
    appId: string,
    page: { before?: Semver | undefined; limit?: number } = {},
  ): Promise<VersionRow[]> {
    let q = db.selectFrom('versions').selectAll().where('app_id', '=', appId);
    const b = page.before;
    if (b) {
      q = q.where((eb) =>
        eb.or([
          eb('major', '<', b.major),
          eb.and([eb('major', '=', b.major), eb('minor', '<', b.minor)]),
          eb.and([eb('major', '=', b.major), eb('minor', '=', b.minor), eb('patch', '<', b.patch)]),
        ]),
      );
    }
    q = q.orderBy('major', 'desc').orderBy('minor', 'desc').orderBy('patch', 'desc');
    return (page.limit === undefined ? q : q.limit(page.limit)).execute();
  },

  async update(
    db: Kysely<Database>,
    appId: string,
    version: string,
    patch: Partial<Omit<VersionRow, 'app_id' | 'version'>>,
  ): Promise<void> {
    await db
      .updateTable('versions')
      .set(patch)
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .execute();
  },

  async delete(db: Kysely<Database>, appId: string, version: string): Promise<void> {
    await db.deleteFrom('versions').where('app_id', '=', appId).where('version', '=', version).execute();
  },

  /** Versions waiting for a reviewer, oldest submission first. */
  /**
   * Versions in review, oldest submission first (an app has at most one, so app id breaks ties); `after` starts
   * after that position.
   */
  async inReview(
    db: Kysely<Database>,
    page: { after?: { submittedAt: string; appId: string } | undefined; limit?: number } = {},
  ): Promise<Array<VersionRow & { app_name: string }>> {
    let q = db
      .selectFrom('versions')
      .innerJoin('apps', 'apps.app_id', 'versions.app_id')
      .selectAll('versions')
      .select('apps.name as app_name')
      .where('versions.status', '=', 'AUDITING');
    const a = page.after;
    if (a) {
      q = q.where((eb) =>
        eb.or([
          eb('versions.submitted_at', '>', a.submittedAt),
          eb.and([eb('versions.submitted_at', '=', a.submittedAt), eb('versions.app_id', '>', a.appId)]),
        ]),
      );
    }
    q = q.orderBy('versions.submitted_at').orderBy('versions.app_id');
    return (page.limit === undefined ? q : q.limit(page.limit)).execute();
  },
};
