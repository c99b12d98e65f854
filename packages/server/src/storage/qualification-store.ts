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

  async insert(db: Kysely<Database>, row: QualificationRow): Promise<void> {
    await db.insertInto('qualifications').values(row).execute();
  },
};
