import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * The gray ticker's lease (DESIGN §10: once across all API instances). One row per lease: who holds it and
 * until when (epoch ms). Taking it is one atomic decision per dialect: on PostgreSQL the row is locked with
 * `SELECT … FOR UPDATE`, so two instances asking at once are serialised and the second sees the first's
 * claim; on SQLite one conditional `UPDATE` is atomic under the database's single writer.
 */
export const tickerLeaseStore = {
  async acquire(
    db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    lease: { name: string; holder: string; nowMs: number; ttlMs: number },
  ): Promise<boolean> {
    const expires = lease.nowMs + lease.ttlMs;
    if (dialect === 'postgres') {
      return db.transaction().execute(async (tx) => {
        await tx
          .insertInto('gray_ticker_lease')
          .values({ name: lease.name, holder: lease.holder, expires_at: expires })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        const row = await sql<{ holder: string; expires_at: string | number }>`
          select holder, expires_at from gray_ticker_lease where name = ${lease.name} for update`
          .execute(tx)
          .then((r) => r.rows[0]);
        if (!row) return false;
        if (row.holder !== lease.holder && Number(row.expires_at) > lease.nowMs) return false;
        await tx
          .updateTable('gray_ticker_lease')
          .set({ holder: lease.holder, expires_at: expires })
          .where('name', '=', lease.name)
          .execute();
        return true;
      });
    }
    const inserted = await db
      .insertInto('gray_ticker_lease')
      .values({ name: lease.name, holder: lease.holder, expires_at: expires })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
    const updated = await db
      .updateTable('gray_ticker_lease')
      .set({ holder: lease.holder, expires_at: expires })
      .where('name', '=', lease.name)
      .where((eb) => eb.or([eb('holder', '=', lease.holder), eb('expires_at', '<=', lease.nowMs)]))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  },

  /** Gives the lease up (a clean stop), so another instance takes over at its next tick. */
  async release(db: Kysely<Database>, name: string, holder: string): Promise<void> {
    await db
      .updateTable('gray_ticker_lease')
      .set({ expires_at: 0 })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  },
};
