import { VERSION_STATUSES } from '@minirelease/core';
import { type Kysely, type Migration, sql } from 'kysely';

const statusList = sql.raw(VERSION_STATUSES.map((s) => `'${s}'`).join(', '));

/** One migration for both dialects: only types and features SQLite and PostgreSQL share. */
export function initMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('apps')
        .addColumn('app_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('brand', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('online', 'offline')`))
        .addColumn('experience_version', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('versions')
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('major', 'integer', (c) => c.notNull())
        .addColumn('minor', 'integer', (c) => c.notNull())
        .addColumn('patch', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${statusList})`))
        .addColumn('gray_basis_points', 'integer', (c) =>
          c.check(sql`gray_basis_points is null or (gray_basis_points between 1 and 10000)`),
        )
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('report_ok', 'integer', (c) => c.notNull())
        .addColumn('materials', 'text')
        .addColumn('review', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_by', 'text')
        .addPrimaryKeyConstraint('versions_pk', ['app_id', 'version'])
        .execute();
      // The invariants of DESIGN §2, held by the database too: a bug or a race above cannot break them.
      await sql`create unique index versions_one_release on versions (app_id) where status = 'RELEASE'`.execute(
        db,
      );
      await sql`create unique index versions_one_in_flight on versions (app_id)
        where status in ('AUDITING', 'AUDIT_REJECT', 'WAIT_RELEASE', 'GRAY')`.execute(db);
      await sql`create index versions_by_status on versions (status)`.execute(db);

      await db.schema
        .createTable('members')
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'developer', 'viewer')`))
        .addPrimaryKeyConstraint('members_pk', ['app_id', 'principal'])
        .execute();
      await sql`create index members_by_principal on members (principal)`.execute(db);

      await db.schema
        .createTable('experiencers')
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('experiencers_pk', ['app_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('qualifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('reason', 'text')
        .addColumn('details', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await sql`create index audit_by_app on audit_log (app_id, id)`.execute(db);

      await db.schema
        .createTable('events')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into counters (name, value) values ('events', 0)`.execute(db);
    },
  };
}
