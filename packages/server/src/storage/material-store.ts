import type { Kysely, Selectable } from 'kysely';
import type { Database, MaterialTable } from './schema.js';

export type MaterialRow = Selectable<MaterialTable>;

export const materialStore = {
  /** Uploading the same image twice is one row: the first upload's row stays. */
  async put(db: Kysely<Database>, row: MaterialRow): Promise<void> {
    await db
      .insertInto('materials')
      .values(row)
      .onConflict((c) => c.columns(['app_id', 'sha256']).doNothing())
      .execute();
  },

  async get(db: Kysely<Database>, appId: string, sha256: string): Promise<MaterialRow | undefined> {
    return db
      .selectFrom('materials')
      .selectAll()
      .where('app_id', '=', appId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  },
};
