import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import { initMigration } from './migrations/0001-init.js';
import { tokenExpiryMigration } from './migrations/0002-token-expiry.js';
import { materialsMigration } from './migrations/0004-materials.js';
import { grayMigration } from './migrations/0005-gray.js';
import { versionsBySha256Migration } from './migrations/0006-versions-by-sha256.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The pg pool (PostgreSQL only), for LISTEN/NOTIFY. */
  readonly pool: pg.Pool | null;
  /** The PostgreSQL connection string (PostgreSQL only), for a LISTEN connection of its own. */
  readonly url?: string | undefined;
  close(): Promise<void>;
}

export type DatabaseTarget = { sqlitePath: string } | { postgresUrl: string };

// bigint (int8) columns hold event sequence numbers well below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  const opened = 'sqlitePath' in target ? openSqlite(target.sqlitePath) : openPostgres(target.postgresUrl);
  await migrate(opened.db, opened.dialect);
  return opened;
}

function openSqlite(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // WAL with synchronous=NORMAL is durable across application crashes, which is what a transition needs.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', pool: null, close: () => db.destroy() };
}

function openPostgres(url: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client can lose its connection (server restart, failover); the pool replaces it. Without a
  // listener that event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pool, url, close: () => db.destroy() };
}

async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const migrations: Record<string, Migration> = {
    '0001-init': initMigration(dialect),
    '0002-token-expiry': tokenExpiryMigration,
    '0004-materials': materialsMigration(),
    '0005-gray': grayMigration(dialect),
    '0006-versions-by-sha256': versionsBySha256Migration,
  };
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
