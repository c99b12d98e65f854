import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const T0 = Date.parse('2026-12-02T10:00:30Z');

/** Every bad input of issue 14's "Bad input" line: counted, refused with codes, never double counted, no 5xx. */
describe.each(TEST_DIALECTS)('POST /v1/events on %s', (dialect) => {
  let s: TestServer;
  let clock = T0;
  let hostKey: string;
  const statuses: number[] = [];

  const post = async (body: unknown, opts: { key?: string; token?: string | null } = {}) => {
    const r = await s.call('POST', '/v1/events', {
      token: opts.token === undefined ? hostKey : opts.token,
      body,
      headers: opts.key === undefined ? {} : { 'idempotency-key': opts.key },
    });
    statuses.push(r.statusCode);
    return r;
  };
  const event = (over: Record<string, unknown> = {}) => ({
    app: APP,
    version: '1.0.0',
    channel: 'gray',
    user: 'u1',
    type: 'launch',
    at: clock - 1_000,
    ...over,
  });
  const grayLaunches = async () =>
    (await s.call('GET', `/v1/apps/${APP}/versions/1.0.0/health?window=3d`)).json().signals.errorRate.gray
      .launches as number;

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: () => new Date(clock), eventRetentionDays: 1 });
    const steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
    await steps.approve('1.0.0');
    await steps.gray('1.0.0', 10);
    hostKey = (await s.call('POST', '/v1/host-keys', { body: { name: 'super-app' } })).json().key;
  });
  afterAll(() => s?.close());

  it('counts a batch and answers 202 with what it accepted', async () => {
    const r = await post(
      { events: [event(), event({ user: 'u2' }), event({ type: 'error' })] },
      { key: 'b-1' },
    );
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ accepted: 3, rejected: [] });
    expect(await grayLaunches()).toBe(2);
  });

  it('counts a replayed batch once and answers it as the first time', async () => {
    const r = await post(
      { events: [event(), event({ user: 'u2' }), event({ type: 'error' })] },
      { key: 'b-1' },
    );
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ accepted: 3, rejected: [] });
    expect(await grayLaunches()).toBe(2);
  });

  it('refuses a reused batch id with other events with 409 CONFLICT and counts nothing', async () => {
    const r = await post({ events: [event({ user: 'u9' })] }, { key: 'b-1' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CONFLICT');
    expect(await grayLaunches()).toBe(2);
  });

  it('refuses each bad event alone, by index and code, and counts the good ones', async () => {
    const r = await post(
      {
        events: [
          event({ user: undefined }),
          event({ type: 'purchase' }),
          event({ version: 'v1' }),
          event({ app: 'no-such-app' }),
          event({ version: '9.9.9' }),
          event({ at: clock - 2 * 86_400_000 }),
          event({ at: clock + 10 * 60_000 }),
          event({ at: 'yesterday' }),
          'not an event',
          null,
          event({ user: 'x'.repeat(129) }),
          event({ user: 'u3' }),
        ],
      },
      { key: 'b-2' },
    );
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({
      accepted: 1,
      rejected: [
        { index: 0, code: 'VALIDATION_FAILED' },
        { index: 1, code: 'VALIDATION_FAILED' },
        { index: 2, code: 'VERSION_INVALID' },
        { index: 3, code: 'APP_NOT_FOUND' },
        { index: 4, code: 'VERSION_NOT_FOUND' },
        { index: 5, code: 'EVENT_OUT_OF_WINDOW' },
        { index: 6, code: 'EVENT_OUT_OF_WINDOW' },
        { index: 7, code: 'VALIDATION_FAILED' },
        { index: 8, code: 'VALIDATION_FAILED' },
        { index: 9, code: 'VALIDATION_FAILED' },
        { index: 10, code: 'VALIDATION_FAILED' },
      ],
    });
    expect(await grayLaunches()).toBe(3);
  });

  it('refuses more than 1,000 events with 400 VALIDATION_FAILED on the field, counting none', async () => {
    const events = Array.from({ length: 1_001 }, (_, i) => event({ user: `many-${i}` }));
    const r = await post({ events }, { key: 'b-3' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'events' } });
    expect(await grayLaunches()).toBe(3);
    // The refused id was not kept: the same id with an allowed batch counts.
    const ok = await post({ events: events.slice(0, 1_000) }, { key: 'b-3' });
    expect(ok.json().accepted).toBe(1_000);
    expect(await grayLaunches()).toBe(1_003);
  });

  it('refuses a body over 1 MB with 413 BODY_TOO_LARGE, counting none', async () => {
    const events = Array.from({ length: 600 }, () => event({ message: 'e'.repeat(1_900) }));
    const r = await post({ events }, { key: 'b-4' });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('BODY_TOO_LARGE');
    expect(await grayLaunches()).toBe(1_003);
  });

  it('refuses a batch without an Idempotency-Key, or without an events array, with 400', async () => {
    const noKey = await post({ events: [event()] });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.code).toBe('VALIDATION_FAILED');
    expect(noKey.json().error.details.field).toContain('idempotency-key');
    for (const body of [{}, { events: 'launch' }, [event()]]) {
      const r = await post(body, { key: 'b-5' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await grayLaunches()).toBe(1_003);
  });

  it('refuses an operator token with 403 HOST_KEY_REQUIRED, even an admin one', async () => {
    const admin = await post({ events: [event()] }, { key: 'b-6', token: s.adminToken });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().error.code).toBe('HOST_KEY_REQUIRED');
    const none = await post({ events: [event()] }, { key: 'b-6', token: null });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const unknown = await post({ events: [event()] }, { key: 'b-6', token: 'hk_neverIssued' });
    expect(unknown.statusCode).toBe(401);
    expect(await grayLaunches()).toBe(1_003);
  });

  it('refuses a revoked host key with 401 UNAUTHENTICATED', async () => {
    const made = (await s.call('POST', '/v1/host-keys', { body: { name: 'old' } })).json();
    expect((await post({ events: [event()] }, { key: 'b-7', token: made.key })).statusCode).toBe(202);
    await s.call('DELETE', `/v1/host-keys/${made.id}`);
    const r = await post({ events: [event({ user: 'u7' })] }, { key: 'b-8', token: made.key });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a host key on operator routes with 401, reads and writes alike', async () => {
    for (const [method, url, body] of [
      ['GET', `/v1/apps/${APP}`, undefined],
      ['GET', `/v1/apps/${APP}/versions/1.0.0/health`, undefined],
      ['POST', `/v1/apps/${APP}/versions/1.0.0/gray`, { percentage: 50 }],
      ['POST', '/v1/host-keys', { name: 'escalate' }],
    ] as const) {
      const r = await s.call(method, url, { token: hostKey, body });
      statuses.push(r.statusCode);
      expect(r.statusCode, `${method} ${url}`).toBe(401);
      expect(r.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('prunes minutes older than the configured retention as it ingests', async () => {
    // Retention is one day here: two days on, the first minutes are gone and the new one is counted.
    clock = T0 + 2 * 86_400_000;
    const r = await post({ events: [event({ user: 'later' })] }, { key: 'b-9' });
    expect(r.json().accepted).toBe(1);
    const rows = await s.services.db
      .selectFrom('host_event_minutes')
      .select(['minute', 'launches'])
      .execute();
    expect(rows.map((row) => [Number(row.minute), row.launches])).toEqual([
      [clock - 1_000 - ((clock - 1_000) % 60_000), 1],
    ]);
  });

  it('answered no request of the suite with a 5xx', () => {
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
