import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const T0 = Date.parse('2026-12-02T08:00:00Z');

/**
 * The ticker's lease contract (DESIGN §10: once across all API instances): two API instances on one database,
 * each with its ticker; at any moment one acts. On PostgreSQL they are two pools, as two processes would be.
 */
describe.each(TEST_DIALECTS)('the gray ticker lease on %s', (dialect) => {
  const clock = { now: T0 };
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer(dialect, { now: () => new Date(clock.now), grayTickerHolder: 'api-a' });
    const shared =
      dialect === 'postgres'
        ? await openDatabase({ postgresUrl: a.database.url as string })
        : { ...a.database, close: async () => {} };
    b = await startTestServer(dialect, {
      now: () => new Date(clock.now),
      grayTickerHolder: 'api-b',
      database: { ...shared, drop: () => shared.close() },
    });
    const steps = publishSteps(a);
    await steps.create();
    await steps.upload('1.0.0');
    await steps.approve('1.0.0');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('lets one of two tickers ticking at once act, and the plan moves once', async () => {
    const put = await a.call('PUT', `/v1/apps/${APP}/versions/1.0.0/gray-plan`, {
      body: { steps: [5, 50], soakMinutes: 10, minLaunches: 0 },
    });
    expect(put.statusCode).toBe(200);
    const [ra, rb] = await Promise.all([a.ticker.tick(), b.ticker.tick()]);
    expect([ra.held, rb.held].filter(Boolean)).toHaveLength(1);
    const acted = ra.held ? ra : rb;
    expect(acted.decisions.map((d) => d.step.action)).toEqual(['widen']);
    const audit = (await a.call('GET', `/v1/apps/${APP}/audit-log?limit=20`)).json().items;
    expect(audit.filter((r: { actor: string }) => r.actor === 'gray-plan')).toHaveLength(1);
  });

  it('keeps the lease with its holder while it renews, and never lets the other act meanwhile', async () => {
    const holder = (await a.ticker.tick()).held ? a : b;
    const other = holder === a ? b : a;
    for (let i = 0; i < 5; i++) {
      clock.now += 15_000;
      expect((await holder.ticker.tick()).held).toBe(true);
      expect((await other.ticker.tick()).held).toBe(false);
    }
  });

  it('passes the lease to the other instance once the holder stops renewing it', async () => {
    const holder = (await a.ticker.tick()).held ? a : b;
    const other = holder === a ? b : a;
    // The lease lasts three intervals of the default 15 s.
    clock.now += 44_000;
    expect((await other.ticker.tick()).held).toBe(false);
    clock.now += 2_000;
    expect((await other.ticker.tick()).held).toBe(true);
    expect((await holder.ticker.tick()).held).toBe(false);
  });

  it('hands the lease over at once when its holder stops cleanly', async () => {
    const holder = (await a.ticker.tick()).held ? a : b;
    const other = holder === a ? b : a;
    await holder.ticker.stop();
    expect((await other.ticker.tick()).held).toBe(true);
  });
});
