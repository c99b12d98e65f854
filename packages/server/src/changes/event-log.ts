import { type AppRelease, type ChangedApp, upgradeAppRelease } from '@minirelease/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EventTable } from '../storage/schema.js';

export type EventRow = Selectable<EventTable>;

/**
 * The app's release state a row carries (null once the app is gone), in today's form whatever wrote it; rows
 * written since docs/adr/0008 carry insiders only when the write changed them.
 */
export function appOfRow(row: EventRow): ChangedApp | null {
  const app = JSON.parse(row.payload) as AppRelease | null;
  return app === null ? null : upgradeAppRelease(app);
}

export const eventLog = {
  /**
   * Appends an event with the next global seq. The counter row's lock is held to commit, so events become
   * visible in seq order: a reader that has seen seq N never later finds an N-1 that committed late.
   */
  async append(
    db: Kysely<Database>,
    event: { appId: string; type: string; payload: string; at: string },
  ): Promise<number> {
    const { value } = await db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'events')
      .returning('value')
      .executeTakeFirstOrThrow();
    const seq = Number(value);
    await db
      .insertInto('events')
      .values({ seq, app_id: event.appId, type: event.type, payload: event.payload, at: event.at })
      .execute();
    return seq;
  },

  async after(db: Kysely<Database>, seq: number, limit: number): Promise<EventRow[]> {
    return db.selectFrom('events').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
  },

  /** The oldest seq still in the log; `lastSeq + 1` when compaction left none. */
  async oldestSeq(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('events')
      .select((eb) => eb.fn.min<number>('seq').as('seq'))
      .executeTakeFirst();
    return row?.seq == null ? (await eventLog.lastSeq(db)) + 1 : Number(row.seq);
  },

  /** Deletes the events up to `seq`: a reader asking from before them gets a snapshot instead. */
  async compactThrough(db: Kysely<Database>, seq: number): Promise<number> {
    const r = await db.deleteFrom('events').where('seq', '<=', seq).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async lastSeq(db: Kysely<Database>): Promise<number> {
    const row = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'events')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  },
};
