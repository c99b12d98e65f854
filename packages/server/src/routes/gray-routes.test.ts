import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';

describe('host keys and health over HTTP (SQLite)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
    await steps.approve('1.0.0');
    await steps.gray('1.0.0', 1);
  });
  afterAll(() => s?.close());

  it('an admin makes a host key, sees it listed without its secret, and revokes it', async () => {
    const made = await s.call('POST', '/v1/host-keys', { body: { name: '青禾 super-app' } });
    expect(made.statusCode).toBe(201);
    const { id, key } = made.json();
    expect(key).toMatch(/^hk_/);
    const listed = await s.call('GET', '/v1/host-keys');
    expect(listed.body).not.toContain(key);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id, name: '青禾 super-app', revokedAt: null }),
    ]);
    expect((await s.call('DELETE', `/v1/host-keys/${id}`)).statusCode).toBe(204);
    const again = await s.call('DELETE', `/v1/host-keys/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');
  });

  it('a host key does not open an operator route', async () => {
    const { key } = (await s.call('POST', '/v1/host-keys', { body: { name: 'h' } })).json();
    const r = await s.call('GET', `/v1/apps/${APP}`, { token: key });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('health of a gray version with events: the numbers and a verdict', async () => {
    const at = s.services.now().getTime() - 1_000;
    const events = [
      ...Array.from({ length: 20 }, (_, i) => ({
        app: APP,
        version: '1.0.0',
        channel: 'gray',
        user: `g${i}`,
        type: 'launch',
        at,
      })),
      { app: APP, version: '1.0.0', channel: 'gray', user: 'g1', type: 'error', at },
    ];
    await s.services.hostEvents.ingest('hk_test', 'b1', events);
    const r = await s.call('GET', `/v1/apps/${APP}/versions/1.0.0/health?window=6h`);
    expect(r.statusCode).toBe(200);
    const h = r.json();
    expect(h.verdict).toBe('insufficient_data');
    expect(h.signals.errorRate.gray).toEqual({ launches: 20, events: 1, rate: 0.05 });
    // A sketch, not a set: 20 users are estimated within a register collision or two.
    expect(h.distinctUsers.stable).toBe(0);
    expect(Math.abs(h.distinctUsers.gray - 20)).toBeLessThanOrEqual(2);
    expect(h.grayShareExpected).toBeCloseTo(0.01, 6);
  });

  it('refuses a malformed window with 400 and an unknown version with 404', async () => {
    const bad = await s.call('GET', `/v1/apps/${APP}/versions/1.0.0/health?window=forever`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const none = await s.call('GET', `/v1/apps/${APP}/versions/9.9.9/health`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('VERSION_NOT_FOUND');
  });
});
