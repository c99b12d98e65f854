import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCheck } from './answer-check.js';
import { startTestServer, type TestServer } from './test-server.js';

describe('answers are checked against /openapi.json', () => {
  let s: TestServer;
  let check: ReturnType<typeof answerCheck>;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    check = answerCheck((await s.call('GET', '/openapi.json')).json());
  });
  afterAll(() => s.close());

  it('passes a real app and a real error', async () => {
    const created = await s.call('POST', '/v1/apps', {
      body: { appId: 'checked-app', name: '青禾读书', brand: '青禾', category: '图书' },
    });
    expect(check('POST', '/v1/apps', 201, created.json())).toEqual([]);
    const missing = await s.call('GET', '/v1/apps/nope-app');
    expect(check('GET', '/v1/apps/nope-app', 404, missing.json())).toEqual([]);
  });

  it('names a field the answer lacks, one it should not have, and a wrong type', async () => {
    const app = (await s.call('GET', '/v1/apps/checked-app')).json() as Record<string, unknown>;
    const { revision: _, ...withoutRevision } = app;
    expect(check('GET', '/v1/apps/checked-app', 200, withoutRevision).join()).toMatch(/revision/);
    expect(check('GET', '/v1/apps/checked-app', 200, { ...app, extra: 1 }).join()).toMatch(
      /additional properties/,
    );
    expect(check('GET', '/v1/apps/checked-app', 200, { ...app, revision: 'x' }).join()).toMatch(
      /\/revision must be/,
    );
  });

  it('picks the static route over a parameter and ignores query strings', () => {
    expect(check('GET', '/v1/apps?limit=1', 200, { items: [{}] }).join()).toMatch(/\/items\/0/);
  });
});
