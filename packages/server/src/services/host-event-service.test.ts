import { DomainError } from '@minirelease/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/database.js';
import { openTestDatabase } from '../testing/test-database.js';
import { HealthService } from './health-service.js';
import { HostEventService } from './host-event-service.js';
import { HostKeyService } from './host-key-service.js';

const NOW = Date.parse('2026-12-02T10:00:30.000Z');
const MINUTE = Date.parse('2026-12-02T10:00:00.000Z');
const now = () => new Date(NOW);

async function seed(db: OpenDatabase['db']) {
  const at = new Date(NOW).toISOString();
  await db
    .insertInto('apps')
    .values({
      app_id: 'qinghe-books',
      name: '青禾读书',
      brand: '青禾',
      category: 'books',
      description: '',
      visibility: 'online',
      experience_version: null,
      revision: 1,
      created_by: 'admin',
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const [version, status, bp] of [
    ['1.3.0', 'RELEASE', null],
    ['1.4.0', 'GRAY', 100],
  ] as const) {
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    await db
      .insertInto('versions')
      .values({
        app_id: 'qinghe-books',
        version,
        major,
        minor,
        patch,
        status,
        gray_basis_points: bp,
        sha256: 'ab'.repeat(32),
        size: 1,
        description: '',
        report: '{}',
        report_ok: 1,
        materials: null,
        review: null,
        created_by: 'admin',
        created_at: at,
        updated_at: at,
        submitted_at: null,
        submitted_by: null,
      })
      .execute();
  }
}

const event = (over: Record<string, unknown> = {}) => ({
  app: 'qinghe-books',
  version: '1.4.0',
  channel: 'gray',
  user: 'u1',
  type: 'launch',
  at: NOW - 1_000,
  ...over,
});

describe('host events into minute rows (SQLite)', () => {
  let database: OpenDatabase & { drop(): Promise<void> };
  let events: HostEventService;

  beforeEach(async () => {
    database = await openTestDatabase('sqlite');
    await seed(database.db);
    events = new HostEventService(database.db, now);
  });
  afterEach(() => database.drop());

  const minuteRow = (channel = 'gray', version = '1.4.0') =>
    database.db
      .selectFrom('host_event_minutes')
      .selectAll()
      .where('version', '=', version)
      .where('channel', '=', channel as 'gray')
      .where('minute', '=', MINUTE)
      .executeTakeFirst();

  it('counts a batch per minute and refuses each bad event with its code, never the batch', async () => {
    const { answer, replayed } = await events.ingest('hk_1', 'b1', [
      event(),
      event({ type: 'error' }),
      event({ user: 'u2', type: 'crash' }),
      event({ type: 'feedback' }),
      event({ app: 'no-such-app' }),
      event({ version: '9.9.9' }),
      event({ type: 'click' }),
      event({ at: NOW + 10 * 60_000 }),
      'not an event',
    ]);
    expect(replayed).toBe(false);
    expect(answer).toEqual({
      accepted: 4,
      rejected: [
        { index: 4, code: 'APP_NOT_FOUND' },
        { index: 5, code: 'VERSION_NOT_FOUND' },
        { index: 6, code: 'VALIDATION_FAILED' },
        { index: 7, code: 'EVENT_OUT_OF_WINDOW' },
        { index: 8, code: 'VALIDATION_FAILED' },
      ],
    });
    expect(await minuteRow()).toMatchObject({ launches: 1, errors: 1, crashes: 1, feedback: 1 });
  });

  it('a replayed batch gets the first answer and counts nothing again', async () => {
    const batch = [event(), event({ type: 'error' })];
    const first = await events.ingest('hk_1', 'b1', batch);
    const again = await events.ingest('hk_1', 'b1', batch);
    expect(again).toEqual({ answer: first.answer, replayed: true });
    expect(await minuteRow()).toMatchObject({ launches: 1, errors: 1 });
  });

  it('the same batch id with other events is a CONFLICT, and counts nothing', async () => {
    await events.ingest('hk_1', 'b1', [event()]);
    await expect(events.ingest('hk_1', 'b1', [event(), event()])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await minuteRow()).toMatchObject({ launches: 1 });
  });

  it('the same batch id from another host key is another batch', async () => {
    await events.ingest('hk_1', 'b1', [event()]);
    await events.ingest('hk_2', 'b1', [event()]);
    expect(await minuteRow()).toMatchObject({ launches: 2 });
  });

  it('more than 1,000 events is refused whole with VALIDATION_FAILED', async () => {
    await expect(events.ingest('hk_1', 'big', Array(1_001).fill(event()))).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it('distinct users merge across batches of the same minute', async () => {
    await events.ingest('hk_1', 'b1', [event({ user: 'a' }), event({ user: 'b' })]);
    await events.ingest('hk_1', 'b2', [event({ user: 'b' }), event({ user: 'c' })]);
    const health = await new HealthService(database.db, now).health({
      appId: 'qinghe-books',
      version: '1.4.0',
    });
    expect(health.distinctUsers?.gray).toBe(3);
    expect(health.signals.errorRate.gray.launches).toBe(4);
  });

  it('retention drops minutes older than 30 days and batches older than two days', async () => {
    await events.ingest('hk_1', 'b1', [event()]);
    expect(await events.purge(NOW + 31 * 86_400_000)).toEqual({ minutes: 1, batches: 1 });
    expect(await minuteRow()).toBeUndefined();
  });

  it('health over the stored minutes: 4× the stable error rate is degraded', async () => {
    const batch: unknown[] = [];
    for (let i = 0; i < 600; i++) batch.push(event({ user: `g${i % 300}` }));
    for (let i = 0; i < 40; i++) batch.push(event({ type: 'error', user: `g${i}` }));
    await events.ingest('hk_1', 'g', batch);
    for (let k = 0; k < 60; k++) {
      const stable: unknown[] = [];
      for (let i = 0; i < 990; i++)
        stable.push(event({ version: '1.3.0', channel: 'stable', user: `s${i}` }));
      for (let i = 0; i < 10; i++) stable.push(event({ version: '1.3.0', channel: 'stable', type: 'error' }));
      await events.ingest('hk_1', `s${k}`, stable);
    }
    const health = await new HealthService(database.db, now).health({
      appId: 'qinghe-books',
      version: '1.4.0',
    });
    expect(health.signals.errorRate.stable).toMatchObject({ launches: 59_400, events: 600 });
    expect(health.verdict).toBe('degraded');
    expect(health.grayShareExpected).toBeCloseTo(0.01, 6);
  });
});

describe('host keys (SQLite)', () => {
  let database: OpenDatabase & { drop(): Promise<void> };
  beforeEach(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterEach(() => database.drop());

  it('a new key authenticates, is kept only as its hash, and stops working once revoked', async () => {
    const keys = new HostKeyService(database.db, now);
    const { row, key } = await keys.create('青禾 super-app');
    expect(key).toMatch(/^hk_/);
    expect(JSON.stringify(await database.db.selectFrom('host_keys').selectAll().execute())).not.toContain(
      key,
    );
    expect(await keys.authenticate(`Bearer ${key}`)).toBe(row.id);
    await keys.revoke(row.id);
    await expect(keys.authenticate(`Bearer ${key}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(keys.revoke(row.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an operator token is not a host key', async () => {
    const keys = new HostKeyService(database.db, now);
    await expect(keys.authenticate('Bearer mr_abc')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(keys.authenticate(undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
