import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppRelease } from '../services/app-release.js';
import { NEW_APP } from '../testing/fixtures.js';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { loadSnapshot } from './load-snapshot.js';

describe.each(TEST_DIALECTS)('loadSnapshot on %s', (dialect) => {
  let s: TestServer;
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await s.call(method, url, body === undefined ? {} : { body });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  beforeAll(async () => {
    s = await startTestServer(dialect);
    const steps = publishSteps(s);
    // qinghe-books: live 1.0.0, 1.1.0 in gray, 1.2.0 (not submitted) the experience version, a member and
    // experiencers.
    await steps.liveAndApproved();
    await steps.gray('1.1.0', 12.5);
    await steps.upload('1.2.0');
    await ok('POST', '/v1/apps/qinghe-books/versions/1.2.0/experience');
    await steps.experiencers(['tester-1', '张三']);
    await ok('PUT', `/v1/apps/qinghe-books/members/dev-1`, { role: 'developer' });
    // Two more: one with nothing uploaded, one offline.
    await ok('POST', '/v1/apps', { ...NEW_APP, appId: 'qinghe-music', name: '青禾音乐' });
    await ok('POST', '/v1/apps', { ...NEW_APP, appId: 'qinghe-video', name: '青禾视频' });
    await ok('POST', '/v1/apps/qinghe-video/offline');
  });
  afterAll(() => s.close());

  it('reads every app as the one-app loader reads it, at the log position', async () => {
    const { db } = s.services;
    const state = await loadSnapshot(db);
    const one = await Promise.all(
      ['qinghe-books', 'qinghe-music', 'qinghe-video'].map((id) => loadAppRelease(db, id)),
    );
    expect(state.apps).toEqual(one);
    expect(state.seq).toBe(s.resolver.snapshot.seq);
    const books = state.apps[0]!;
    expect(books).toMatchObject({
      live: { version: '1.0.0' },
      gray: { version: '1.1.0', basisPoints: 1250 },
      experience: { version: '1.2.0' },
    });
    expect(books.insiders).toEqual(expect.arrayContaining(['tester-1', '张三', 'dev-1']));
    expect(state.apps[2]!.visibility).toBe('offline');
  });
});
