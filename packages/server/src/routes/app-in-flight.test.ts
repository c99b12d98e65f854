import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';

/** The apps list says which version is on its way and where it stands, read with the page (no call per app). */
describe.each(TEST_DIALECTS)('an app carries its version in flight on %s', (dialect) => {
  let s: TestServer;
  const listed = async () => (await s.call('GET', '/v1/apps')).json().items[0].inFlight;
  const shown = async () => (await s.call('GET', `/v1/apps/${APP}`)).json().inFlight;

  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s?.close());

  it('follows the version from upload to publish, in the list and on the app', async () => {
    const steps = publishSteps(s);
    await steps.create();
    expect(await listed()).toBeNull();
    await steps.upload('1.0.0');
    // Uploaded, not yet submitted: in development, not on its way.
    expect(await listed()).toBeNull();
    const submitted = await s.call('POST', `/v1/apps/${APP}/versions/1.0.0/submit`, {
      body: { testAccount: 'reviewer01', testPassword: '123456' },
    });
    expect(submitted.statusCode).toBe(200);
    expect(await listed()).toEqual({ version: '1.0.0', status: 'AUDITING' });
    const reviewed = await s.call('POST', `/v1/apps/${APP}/versions/1.0.0/review`, {
      body: { decision: 'approve' },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(await listed()).toEqual({ version: '1.0.0', status: 'WAIT_RELEASE' });
    await steps.gray('1.0.0', 10);
    expect(await listed()).toEqual({ version: '1.0.0', status: 'GRAY' });
    expect(await shown()).toEqual({ version: '1.0.0', status: 'GRAY' });
    await steps.publish('1.0.0');
    expect(await listed()).toBeNull();
    expect(await shown()).toBeNull();
  });
});
