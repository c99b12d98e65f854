import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../storage/database.js';

export type TestDialect = 'sqlite' | 'postgres';

/** The PostgreSQL the suite may use (CI sets it); without it the PostgreSQL runs skip, saying so. */
export const PG_URL = process.env.MINIRELEASE_TEST_PG_URL;

/** Dialects to run a contract suite on: SQLite always, PostgreSQL when configured. */
export const TEST_DIALECTS: TestDialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!PG_URL && !process.env.MINIRELEASE_PG_SKIP_NOTED) {
  process.env.MINIRELEASE_PG_SKIP_NOTED = '1';
  console.warn('MINIRELEASE_TEST_PG_URL is not set: the PostgreSQL runs of the contract suites are skipped');
}

/**
 * A fresh database per suite: a temp SQLite file, or a new PostgreSQL database dropped afterwards, so CI and a
 * developer's run on the same server never meet.
 */
export async function openTestDatabase(
  dialect: TestDialect,
): Promise<OpenDatabase & { drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = await openDatabase({ sqlitePath: ':memory:' });
    return { ...db, drop: () => db.close() };
  }
  if (!PG_URL) throw new Error('MINIRELEASE_TEST_PG_URL is not set');
  const name = `mr_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ postgresUrl: url.toString() });
  return {
    ...db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
