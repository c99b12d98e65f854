import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMinute } from '../testing/gray-traffic.js';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const M = 60_000;

describe.each(TEST_DIALECTS)('the health series over HTTP on %s', (dialect) => {
  let s: TestServer;
  // Half a minute into the current minute, held still: the series ends at the minute the clock is in.
  const now = Date.now() - (Date.now() % M) + 30_000;
  beforeAll(async () => {
    s = await startTestServer(dialect, { now: () => new Date(now) });
    const steps = publishSteps(s);
    await steps.liveAndApproved();
    await steps.gray('1.1.0', 10);
    const { key } = (await s.call('POST', '/v1/host-keys', { body: { name: 'host' } })).json();
    const at = { appId: APP };
    await reportMinute(
      s,
      key,
      { ...at, atMs: now - 3 * M },
      {
        gray: { version: '1.1.0', launches: 20, errors: 4 },
        stable: { version: '1.0.0', launches: 180, errors: 2 },
      },
    );
    await reportMinute(
      s,
      key,
      { ...at, atMs: now - M },
      { gray: { version: '1.1.0', launches: 10, crashes: 1 } },
    );
  });
  afterAll(() => s?.close());

  it('answers gray and stable per minute, from the first minute with data to now', async () => {
    const r = await s.call('GET', `/v1/apps/${APP}/versions/1.1.0/health?window=1h`);
    expect(r.statusCode).toBe(200);
    const { series, signals } = r.json();
    expect(series.bucketMinutes).toBe(1);
    const first = now - (now % M) - 3 * M;
    expect(series.points.map((p: { minute: string }) => Date.parse(p.minute))).toEqual([
      first,
      first + M,
      first + 2 * M,
      first + 3 * M,
    ]);
    expect(series.points[0]).toEqual({
      minute: new Date(first).toISOString(),
      gray: { launches: 20, errors: 4, crashes: 0, feedback: 0 },
      stable: { launches: 180, errors: 2, crashes: 0, feedback: 0 },
    });
    expect(series.points[2].gray).toEqual({ launches: 10, errors: 0, crashes: 1, feedback: 0 });
    expect(series.points[3].gray.launches).toBe(0);
    // The series adds up to the totals the verdict was reached from.
    const total = series.points.reduce(
      (a: number, p: { gray: { launches: number } }) => a + p.gray.launches,
      0,
    );
    expect(total).toBe(signals.errorRate.gray.launches);
  });

  it('leaves out minutes before the window', async () => {
    const r = await s.call('GET', `/v1/apps/${APP}/versions/1.1.0/health?window=2m`);
    expect(r.json().series.points[0].gray.launches).toBe(10);
  });

  it('gives the ticker the same verdict and numbers without the series it does not read', async () => {
    const full = await s.services.health.health({ appId: APP, version: '1.1.0' });
    const lean = await s.services.health.health({ appId: APP, version: '1.1.0', withoutSeries: true });
    expect(full.series?.points.length).toBeGreaterThan(0);
    expect(lean.series).toBeUndefined();
    const { series: _series, ...rest } = full;
    expect(lean).toEqual(rest);
  });
});
