import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRelease, buildReleaseState, resolve } from '@minirelease/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolverServer, type ResolverServer } from './resolver-server.js';

/** A small seeded generator (mulberry32), so a failure names the case that failed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const USERS = ['张三', '李四', '👍', 'tester-1', 'u', 'Ünïcødé'];
const pkg = (version: string) => ({ version, sha256: version.replace(/\./g, '').padEnd(64, 'a'), size: 100 });

function randomApps(r: ReturnType<typeof random>): AppRelease[] {
  return Array.from({ length: 40 }, (_, i) => ({
    appId: `app-${i}`,
    name: `应用${i}`,
    brand: '青禾',
    visibility: r.next() < 0.1 ? 'offline' : 'online',
    revision: 1 + r.int(9),
    live: r.next() < 0.8 ? pkg(`1.${i}.0`) : null,
    gray: r.next() < 0.6 ? { ...pkg(`2.${i}.0`), basisPoints: 1 + r.int(10_000) } : null,
    experience: r.next() < 0.4 ? pkg(`3.${i}.0`) : null,
    insiders: USERS.filter(() => r.next() < 0.3),
  }));
}

describe('a resolver process', () => {
  let dir: string;
  let server: ResolverServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-resolver-'));
    // Upstream is never asked: the client is not started.
    server = await createResolverServer({ upstream: 'http://127.0.0.1:9', dataDir: dir });
  });
  afterAll(async () => {
    await server.app.close();
    await rm(dir, { recursive: true, force: true });
  });
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, headers?: Record<string, string>) =>
    server.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      ...(headers === undefined ? {} : { headers }),
    });

  it('is not ready before it has a snapshot from disk or upstream', async () => {
    const r = await inject('GET', '/readyz');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ upstream: 'disconnected' });
    expect((await inject('GET', '/healthz')).statusCode).toBe(200);
  });

  it('answers 100,000 random (app, user, channel) cases in batches exactly as core resolve() does', async () => {
    const r = random(20_240_601);
    const snapshot = buildReleaseState(7, randomApps(r));
    server.state.replace(snapshot);
    const wire = (x: ReturnType<typeof resolve>) =>
      x.ok
        ? { appId: x.appId, version: x.version, channel: x.channel, sha256: x.sha256, size: x.size }
        : { error: { code: x.code } };
    for (let batch = 0; batch < 100; batch++) {
      const cases = Array.from({ length: 1000 }, () => ({
        app: r.next() < 0.03 ? 'no-such-app' : `app-${r.int(40)}`,
        user: r.next() < 0.2 ? r.pick(USERS) : `user-${r.int(1_000_000)}`,
        ...(r.next() < 0.2 ? { channel: 'experience' } : {}),
      }));
      const res = await inject('POST', '/v1/resolve/batch', cases);
      expect(res.statusCode).toBe(200);
      const got = res
        .json()
        .items.map((a: Record<string, unknown>) =>
          'error' in a
            ? { error: { code: (a.error as { code: string }).code } }
            : { appId: a.appId, version: a.version, channel: a.channel, sha256: a.sha256, size: a.size },
        );
      const expected = cases.map((c) =>
        wire(resolve(snapshot, c.app, c.user, c.channel === 'experience' ? 'experience' : undefined)),
      );
      expect(got).toEqual(expected);
    }
  });

  it.each([
    ['GET', '/v1/resolve?user=u1', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/resolve?app=app-1', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', `/v1/resolve?app=${'a'.repeat(65)}&user=u1`, undefined, 400, 'VALIDATION_FAILED'],
    ['GET', `/v1/resolve?app=app-1&user=${'u'.repeat(129)}`, undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/resolve?app=app-1&user=u1&channel=beta', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/resolve?app=nope&user=u1', undefined, 404, 'APP_NOT_FOUND'],
    [
      'POST',
      '/v1/resolve/batch',
      Array.from({ length: 1001 }, () => ({ app: 'a', user: 'u' })),
      400,
      'VALIDATION_FAILED',
    ],
    ['POST', '/v1/resolve/batch', [{ app: 'app-1' }], 400, 'VALIDATION_FAILED'],
    ['POST', '/v1/resolve/batch', { app: 'app-1', user: 'u' }, 400, 'VALIDATION_FAILED'],
    ['POST', '/v1/resolve/batch', [{ app: '', user: 'u' }], 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/search', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/search?user=u&limit=0', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/packages/not-hex', undefined, 400, 'VALIDATION_FAILED'],
    ['GET', `/v1/packages/${'a'.repeat(2000)}`, undefined, 400, 'VALIDATION_FAILED'],
    ['GET', '/v1/stream', undefined, 404, 'NOT_FOUND'],
  ] as const)('%s %s → %i %s', async (method, url, payload, status, code) => {
    const r = await inject(method, url, payload);
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe(code);
  });

  it('refuses a body that is not JSON, too large, or of another type with a 4xx and a code', async () => {
    const post = (payload: string, type = 'application/json') =>
      inject('POST', '/v1/resolve/batch', payload, { 'content-type': type });
    const cases = [
      [await post('[{"app":'), 400, 'VALIDATION_FAILED'],
      [await post(JSON.stringify([{ app: 'a', user: 'x'.repeat(1_100_000) }])), 413, 'BODY_TOO_LARGE'],
      [await post('app=a&user=u', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ] as const;
    for (const [r, status, code] of cases) {
      expect(r.statusCode).toBe(status);
      expect(r.json().error.code).toBe(code);
    }
  });
});
