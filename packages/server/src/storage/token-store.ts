import type { Kysely, Selectable } from 'kysely';
import type { Database, TokenTable } from './schema.js';

export type TokenRow = Selectable<TokenTable>;

export const tokenStore = {
  async insert(db: Kysely<Database>, row: TokenRow): Promise<void> {
    await db.insertInto('tokens').values(row).execute();
  },

  async byHash(db: Kysely<Database>, hash: string): Promise<TokenRow | undefined> {
    return db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
  },

  async list(db: Kysely<Database>): Promise<TokenRow[]> {
    return db.selectFrom('tokens').selectAll().orderBy('created_at').execute();
  },

  async count(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Row-locks the active admin tokens until the transaction ends, with a no-op UPDATE: it locks on both dialects
   * (SQLite has no `FOR UPDATE`; its writers are serialised anyway), and on PostgreSQL a second locker waits,
   * then sees the first one's revocation in its next statement.
   */
  async lockActiveAdmins(db: Kysely<Database>): Promise<void> {
    await db
      .updateTable('tokens')
      .set((eb) => ({ revoked_at: eb.ref('revoked_at') }))
      .where('revoked_at', 'is', null)
      .where('roles', 'like', '%"admin"%')
      .execute();
  },

  async revoke(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Of these token ids, the ones still usable at `at`: not revoked, not expired. */
  async activeAmong(db: Kysely<Database>, ids: readonly string[], at: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('tokens')
      .select(['id', 'expires_at'])
      .where('id', 'in', [...ids])
      .where('revoked_at', 'is', null)
      .execute();
    return new Set(
      rows.filter((r) => r.expires_at === null || Date.parse(r.expires_at) > at.getTime()).map((r) => r.id),
    );
  },

  async touch(db: Kysely<Database>, id: string, at: string): Promise<void> {
    await db.updateTable('tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};
