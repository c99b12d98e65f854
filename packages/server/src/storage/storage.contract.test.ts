import type { Change } from '@minirelease/core';
import { DomainError, type VersionStatus } from '@minirelease/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../changes/change-feed.js';
import { eventLog } from '../changes/event-log.js';
import { AppService } from '../services/app-service.js';
import { type WriteDeps, writeApp } from '../services/app-write.js';
import { openTestDatabase, TEST_DIALECTS } from '../testing/test-database.js';
import { appStore } from './app-store.js';
import { auditStore } from './audit-store.js';
import type { OpenDatabase } from './database.js';
import { type VersionRow, versionStore } from './version-store.js';

const version = (appId: string, v: string, status: VersionStatus): VersionRow => {
  const [major, minor, patch] = v.split('.').map(Number) as [number, number, number];
  return {
    app_id: appId,
    version: v,
    major,
    minor,
    patch,
    status,
    gray_basis_points: null,
    sha256: 'a'.repeat(64),
    size: 1,
    description: '',
    report: '{}',
    report_ok: 1,
    materials: null,
    review: null,
    created_by: 't',
    created_at: 'now',
    updated_at: 'now',
    submitted_at: null,
    submitted_by: null,
  };
};

describe.each(TEST_DIALECTS)('storage contract on %s', (dialect) => {
  let database: OpenDatabase & { drop(): Promise<void> };
  let deps: WriteDeps;
  const heard: Change[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const feed = new ChangeFeed();
    feed.subscribe((e) => {
      heard.push(e);
    });
    deps = { db: database.db, dialect, feed, now: () => new Date('2026-11-24T10:00:00Z') };
    const apps = new AppService(deps);
    for (let i = 0; i < 8; i++) {
      await apps.create('owner', { appId: `app-${i}`, name: `应用${i}`, brand: '青禾', category: '图书' });
    }
  });
  afterAll(() => database.drop());

  it('appends events with a gapless global seq in commit order, even when writers race', async () => {
    const before = await eventLog.lastSeq(database.db);
    const writes = Array.from({ length: 64 }, (_, i) =>
      writeApp(deps, `app-${i % 8}`, 'owner', undefined, async () => ({
        result: i,
        audit: [],
        eventType: 'update',
      })),
    );
    await Promise.all(writes);
    const events = await eventLog.after(database.db, before, 1000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 64 }, (_, i) => before + i + 1));
    // Per app, a later event carries a later revision.
    const lastRevision = new Map<string, number>();
    for (const e of events) {
      const revision = JSON.parse(e.payload).revision as number;
      expect(revision).toBeGreaterThan(lastRevision.get(e.app_id) ?? 0);
      lastRevision.set(e.app_id, revision);
    }
    // Listeners hear each committed change once.
    expect(heard.filter((e) => e.seq > before).length).toBe(64);
  });

  it('rolls back the whole write when the change fails half-way', async () => {
    const app = (await appStore.get(database.db, 'app-1'))!;
    const seq = await eventLog.lastSeq(database.db);
    const audits = (await auditStore.list(database.db, 'app-1', { limit: 1000 })).length;
    await expect(
      writeApp(deps, 'app-1', 'owner', undefined, async ({ tx }) => {
        await appStore.update(tx, 'app-1', { name: 'half-done' });
        await versionStore.insert(tx, version('app-1', '1.0.0', 'INIT'));
        throw new Error('crash in the middle');
      }),
    ).rejects.toThrow('crash in the middle');
    expect(await appStore.get(database.db, 'app-1')).toEqual(app);
    expect(await versionStore.list(database.db, 'app-1')).toEqual([]);
    expect(await eventLog.lastSeq(database.db)).toBe(seq);
    expect((await auditStore.list(database.db, 'app-1', { limit: 1000 })).length).toBe(audits);
  });

  it('refuses a stale expected revision with CONFLICT and writes nothing', async () => {
    const app = (await appStore.get(database.db, 'app-2'))!;
    const stale = writeApp(deps, 'app-2', 'owner', app.revision - 1, async () => ({
      result: 1,
      audit: [],
      eventType: 'update',
    }));
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { currentRevision: app.revision },
    });
    expect((await appStore.get(database.db, 'app-2'))!.revision).toBe(app.revision);
    await writeApp(deps, 'app-2', 'owner', app.revision, async () => ({
      result: 1,
      audit: [],
      eventType: 'update',
    }));
    expect((await appStore.get(database.db, 'app-2'))!.revision).toBe(app.revision + 1);
  });

  it('answers APP_NOT_FOUND for a write to a missing app', async () => {
    const w = writeApp(deps, 'nope', 'owner', undefined, async () => ({
      result: 1,
      audit: [],
      eventType: 'update',
    }));
    await expect(w).rejects.toBeInstanceOf(DomainError);
    await expect(w).rejects.toMatchObject({ code: 'APP_NOT_FOUND' });
  });

  it('holds one RELEASE and one version in flight per app in the database itself', async () => {
    await versionStore.insert(database.db, version('app-3', '1.0.0', 'RELEASE'));
    // The two dialects word it differently; both name the kind of constraint that held.
    const unique = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
    const check = /CHECK constraint failed|violates check constraint/;
    await expect(versionStore.insert(database.db, version('app-3', '1.1.0', 'RELEASE'))).rejects.toThrow(
      unique,
    );
    await versionStore.insert(database.db, version('app-3', '1.2.0', 'GRAY'));
    await expect(versionStore.insert(database.db, version('app-3', '1.3.0', 'AUDITING'))).rejects.toThrow(
      unique,
    );
    // A status no code can write reaches the database only by a bug: the check constraint still refuses it.
    const bogus = { ...version('app-3', '1.4.0', 'INIT'), status: 'BOGUS' as VersionStatus };
    await expect(versionStore.insert(database.db, bogus)).rejects.toThrow(check);
    expect((await versionStore.list(database.db, 'app-3')).map((v) => v.version)).toEqual(['1.2.0', '1.0.0']);
  });

  it('lists versions newest first by semver, not by text', async () => {
    for (const v of ['1.2.0', '1.10.0', '1.9.3', '2.0.0', '1.9.10'])
      await versionStore.insert(database.db, version('app-4', v, 'INIT'));
    expect((await versionStore.list(database.db, 'app-4')).map((v) => v.version)).toEqual([
      '2.0.0',
      '1.10.0',
      '1.9.10',
      '1.9.3',
      '1.2.0',
    ]);
  });
});
