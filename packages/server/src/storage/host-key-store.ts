import type { Kysely, Selectable } from 'kysely';
import type { Database, HostKeyTable } from './schema.js';

export type HostKeyRow = Selectable<HostKeyTable>;

export const hostKeyStore = {
  async insert(db: Kysely<Database>, row: HostKeyRow): Promise<void> {
    await db.insertInto('host_keys').values(row).execute();
  },

  async byHash(db: Kysely<Database>, hash: string): Promise<HostKeyRow | undefined> {
    return db.selectFrom('host_keys').selectAll().where('hash', '=', hash).executeTakeFirst();
  },

  async list(db: Kysely<Database>): Promise<HostKeyRow[]> {
    return db.selectFrom('host_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async revoke(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('host_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async touch(db: Kysely<Database>, id: string, at: string): Promise<void> {
    await db.updateTable('host_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};
