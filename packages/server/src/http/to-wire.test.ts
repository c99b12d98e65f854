import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appStore } from '../storage/app-store.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { appsToWire, appToWire } from './to-wire.js';

/** Counts the queries a piece of code sends. */
function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

describe('a page of apps as resources', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    for (let i = 0; i < 25; i++) {
      const appId = `page-app-${String(i).padStart(2, '0')}`;
      await s.call('POST', '/v1/apps', {
        body: { appId, name: `青禾读书${i}`, brand: '青禾', category: '图书' },
      });
      await s.call('PUT', `/v1/apps/${appId}/members/dev-${i}`, { body: { role: 'developer' } });
      await s.call('PUT', `/v1/apps/${appId}/experiencers`, { body: { userIds: [`u${i}`, `v${i}`] } });
    }
  });
  afterAll(() => s.close());

  it('takes five queries for one app and five for 25 (the open gray plans one of them)', async () => {
    const rows = await appStore.list(s.services.db, { limit: 25 });
    expect(rows).toHaveLength(25);
    const one = queryCounter();
    await appToWire(s.services.db.withPlugin(one), rows[0]!);
    const many = queryCounter();
    const apps = await appsToWire(s.services.db.withPlugin(many), rows);
    expect(one.count).toBe(5);
    expect(many.count).toBe(5);
    expect(apps[7]).toMatchObject({
      appId: 'page-app-07',
      experiencers: ['u7', 'v7'],
      members: [
        { principal: 'admin', role: 'owner' },
        { principal: 'dev-7', role: 'developer' },
      ],
    });
  });

  it('answers each app as GET /v1/apps/:app does', async () => {
    const listed = (await s.call('GET', '/v1/apps?limit=25')).json().items as { appId: string }[];
    for (const app of listed.slice(0, 5)) {
      expect((await s.call('GET', `/v1/apps/${app.appId}`)).json()).toEqual(app);
    }
  });
});
