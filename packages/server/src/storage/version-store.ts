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

  /** Newest first, by semver. */
  async list(db: Kysely<Database>, appId: string): Promise<VersionRow[]> {
    return db
      .selectFrom('versions')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('major', 'desc')
      .orderBy('minor', 'desc')
      .orderBy('patch', 'desc')
      .execute();
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
  async inReview(db: Kysely<Database>): Promise<Array<VersionRow & { app_name: string }>> {
    return db
      .selectFrom('versions')
      .innerJoin('apps', 'apps.app_id', 'versions.app_id')
      .selectAll('versions')
      .select('apps.name as app_name')
      .where('versions.status', '=', 'AUDITING')
      .orderBy('versions.submitted_at')
      .execute();
  },
};
