import type { Kysely, Selectable } from 'kysely';
import type { Database, QualificationTable } from './schema.js';

export type QualificationRow = Selectable<QualificationTable>;

export const qualificationStore = {
  async list(db: Kysely<Database>, appId: string): Promise<QualificationRow[]> {
    return db
      .selectFrom('qualifications')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('created_at')
      .execute();
  },

  async listForApps(db: Kysely<Database>, appIds: readonly string[]): Promise<QualificationRow[]> {
    if (appIds.length === 0) return [];
    return db
      .selectFrom('qualifications')
      .selectAll()
      .where('app_id', 'in', appIds)
      .orderBy('app_id')
      .orderBy('created_at')
      .execute();
  },

  /** Deletes one document of the app; false when the app has none by that id. */
  async remove(db: Kysely<Database>, appId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('qualifications')
      .where('app_id', '=', appId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  async insert(db: Kysely<Database>, row: QualificationRow): Promise<void> {
    await db.insertInto('qualifications').values(row).execute();
  },
};
