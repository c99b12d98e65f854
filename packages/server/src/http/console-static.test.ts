import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('the console at /', () => {
  let s: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    s = await startTestServer('sqlite', { consoleDir: dir });
  });
  afterAll(async () => {
    await s?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('serves index.html at / and at client routes, not cached, with a CSP', async () => {
    for (const url of ['/', '/apps', '/apps/qinghe-books/versions/1.0.0', '/review?x=1']) {
      const r = await s.call('GET', url, { token: null, headers: browser });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toContain('id="root"');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('answers an API client (no Accept, or JSON) at an unknown path with the JSON 404, any API version too', async () => {
    for (const [url, headers] of [
      ['/apps', {}],
      ['/apps', { accept: 'application/json' }],
      ['/v2/apps', browser],
      ['/v1', browser],
    ] as const) {
      const r = await s.call('GET', url, { token: null, headers: { ...headers } });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const r = await s.call('GET', '/assets/index-abc123.js', { token: null });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('a missing asset is a 404, not index.html', async () => {
    const r = await s.call('GET', '/assets/gone-000.js', { token: null });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
  });

  it('never shadows the API, the docs or the probes', async () => {
    for (const url of ['/v1/nothing', '/v1', '/metrics/x', '/healthz/x', '/readyz/x', '/openapi.json/x']) {
      const r = await s.call('GET', url, { token: null });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toMatch(/^application\/json/);
    }
    expect((await s.call('GET', '/healthz', { token: null })).statusCode).toBe(200);
    expect((await s.call('GET', '/openapi.json', { token: null })).json().openapi).toBe('3.1.0');
  });

  it('does not walk out of its folder', async () => {
    for (const url of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2fpackage.json', '/%2e%2e/x.js']) {
      const r = await s.call('GET', url, { token: null });
      expect(r.statusCode, url).not.toBe(500);
      expect(r.body, url).not.toContain('root:');
      if (r.statusCode === 200) expect(r.body).toContain('id="root"');
    }
  });
});

describe('without a built console', () => {
  it('/ is a JSON 404 saying so', async () => {
    const s = await startTestServer('sqlite', { consoleDir: null });
    const r = await s.call('GET', '/', { token: null });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
    await s.close();
  });
});
