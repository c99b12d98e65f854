import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

const caught = async (f: () => unknown) => {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('isDatabaseUnavailable', () => {
  it('is true for a PostgreSQL nobody listens for, and for a SQLite file that cannot be opened', async () => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: await closedPort(),
      connectionTimeoutMillis: 2000,
    });
    expect(isDatabaseUnavailable(await caught(() => client.connect()))).toBe(true);
    // A directory where the database file should be: SQLITE_CANTOPEN.
    const sqlite = await caught(() => new SQLite(tmpdir()).prepare('select 1').get());
    expect(isDatabaseUnavailable(sqlite)).toBe(true);
  });

  it('is false for a query that is wrong', async () => {
    const db = new SQLite(':memory:');
    expect(isDatabaseUnavailable(await caught(() => db.prepare('selec 1').run()))).toBe(false);
    db.close();
  });
});

describe('a server whose database is gone', () => {
  it('answers writes and /readyz with 503 DATABASE_UNAVAILABLE and a message that names no address', async () => {
    const s = await startTestServer('sqlite');
    try {
      await s.services.db.destroy();
      const ready = await s.call('GET', '/readyz', { token: null });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        error: { code: 'DATABASE_UNAVAILABLE', message: 'the database cannot be reached; retry later' },
      });
      const write = await s.call('POST', '/v1/apps', { body: { appId: 'x-app', name: 'x' } });
      expect(write.statusCode).toBe(503);
      expect(write.json().error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await s.app.close();
    }
  });
});
