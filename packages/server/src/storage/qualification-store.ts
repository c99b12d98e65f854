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

  async insert(db: Kysely<Database>, row: QualificationRow): Promise<void> {
    await db.insertInto('qualifications').values(row).execute();
  },
};
