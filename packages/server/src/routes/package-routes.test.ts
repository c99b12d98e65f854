import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResolverServer, type ResolverServer } from '@minirelease/resolver';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage } from '../testing/fixtures.js';
import { publishSteps } from '../testing/publish-steps.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

type Get = (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

/** One suite for both places a package is served from: the API's blob store and a resolver's cache. */
function packageSuite(name: string, setup: () => { get: Get; sha256: () => string; zip: () => Buffer }) {
  describe(`GET /v1/packages/:sha256 from ${name}`, () => {
    const url = () => `/v1/packages/${setup().sha256()}`;
    const get: Get = (u, h) => setup().get(u, h);

    it('sends the whole package with its ETag, immutable, accepting ranges', async () => {
      const r = await get(url());
      expect(r.statusCode).toBe(200);
      expect(r.rawPayload.equals(setup().zip())).toBe(true);
      expect(r.headers).toMatchObject({
        etag: `"${setup().sha256()}"`,
        'cache-control': 'public, max-age=31536000, immutable',
        'accept-ranges': 'bytes',
      });
    });

    it('answers 304 to If-None-Match with its ETag, also in a list or weak', async () => {
      for (const tag of [`"${setup().sha256()}"`, `"other", W/"${setup().sha256()}"`, '*']) {
        expect((await get(url(), { 'if-none-match': tag })).statusCode).toBe(304);
      }
      expect((await get(url(), { 'if-none-match': '"other"' })).statusCode).toBe(200);
    });

    it('sends one byte range with 206 and Content-Range: a-b, a-, and the last n', async () => {
      const zip = setup().zip();
      const size = zip.length;
      const cases: Array<[string, number, number]> = [
        ['bytes=0-9', 0, 9],
        ['bytes=100-', 100, size - 1],
        ['bytes=-50', size - 50, size - 1],
        [`bytes=10-${size + 1000}`, 10, size - 1],
      ];
      for (const [range, start, end] of cases) {
        const r = await get(url(), { range });
        expect(r.statusCode, range).toBe(206);
        expect(r.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
        expect(r.rawPayload.equals(zip.subarray(start, end + 1))).toBe(true);
      }
    });

    it('answers 416 RANGE_NOT_SATISFIABLE to a range past the end, with bytes */size', async () => {
      const size = setup().zip().length;
      for (const range of [`bytes=${size}-`, 'bytes=-0']) {
        const r = await get(url(), { range });
        expect(r.statusCode, range).toBe(416);
        expect(r.headers['content-range']).toBe(`bytes */${size}`);
        expect(r.json().error.code).toBe('RANGE_NOT_SATISFIABLE');
      }
    });

    it('sends the whole package for several ranges, another unit, or a stale If-Range', async () => {
      for (const headers of [
        { range: 'bytes=0-1,5-6' },
        { range: 'items=0-1' },
        { range: 'bytes=9-2' },
        { range: 'bytes=0-9', 'if-range': '"stale"' },
      ]) {
        const r = await get(url(), headers);
        expect(r.statusCode, JSON.stringify(headers)).toBe(200);
        expect(r.rawPayload.length).toBe(setup().zip().length);
      }
    });

    it('answers 404 PACKAGE_NOT_FOUND for an unknown package and 400 for a malformed address', async () => {
      const unknown = await get(`/v1/packages/${'0'.repeat(64)}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('PACKAGE_NOT_FOUND');
      const bad = await get('/v1/packages/not-a-sha');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    });
  });
}

let api: TestServer;
let base: string;
let dir: string;
let resolver: ResolverServer;
let sha256 = '';
let zip: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-packages-'));
  api = await startTestServer('sqlite');
  base = await api.listen();
  const steps = publishSteps(api);
  await steps.create();
  sha256 = (await steps.upload('1.0.0')).sha256;
  // Live, so anyone may download it (services/package-access.ts).
  await steps.approve('1.0.0');
  await steps.publish('1.0.0');
  zip = await examplePackage();
  resolver = await createResolverServer({ upstream: base, dataDir: dir });
});
afterAll(async () => {
  await resolver?.app.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

packageSuite('the API', () => ({
  get: (url, headers) => api.call('GET', url, { token: null, ...(headers ? { headers } : {}) }),
  sha256: () => sha256,
  zip: () => zip,
}));

packageSuite("a resolver's cache", () => ({
  get: (url, headers) => resolver.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) }),
  sha256: () => sha256,
  zip: () => zip,
}));

describe("a resolver's package cache when upstream is gone", () => {
  it('keeps serving what it has cached, and answers 502 UPSTREAM_UNAVAILABLE for what it has not', async () => {
    const cached = await resolver.app.inject({ url: `/v1/packages/${sha256}` });
    expect(cached.statusCode).toBe(200);
    await api.app.close();
    const again = await resolver.app.inject({
      url: `/v1/packages/${sha256}`,
      headers: { range: 'bytes=0-3' },
    });
    expect(again.statusCode).toBe(206);
    expect(again.rawPayload.equals(zip.subarray(0, 4))).toBe(true);
    const missing = await resolver.app.inject({ url: `/v1/packages/${'1'.repeat(64)}` });
    expect(missing.statusCode).toBe(502);
    expect(missing.json().error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
