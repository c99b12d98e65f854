import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctPackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = NEW_APP.appId;

/**
 * Least privilege for `GET /v1/packages/:sha256` (issue 10, defect 6): which caller reads which package, by the
 * state of its version. 200 or 404 only: a refusal never confirms that a package exists.
 */
describe.each(TEST_DIALECTS)('who may download a package on %s', (dialect) => {
  let s: TestServer;
  const sha = new Map<string, string>();
  const tokens = new Map<string, string | null>();

  const ok = async (method: string, url: string, body: unknown = {}) => {
    const r = await s.call(method, url, { body });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const upload = async (version: string) => {
    const r = await s.call(
      'POST',
      `/v1/apps/${APP}/versions?version=${version}&description=${encodeURIComponent(NOTES)}`,
      { body: await distinctPackage(version) },
    );
    expect(r.statusCode, r.body).toBe(201);
    sha.set(version, r.json().sha256);
  };
  const step = (version: string, action: string, body: unknown = {}) =>
    ok('POST', `/v1/apps/${APP}/versions/${version}/${action}`, body);
  const toLive = async (version: string) => {
    await upload(version);
    await step(version, 'submit', { testAccount: 'reviewer01', testPassword: 'pw' });
    await step(version, 'review', { decision: 'approve' });
    await step(version, 'publish');
  };

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await ok('POST', '/v1/apps', NEW_APP);
    // 1.0.7 live; 1.0.6 … 1.0.2 the rollback targets; 1.0.1 and 1.0.0 superseded beyond them.
    for (let patch = 0; patch <= 7; patch++) await toLive(`1.0.${patch}`);
    await upload('1.1.0');
    await step('1.1.0', 'experience');
    await upload('1.2.0');
    await step('1.2.0', 'submit', { testAccount: 'reviewer01', testPassword: 'pw' });
    await step('1.2.0', 'review', { decision: 'approve' });
    await step('1.2.0', 'gray', { percentage: 5 });
    await upload('1.3.0');
    await upload('1.4.0');
    expect((await s.call('DELETE', `/v1/apps/${APP}/versions/1.4.0`)).statusCode).toBe(204);

    tokens.set('no token', null);
    tokens.set('bad token', 'mr_thisTokenWasNeverIssuedByTheServer000000000');
    tokens.set('outsider', await s.tokenFor('outsider'));
    tokens.set('resolver', await s.tokenFor('resolver-1', ['resolver']));
    tokens.set('reviewer', await s.tokenFor('reviewer-1', ['reviewer']));
    tokens.set('viewer', await s.tokenFor('viewer-1'));
    await ok('PUT', `/v1/apps/${APP}/members/viewer-1`, { role: 'viewer' });
    tokens.set('admin', s.adminToken);
  });
  afterAll(() => s?.close());

  const PUBLIC = ['no token', 'bad token', 'outsider', 'resolver', 'reviewer', 'viewer', 'admin'];
  const PRIVATE = ['reviewer', 'viewer', 'admin'];
  const ROWS: [string, string, string[]][] = [
    ['1.0.7', 'live', PUBLIC],
    ['1.2.0', 'gray', PUBLIC],
    ['1.1.0', 'experience', PUBLIC],
    ['1.0.6', 'newest rollback target', PUBLIC],
    ['1.0.2', 'fifth rollback target', PUBLIC],
    ['1.0.1', 'superseded beyond the rollback targets', PRIVATE],
    ['1.0.0', 'oldest superseded', PRIVATE],
    ['1.3.0', 'INIT, never reviewed', PRIVATE],
    ['1.4.0', 'deleted', []],
  ];

  it.each(ROWS)(
    '%s (%s) is read by exactly its callers; the others get 404',
    async (version, _what, readers) => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [caller, token] of tokens) {
        const r = await s.call('GET', `/v1/packages/${sha.get(version)}`, { token });
        got[caller] = r.statusCode;
        want[caller] = readers.includes(caller) ? 200 : 404;
        if (r.statusCode === 404) expect(r.json().error.code).toBe('PACKAGE_NOT_FOUND');
      }
      expect(got).toEqual(want);
    },
  );

  it('keeps the public answer cacheable by anyone and a member-only one private; 304 only to a reader', async () => {
    const live = await s.call('GET', `/v1/packages/${sha.get('1.0.7')}`, { token: null });
    expect(live.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(live.headers.etag).toBe(`"${sha.get('1.0.7')}"`);
    const etag = { 'if-none-match': `"${sha.get('1.3.0')}"` };
    const member = await s.call('GET', `/v1/packages/${sha.get('1.3.0')}`, { token: tokens.get('viewer')! });
    expect(member.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const revalidated = await s.call('GET', `/v1/packages/${sha.get('1.3.0')}`, {
      token: tokens.get('viewer')!,
      headers: etag,
    });
    expect(revalidated.statusCode).toBe(304);
    expect(
      (await s.call('GET', `/v1/packages/${sha.get('1.3.0')}`, { token: null, headers: etag })).statusCode,
    ).toBe(404);
  });
});
