import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResolverServer, type ResolverServer, toSnapshot } from '@minirelease/resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const USERS = Array.from({ length: 500 }, (_, i) => ({ app: 'qinghe-books', user: `user-${i}` }));

/** What a host gets for 500 users, from the API's in-process resolver or a resolver process. */
async function answers(app: { inject: ResolverServer['app']['inject'] }) {
  const r = await app.inject({ method: 'POST', url: '/v1/resolve/batch', payload: USERS });
  return r.json().items;
}

describe('a resolver process following a test API over the network', () => {
  let api: TestServer;
  let base: string;
  let token: string;
  let dir: string;
  let proxy: TcpProxy;
  let steps: ReturnType<typeof publishSteps>;
  const resolvers: ResolverServer[] = [];

  const resolver = async (name: string, upstream: string) => {
    const r = await createResolverServer({
      upstream,
      token,
      dataDir: join(dir, name),
      snapshotDebounceMs: 10,
      stream: { backoff: { initialMs: 20, maxMs: 100 } },
    });
    resolvers.push(r);
    r.client.start();
    return r;
  };
  const caughtUp = (r: ResolverServer) => until(() => r.state.snapshot.seq === api.resolver.snapshot.seq);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-resolver-'));
    // Parts of two apps, so every fresh resolver here assembles its snapshot from several events.
    api = await startTestServer('sqlite', { stream: { snapshotPartApps: 2 } });
    base = await api.listen();
    proxy = await startTcpProxy(base);
    token = await api.tokenFor('resolver-1', ['resolver']);
    steps = publishSteps(api);
    await steps.liveAndApproved();
    for (const n of [1, 2, 3, 4]) {
      const r = await api.call('POST', '/v1/apps', {
        body: { appId: `other-app-${n}`, name: `青禾读书${n}号`, brand: '青禾', category: '图书' },
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    for (const r of resolvers) await r.app.close();
    await proxy.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('follows gray as it widens, answering every user as the API does', async () => {
    const r = await resolver('follow', base);
    await caughtUp(r);
    // Caught up by the binary snapshot first; the stream follows right after it.
    await until(() => r.client.connected);
    expect((await r.app.inject({ url: '/readyz' })).json()).toMatchObject({
      seq: api.resolver.snapshot.seq,
      snapshotAgeMs: 0,
      upstream: 'connected',
    });
    for (const percentage of [5, 30, 60]) {
      await steps.gray('1.1.0', percentage);
      await caughtUp(r);
      expect(await answers(r.app)).toEqual(await answers(api.app));
    }
    const gray = (await answers(r.app)).filter((a: { channel: string }) => a.channel === 'gray').length;
    expect(gray).toBeGreaterThan(250);
    await r.snapshotFile.flush();
    const saved = await r.snapshotFile.load();
    expect(toSnapshot(saved!.snapshot)).toEqual(toSnapshot(r.state.snapshot));
  });

  it('restarted with its upstream down, answers from its disk snapshot', async () => {
    const first = await resolver('restart', base);
    await caughtUp(first);
    const before = await answers(first.app);
    await first.app.close();
    const restarted = await resolver('restart', 'http://127.0.0.1:9');
    const ready = await restarted.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ seq: api.resolver.snapshot.seq, upstream: 'disconnected' });
    expect(await answers(restarted.app)).toEqual(before);
    expect(restarted.client.stats.connects).toBe(0);
  });

  it('cut off from upstream, catches up by Last-Event-ID and ends identical to a fresh resolver', async () => {
    const r = await resolver('cut', proxy.url);
    await caughtUp(r);
    proxy.cut();
    await until(() => !r.client.connected);
    const seqBefore = r.state.snapshot.seq;
    await steps.gray('1.1.0', 80);
    await steps.experiencers(['tester-1', '张三']);
    await steps.publish('1.1.0');
    expect(r.state.snapshot.seq).toBe(seqBefore);
    proxy.restore();
    await caughtUp(r);
    expect(r.client.stats).toMatchObject({ snapshots: 1, changes: 3 });
    const fresh = await resolver('fresh', base);
    await caughtUp(fresh);
    expect(fresh.state.snapshot.apps.size).toBe(5);
    expect(toSnapshot(r.state.snapshot)).toEqual(toSnapshot(fresh.state.snapshot));
    expect(await answers(r.app)).toEqual(await answers(api.app));
  });

  it('is not ready, and says so, while its token may not read the stream', async () => {
    const reviewer = await api.tokenFor('a-reviewer', ['reviewer']);
    const r = await createResolverServer({ upstream: base, token: reviewer, dataDir: join(dir, 'refused') });
    resolvers.push(r);
    r.client.start();
    // Refused, not merely not tried yet: wait for a refused attempt.
    await until(() => r.client.stats.failures >= 1);
    const ready = await r.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ upstream: 'disconnected' });
    expect(r.client.stats.connects).toBe(0);
  });
});
