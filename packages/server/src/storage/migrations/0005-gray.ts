import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Feedback-guarded gray (DESIGN §10; docs/gray-health.md): host keys, per-minute counts, the batches already
 * counted, gray plans and the ticker's lease. Storage grows with minutes × app × version × channel, not with
 * events: a minute row holds its counts and a 256-byte distinct-user sketch (hex).
 */
export function grayMigration(_dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('host_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('host_event_minutes')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) =>
          c.notNull().check(sql`channel in ('gray', 'stable', 'experience')`),
        )
        // Epoch milliseconds of the minute's start: past 2^31, so bigint on PostgreSQL.
        .addColumn('minute', 'bigint', (c) => c.notNull())
        .addColumn('launches', 'integer', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('crashes', 'integer', (c) => c.notNull())
        .addColumn('feedback', 'integer', (c) => c.notNull())
        .addColumn('users', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('host_event_minutes_pk', ['app_id', 'version', 'channel', 'minute'])
        .execute();
      // Retention deletes by age across every app.
      await sql`create index host_event_minutes_by_minute on host_event_minutes (minute)`.execute(db);

      await db.schema
        .createTable('host_event_batches')
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('body_sha256', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('host_event_batches_pk', ['key_id', 'idempotency_key'])
        .execute();
      await sql`create index host_event_batches_by_time on host_event_batches (received_at)`.execute(db);

      await db.schema
        .createTable('gray_plans')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('soak_minutes', 'integer', (c) => c.notNull())
        .addColumn('min_launches', 'integer', (c) => c.notNull())
        .addColumn('bad_ratio', 'real', (c) => c.notNull())
        .addColumn('on_degraded', 'text', (c) => c.notNull().check(sql`on_degraded in ('halt', 'cancel')`))
        .addColumn('publish_at_end', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('active', 'paused', 'halted', 'completed', 'ended')`),
        )
        .addColumn('step_index', 'integer', (c) => c.notNull())
        .addColumn('step_started_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('last_decision', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('gray_plans_pk', ['app_id', 'version'])
        .execute();

      // One row: which API instance runs the ticker, until when (docs/gray-health.md, "The ticker").
      await db.schema
        .createTable('gray_ticker_lease')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
