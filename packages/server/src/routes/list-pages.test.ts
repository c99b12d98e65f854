import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('pages of versions and of the review queue on %s', (dialect) => {
  let s: TestServer;
  const APPS = ['qinghe-books', 'qinghe-music', 'qinghe-video'];
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await s.call(method, url, body === undefined ? {} : { body });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const upload = async (appId: string, version: string) =>
    ok(
      'POST',
      `/v1/apps/${appId}/versions?version=${version}&description=${encodeURIComponent(NOTES)}`,
      await examplePackage(),
    );

  beforeAll(async () => {
    s = await startTestServer(dialect);
    for (const [i, appId] of APPS.entries()) {
      await ok('POST', '/v1/apps', { ...NEW_APP, appId, name: `青禾读书${i + 1}号` });
    }
    // 1.10.0 sorts after 1.9.0 as a version, before it as a string.
    for (const v of ['1.0.0', '1.0.1', '1.9.0', '1.10.0', '2.0.0']) await upload('qinghe-books', v);
    // Submitted in this order: the queue is oldest first.
    for (const appId of ['qinghe-video', 'qinghe-books', 'qinghe-music']) {
      if (appId !== 'qinghe-books') await upload(appId, '1.0.0');
      const version = appId === 'qinghe-books' ? '2.0.0' : '1.0.0';
      await ok('POST', `/v1/apps/${appId}/versions/${version}/submit`, {
        testAccount: 'r01',
        testPassword: 'pw',
      });
    }
  });
  afterAll(() => s.close());

  it('lists versions newest first, a page at a time, by the cursor it answers', async () => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(
        'GET',
        `/v1/apps/qinghe-books/versions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(page.items.map((v: { version: string }) => v.version));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['2.0.0', '1.10.0'], ['1.9.0', '1.0.1'], ['1.0.0']]);
    const all = await ok('GET', '/v1/apps/qinghe-books/versions');
    expect(all.nextCursor).toBeUndefined();
    expect(all.items).toHaveLength(5);
  });

  it('pages the review queue oldest submission first', async () => {
    const first = await ok('GET', '/v1/review-queue?limit=2');
    expect(first.items.map((i: { appId: string }) => i.appId)).toEqual(['qinghe-video', 'qinghe-books']);
    expect(typeof first.nextCursor).toBe('string');
    const second = await ok('GET', `/v1/review-queue?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { appId: string }) => i.appId)).toEqual(['qinghe-music']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses a cursor it did not give with 400 VALIDATION_FAILED on the cursor', async () => {
    for (const url of [
      '/v1/apps/qinghe-books/versions?cursor=latest',
      '/v1/review-queue?cursor=bm90LWpzb24',
      '/v1/review-queue?cursor=WzEsMl0',
      // These two restarted from the top with 200 (issue 10), and a client paging to the end looped.
      '/v1/apps?cursor=Not%20An%20App',
      '/v1/apps/qinghe-books/audit-log?cursor=latest',
      '/v1/apps/qinghe-books/audit-log?cursor=-1',
    ]) {
      const r = await s.call('GET', url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'querystring.cursor' },
      });
    }
  });
});
