import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type MiniReleaseApp } from '../create-app.js';
import { BlobStore } from '../storage/blob-store.js';
import { type OpenDatabase, openDatabase } from '../storage/database.js';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { openTestDatabase, PG_URL, TEST_DIALECTS } from '../testing/test-database.js';

async function until(check: () => boolean, ms = 5000): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - start;
}

/** Two API instances on one database: what one commits, the other's resolver follows. */
describe.each(TEST_DIALECTS)('two instances on one %s database', (dialect) => {
  let dir: string;
  let a: MiniReleaseApp;
  let b: MiniReleaseApp;
  let dbA: OpenDatabase & { drop(): Promise<void> };
  let dbB: OpenDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-follow-'));
    if (dialect === 'postgres') {
      dbA = await openTestDatabase('postgres');
      dbB = await openDatabase({ postgresUrl: dbA.url! });
    } else {
      const path = join(dir, 'shared.db');
      const opened = await openDatabase({ sqlitePath: path });
      dbA = { ...opened, drop: () => opened.close() };
      dbB = await openDatabase({ sqlitePath: path });
    }
    const blobs = new BlobStore(join(dir, 'blobs'));
    // PostgreSQL instances hear NOTIFY; the slow poll shows the notification is what moved them.
    const eventPollMs = dialect === 'postgres' ? 60_000 : 50;
    a = await createApp({ database: dbA, blobs, eventPollMs });
    b = await createApp({ database: dbB, blobs, eventPollMs });
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await dbB.close();
    await dbA.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves on instance B what was published through instance A', async () => {
    const s = a.services;
    await s.apps.create('owner', NEW_APP);
    await s.versions.upload('owner', {
      appId: 'qinghe-books',
      version: '1.0.0',
      description: NOTES,
      zip: await examplePackage(),
    });
    const steps = [
      { type: 'submit', version: '1.0.0', blockers: [] },
      { type: 'review', version: '1.0.0', decision: 'approve' },
      { type: 'publish', version: '1.0.0' },
    ] as const;
    for (const step of steps) await s.pipeline.apply('owner', 'qinghe-books', step);
    const answer = () => b.app.inject({ method: 'GET', url: '/v1/resolve?app=qinghe-books&user=u1' });
    await until(() => b.resolver.snapshot.seq === a.resolver.snapshot.seq);
    expect((await answer()).json()).toMatchObject({ version: '1.0.0', channel: 'stable' });
  });

  it.runIf(dialect === 'postgres' && PG_URL)(
    'hears a change committed elsewhere by NOTIFY, well before its poll',
    async () => {
      await a.services.pipeline.apply('owner', 'qinghe-books', { type: 'offline' });
      // The poll is a minute away: only the notification can deliver it in time.
      await until(
        () => b.resolver.snapshot.apps.get('qinghe-books')?.source.visibility === 'offline',
        10_000,
      );
      expect(b.resolver.snapshot.seq).toBe(a.resolver.snapshot.seq);
    },
  );
});
