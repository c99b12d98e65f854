import { mergeUserSketch, userSketchFromHex, userSketchToHex } from '@minirelease/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HostEventBatchTable, HostEventMinuteTable } from './schema.js';

export type EventMinuteRow = Selectable<HostEventMinuteTable>;
export type EventBatchRow = Selectable<HostEventBatchTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** Per-minute counts of host events and the batches already counted (DESIGN §10). */
export const eventMinuteStore = {
  /**
   * Adds a batch's counts to their minute rows. The counts are added in SQL (`+ excluded`), and the upsert
   * takes the row lock on PostgreSQL before the sketch is read and merged, so concurrent batches lose nothing.
   */
  async add(db: Transaction<Database>, rows: readonly EventMinuteRow[]): Promise<void> {
    for (const row of rows) {
      await db
        .insertInto('host_event_minutes')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['app_id', 'version', 'channel', 'minute']).doUpdateSet((eb) => ({
            launches: eb('host_event_minutes.launches', '+', eb.ref('excluded.launches')),
            errors: eb('host_event_minutes.errors', '+', eb.ref('excluded.errors')),
            crashes: eb('host_event_minutes.crashes', '+', eb.ref('excluded.crashes')),
            feedback: eb('host_event_minutes.feedback', '+', eb.ref('excluded.feedback')),
          })),
        )
        .execute();
      const stored = await selectUsers(db, row);
      if (stored === undefined || stored === row.users) continue;
      const merged = userSketchFromHex(stored);
      mergeUserSketch(merged, userSketchFromHex(row.users));
      await db
        .updateTable('host_event_minutes')
        .set({ users: userSketchToHex(merged) })
        .where('app_id', '=', row.app_id)
        .where('version', '=', row.version)
        .where('channel', '=', row.channel)
        .where('minute', '=', row.minute)
        .execute();
    }
  },

  /** Minute rows of one app, optionally one version and channel, from `from` (inclusive) to `to` (exclusive). */
  async range(
    db: Db,
    q: { appId: string; version?: string; channel: EventMinuteRow['channel']; from: number; to: number },
  ): Promise<EventMinuteRow[]> {
    let query = db
      .selectFrom('host_event_minutes')
      .selectAll()
      .where('app_id', '=', q.appId)
      .where('channel', '=', q.channel)
      .where('minute', '>=', q.from)
      .where('minute', '<', q.to);
    if (q.version !== undefined) query = query.where('version', '=', q.version);
    return query.orderBy('minute').execute();
  },

  async batch(db: Db, keyId: string, idempotencyKey: string): Promise<EventBatchRow | undefined> {
    return db
      .selectFrom('host_event_batches')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
  },

  /** Claims a batch id; false when it was claimed before (the caller answers with the stored answer). */
  async claimBatch(db: Transaction<Database>, row: EventBatchRow): Promise<boolean> {
    const r = await db
      .insertInto('host_event_batches')
      .values(row)
      .onConflict((oc) => oc.columns(['key_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  },

  async setBatchAnswer(db: Transaction<Database>, keyId: string, idempotencyKey: string, answer: string) {
    await db
      .updateTable('host_event_batches')
      .set({ answer })
      .where('key_id', '=', keyId)
      .where('idempotency_key', '=', idempotencyKey)
      .execute();
  },

  /** Retention: minutes before `minuteBefore`, batches received before `batchBefore`. */
  async purge(
    db: Db,
    minuteBefore: number,
    batchBefore: string,
  ): Promise<{ minutes: number; batches: number }> {
    const m = await db.deleteFrom('host_event_minutes').where('minute', '<', minuteBefore).executeTakeFirst();
    const b = await db
      .deleteFrom('host_event_batches')
      .where('received_at', '<', batchBefore)
      .executeTakeFirst();
    return { minutes: Number(m.numDeletedRows), batches: Number(b.numDeletedRows) };
  },
};

async function selectUsers(db: Db, row: EventMinuteRow): Promise<string | undefined> {
  const r = await db
    .selectFrom('host_event_minutes')
    .select('users')
    .where('app_id', '=', row.app_id)
    .where('version', '=', row.version)
    .where('channel', '=', row.channel)
    .where('minute', '=', row.minute)
    .executeTakeFirst();
  return r?.users;
}
