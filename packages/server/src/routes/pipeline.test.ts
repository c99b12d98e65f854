import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('the pipeline over HTTP on %s', (dialect) => {
  let s: TestServer;
  let zip: Buffer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    zip = await examplePackage();
  });
  afterAll(() => s.close());

  const upload = (version: string) =>
    s.call(
      'POST',
      `/v1/apps/qinghe-books/versions?version=${version}&description=${encodeURIComponent(NOTES)}`,
      { body: zip },
    );
  const step = (version: string, action: string, body: unknown = {}) =>
    s.call('POST', `/v1/apps/qinghe-books/versions/${version}/${action}`, { body });

  it('creates an app whose creator is its owner', async () => {
    const r = await s.call('POST', '/v1/apps', { body: NEW_APP });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      appId: 'qinghe-books',
      revision: 1,
      visibility: 'online',
      members: [{ principal: 'admin', role: 'owner' }],
    });
    expect((await s.call('POST', '/v1/apps', { body: NEW_APP })).json().error.code).toBe('APP_EXISTS');
  });

  it('uploads a package as INIT with a clean report, and stores it by sha256', async () => {
    const r = await upload('1.0.0');
    expect(r.statusCode).toBe(201);
    const v = r.json();
    expect(v).toMatchObject({
      version: '1.0.0',
      status: 'INIT',
      size: zip.length,
      description: NOTES,
      reportOk: true,
    });
    expect(v.report.findings).toEqual([]);
    // Stored, for its app's members: an INIT package is not the data plane's (routes/package-access.test.ts).
    const pkg = await s.call('GET', `/v1/packages/${v.sha256}`);
    expect(pkg.statusCode).toBe(200);
    expect(pkg.rawPayload.equals(zip)).toBe(true);
    expect(pkg.headers.etag).toBe(`"${v.sha256}"`);
    const again = await s.call('GET', `/v1/packages/${v.sha256}`, {
      headers: { 'if-none-match': `"${v.sha256}"` },
    });
    expect(again.statusCode).toBe(304);
    expect((await s.call('GET', `/v1/packages/${v.sha256}`, { token: null })).statusCode).toBe(404);
  });

  it('takes 1.0.0 through review and gray to publish, resolving gray users as it goes', async () => {
    expect(
      (await step('1.0.0', 'submit', { testAccount: 'reviewer01', testPassword: 'pw' })).json().status,
    ).toBe('AUDITING');
    const queue = (await s.call('GET', '/v1/review-queue')).json();
    expect(queue.items).toMatchObject([
      { appId: 'qinghe-books', version: '1.0.0', materials: { testAccount: 'reviewer01' } },
    ]);
    expect((await step('1.0.0', 'review', { decision: 'approve' })).json().status).toBe('WAIT_RELEASE');
    const gray = await step('1.0.0', 'gray', { percentage: 10 });
    expect(gray.json()).toMatchObject({ status: 'GRAY', grayPercentage: 10 });
    expect((await step('1.0.0', 'gray', { percentage: 'p30' })).json().grayPercentage).toBe(30);

    // First release in gray: about 30 % of users get it, the rest are told it is not released.
    const batch = Array.from({ length: 1000 }, (_, i) => ({ app: 'qinghe-books', user: `user-${i}` }));
    const answers = (await s.call('POST', '/v1/resolve/batch', { token: null, body: batch })).json().items;
    const inGray = answers.filter((a: { channel?: string }) => a.channel === 'gray').length;
    expect(inGray / 1000).toBeGreaterThan(0.27);
    expect(inGray / 1000).toBeLessThan(0.33);
    expect(answers.find((a: { error?: unknown }) => a.error).error.code).toBe('APP_NOT_RELEASED');

    const published = await step('1.0.0', 'publish');
    expect(published.json()).toMatchObject({ status: 'RELEASE', grayPercentage: null });
    const r = await s.call('GET', '/v1/resolve?app=qinghe-books&user=anyone', { token: null });
    expect(r.json()).toMatchObject({
      appId: 'qinghe-books',
      version: '1.0.0',
      channel: 'stable',
      size: zip.length,
    });
    expect(r.json().packageUrl).toBe(`/v1/packages/${r.json().sha256}`);
  });

  it('publishes 1.1.0 over 1.0.0 and rolls back to it', async () => {
    await upload('1.1.0');
    await step('1.1.0', 'submit');
    await step('1.1.0', 'review', { decision: 'approve' });
    await step('1.1.0', 'publish');
    expect((await s.call('GET', '/v1/apps/qinghe-books')).json()).toMatchObject({ liveVersion: '1.1.0' });
    const back = await s.call('POST', '/v1/apps/qinghe-books/rollback', { body: {} });
    expect(back.statusCode).toBe(200);
    expect(back.json().liveVersion).toBe('1.0.0');
    const versions = (await s.call('GET', '/v1/apps/qinghe-books/versions')).json().items;
    expect(versions.map((v: { version: string; status: string }) => `${v.version} ${v.status}`)).toEqual([
      '1.1.0 ROLLED_BACK',
      '1.0.0 RELEASE',
    ]);
    expect(
      (await s.call('GET', '/v1/resolve?app=qinghe-books&user=u1', { token: null })).json().version,
    ).toBe('1.0.0');
  });

  it('writes an audit record for every step, newest first', async () => {
    const log = (await s.call('GET', '/v1/apps/qinghe-books/audit-log')).json().items;
    expect(log.map((a: { action: string }) => a.action)).toEqual([
      'rollback',
      'publish',
      'review',
      'submit',
      'upload',
      'publish',
      'gray',
      'gray',
      'review',
      'submit',
      'upload',
      'create',
    ]);
    expect(log[0]).toMatchObject({ actor: 'admin', version: '1.1.0', from: 'RELEASE', to: 'ROLLED_BACK' });
    expect(log.find((a: { action: string }) => a.action === 'gray').details).toEqual({ percentage: 30 });
  });

  it('takes the app offline and online; resolve follows', async () => {
    expect((await s.call('POST', '/v1/apps/qinghe-books/offline')).json().visibility).toBe('offline');
    const r = await s.call('GET', '/v1/resolve?app=qinghe-books&user=u1', { token: null });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('APP_OFFLINE');
    await s.call('POST', '/v1/apps/qinghe-books/online');
    expect((await s.call('GET', '/v1/resolve?app=qinghe-books&user=u1', { token: null })).statusCode).toBe(
      200,
    );
  });
});
