import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { openStream } from '../testing/sse-reader.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';

/**
 * Growth (issue 10, defect 11): every change event carried the app's whole member list, 22 KB per event for an
 * app with 1,000 members. Now a change carries insiders only when it changed them (docs/adr/0008).
 */
describe.each(TEST_DIALECTS)('change events of an app with 1,000 members on %s', (dialect) => {
  let s: TestServer;
  let base: string;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    base = await s.listen();
    const steps = publishSteps(s);
    await steps.create();
    // 999 members straight in the table, then one through the API, whose change carries them all.
    await s.services.db
      .insertInto('members')
      .values(
        Array.from({ length: 999 }, (_, i) => ({
          app_id: APP,
          principal: `member-${i}`,
          role: 'viewer' as const,
        })),
      )
      .execute();
    expect(
      (await s.call('PUT', `/v1/apps/${APP}/members/member-999`, { body: { role: 'viewer' } })).statusCode,
    ).toBe(200);
    await steps.upload('1.0.0');
    await steps.approve('1.0.0');
  });
  afterAll(() => s.close());

  it('sends a gray step in under 2 KB, and a follower still treats every member as an insider', async () => {
    const token = await s.tokenFor('resolver-size', ['resolver']);
    const stream = await openStream(base, token);
    const snapshot = await stream.next();
    expect(snapshot.event).toBe('snapshot');
    const insidersBefore = (JSON.parse(snapshot.data).apps as { appId: string; insiders: string[] }[]).find(
      (a) => a.appId === APP,
    )!.insiders;
    expect(insidersBefore).toHaveLength(1001);

    expect(
      (await s.call('POST', `/v1/apps/${APP}/versions/1.0.0/gray`, { body: { percentage: 1 } })).statusCode,
    ).toBe(200);
    const change = await stream.next();
    expect(change.event).toBe('change');
    const bytes = Buffer.byteLength(change.data);
    expect(bytes, `one change event is ${bytes} bytes`).toBeLessThan(2048);
    expect(JSON.parse(change.data).app.insiders).toBeUndefined();
    const row = await s.services.db
      .selectFrom('events')
      .select('payload')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(Buffer.byteLength(row.payload)).toBeLessThan(2048);
    stream.close();

    // The API's own follower applied the change: member-500 is still always in gray.
    const r = await s.call('GET', `/v1/resolve?app=${APP}&user=member-500`, { token: null });
    expect(r.json()).toMatchObject({ version: '1.0.0', channel: 'gray' });
  });

  it('carries the insiders again in the change that changes them', async () => {
    const token = await s.tokenFor('resolver-size-2', ['resolver']);
    const stream = await openStream(base, token);
    expect((await stream.next()).event).toBe('snapshot');
    expect(
      (await s.call('PUT', `/v1/apps/${APP}/experiencers`, { body: { userIds: ['tester-1'] } })).statusCode,
    ).toBe(200);
    const change = JSON.parse((await stream.next()).data);
    expect(change.app.insiders).toHaveLength(1002);
    expect(change.app.insiders).toContain('tester-1');
    stream.close();
  });
});
