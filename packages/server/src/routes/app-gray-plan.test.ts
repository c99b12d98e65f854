import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const PLAN = `/v1/apps/${APP}/versions/1.1.0/gray-plan`;

/** The apps list badges a halted gray from `grayPlan`, read with the page: never one health read per app. */
describe.each(TEST_DIALECTS)('an app carries its open gray plan on %s', (dialect) => {
  let s: TestServer;
  const listed = async () => (await s.call('GET', '/v1/apps')).json().items[0].grayPlan;
  const shown = async () => (await s.call('GET', `/v1/apps/${APP}`)).json().grayPlan;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    await publishSteps(s).liveAndApproved();
  });
  afterAll(() => s?.close());

  it('has none before a plan is set', async () => {
    expect(await listed()).toBeNull();
    expect(await shown()).toBeNull();
  });

  it('shows the plan active, then paused, in the list and on the app', async () => {
    await s.call('PUT', PLAN, { body: { steps: [1, 5], soakMinutes: 30, minLaunches: 500 } });
    expect(await listed()).toEqual({ version: '1.1.0', state: 'active' });
    await s.call('POST', `${PLAN}/pause`);
    expect(await listed()).toEqual({ version: '1.1.0', state: 'paused' });
    expect(await shown()).toEqual({ version: '1.1.0', state: 'paused' });
  });

  it('has none once a person’s move ended the plan', async () => {
    await s.call('POST', `/v1/apps/${APP}/versions/1.1.0/publish`);
    expect(await listed()).toBeNull();
  });
});
