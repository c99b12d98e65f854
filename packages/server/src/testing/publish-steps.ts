import { examplePackage, NEW_APP, NOTES } from './fixtures.js';
import type { TestServer } from './test-server.js';

const APP = NEW_APP.appId;

async function ok(s: TestServer, method: string, url: string, body?: unknown) {
  const r = await s.call(method, url, body === undefined ? {} : { body });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** Steps of the pipeline over HTTP on qinghe-books, each one committed change (one event). */
export function publishSteps(s: TestServer) {
  const step = (version: string, action: string, body: unknown = {}) =>
    ok(s, 'POST', `/v1/apps/${APP}/versions/${version}/${action}`, body);
  const steps = {
    create: () => ok(s, 'POST', '/v1/apps', NEW_APP),
    upload: async (version: string): Promise<{ sha256: string; size: number }> =>
      ok(
        s,
        'POST',
        `/v1/apps/${APP}/versions?version=${version}&description=${encodeURIComponent(NOTES)}`,
        await examplePackage(),
      ),
    /** submit and approve: two events. */
    approve: async (version: string) => {
      await step(version, 'submit', { testAccount: 'reviewer01', testPassword: 'pw' });
      await step(version, 'review', { decision: 'approve' });
    },
    gray: (version: string, percentage: number) => step(version, 'gray', { percentage }),
    publish: (version: string) => step(version, 'publish'),
    experiencers: (userIds: string[]) => ok(s, 'PUT', `/v1/apps/${APP}/experiencers`, { userIds }),
    /** The app created, 1.0.0 live and 1.1.0 approved: where gray, health and stream tests start. */
    liveAndApproved: async () => {
      await steps.create();
      await steps.upload('1.0.0');
      await steps.approve('1.0.0');
      await steps.publish('1.0.0');
      await steps.upload('1.1.0');
      await steps.approve('1.1.0');
    },
  };
  return steps;
}
