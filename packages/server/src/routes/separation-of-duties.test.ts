import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = NEW_APP.appId;
const MATERIALS = { testAccount: 'reviewer01', testPassword: 'pw' };

describe.each(TEST_DIALECTS)('separation of duties on %s', (dialect) => {
  let s: TestServer;
  let zip: Buffer;
  let n = 0;
  let version: string;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    zip = await examplePackage();
    expect((await s.call('POST', '/v1/apps', { body: NEW_APP })).statusCode).toBe(201);
  });
  afterAll(() => s.close());
  beforeEach(() => {
    n++;
    version = `1.${n}.0`;
  });

  const ok = async (r: Promise<{ statusCode: number; body: string }>) => {
    const res = await r;
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  };
  const member = (principal: string, role: string | null) =>
    ok(
      role === null
        ? s.call('DELETE', `/v1/apps/${APP}/members/${principal}`)
        : s.call('PUT', `/v1/apps/${APP}/members/${principal}`, { body: { role } }),
    );
  const upload = (token: string) =>
    ok(
      s.call('POST', `/v1/apps/${APP}/versions?version=${version}&description=${encodeURIComponent(NOTES)}`, {
        body: zip,
        token,
      }),
    );
  const step = (action: string, token?: string, body: unknown = {}) =>
    s.call('POST', `/v1/apps/${APP}/versions/${version}/${action}`, {
      body,
      ...(token === undefined ? {} : { token }),
    });
  const approve = (token: string) => step('review', token, { decision: 'approve' });
  /** Ends the case's version so the next may be in flight. */
  const clear = () => ok(step('cancel-review'));

  it('refuses a reviewer its own upload and submission after it left the app', async () => {
    const rev = await s.tokenFor('rev-left', ['reviewer']);
    await member('rev-left', 'developer');
    await upload(rev);
    await ok(step('submit', rev, MATERIALS));
    await member('rev-left', null);
    const r = await approve(rev);
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toMatchObject({
      code: 'SELF_REVIEW',
      details: { version, principal: 'rev-left' },
    });
    expect((await s.call('GET', `/v1/apps/${APP}/versions/${version}`)).json().status).toBe('AUDITING');
    await clear();
  });

  it('refuses a principal whose platform role changed to reviewer after it uploaded', async () => {
    const dev = await s.tokenFor('dev-promoted');
    await member('dev-promoted', 'owner');
    await upload(dev);
    await ok(step('submit', dev, MATERIALS));
    await member('dev-promoted', 'viewer');
    await member('dev-promoted', null);
    const promoted = await s.tokenFor('dev-promoted', ['reviewer']);
    expect((await approve(promoted)).json().error.code).toBe('SELF_REVIEW');
    await clear();
  });

  it('refuses another token of the principal that only submitted, and one that submitted before a cancel', async () => {
    const dev = await s.tokenFor('dev-upload');
    await member('dev-upload', 'developer');
    await member('sub-1', 'developer');
    await upload(dev);
    const first = await s.tokenFor('sub-1');
    await ok(step('submit', first, MATERIALS));
    await ok(step('cancel-review'));
    await ok(step('submit', dev, MATERIALS)); // the version's submitter is now dev-upload
    await member('sub-1', null);
    const second = await s.tokenFor('sub-1', ['reviewer']);
    expect((await approve(second)).json().error.code).toBe('SELF_REVIEW');
    await clear();
  });

  it('lets a reviewer who neither uploaded nor submitted approve', async () => {
    const dev = await s.tokenFor('dev-ok');
    await member('dev-ok', 'developer');
    await upload(dev);
    await ok(step('submit', dev, MATERIALS));
    const other = await s.tokenFor('rev-other', ['reviewer']);
    const r = await approve(other);
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('WAIT_RELEASE');
    await clear();
  });
});
