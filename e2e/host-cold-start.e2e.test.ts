/**
 * Issue 11: a host restarted while the resolver is down still opens the app. A real server (SQLite, its HTTP
 * port) behind a TCP proxy that can cut it off; host clients with a file store, each a new instance as after
 * a restart of the host.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostClient, exportBootstrap, type HostResolveResult } from '@minirelease/sdk';
import { fileStore } from '@minirelease/sdk/node';
import { afterEach, describe, expect, it } from 'vitest';
import { publishSteps } from '../packages/server/src/testing/publish-steps.js';
import { startTcpProxy, type TcpProxy } from '../packages/server/src/testing/tcp-proxy.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';

const APP = 'qinghe-books';
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** qinghe-books with 1.0.0 published and 1.1.0 in gray at 30 %, served on a port behind a proxy. */
async function setup(): Promise<{ server: TestServer; url: string; proxy: TcpProxy; dir: string }> {
  const server = await startTestServer('sqlite');
  cleanup.push(() => server.close());
  const steps = publishSteps(server);
  await steps.liveAndApproved();
  await steps.gray('1.1.0', 30);
  const url = await server.listen();
  const proxy = await startTcpProxy(url);
  cleanup.push(() => proxy.close());
  const dir = await mkdtemp(join(tmpdir(), 'minirelease-host-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  return { server, url, proxy, dir };
}

const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);

describe('host client: cold start', () => {
  it('restarted while the resolver is down, answers a user it never asked about (stale), then fresh', async () => {
    const { server, url, proxy, dir } = await setup();
    // Build time: the host's release state, read with a resolver token, shipped beside its code.
    const token = await server.tokenFor('host-build', ['resolver']);
    const bootstrap = JSON.parse(JSON.stringify(await exportBootstrap({ baseUrl: url, token, apps: [APP] })));
    const path = join(dir, 'state', 'minirelease.json');
    const clock = { t: 1_000_000 };
    const host = () =>
      createHostClient({ baseUrl: proxy.url, store: fileStore(path), bootstrap, now: () => clock.t });

    // First run: one user asked about while the resolver is up; the answer is kept on disk.
    const first = host();
    const seen = await first.resolve(APP, 'user-0');
    expect(seen).toMatchObject({ ok: true, stale: false, packageUrl: expect.stringMatching(/^http:\/\//) });
    await first.flush();

    // Restart, resolver unreachable.
    proxy.cut();
    const second = host();
    expect(await second.resolve(APP, 'user-0')).toEqual({ ...seen, stale: true });
    const offline = new Map<string, HostResolveResult>();
    for (const user of users.slice(1)) offline.set(user, await second.resolve(APP, user));

    // The resolver is back: after retryAfter the same client gets fresh answers, the ones decided offline.
    proxy.restore();
    clock.t += 5_000;
    const channels = new Set<string>();
    for (const [user, stale] of offline) {
      const fresh = await second.resolve(APP, user);
      expect(fresh.stale).toBe(false);
      expect(stale).toEqual({ ...fresh, stale: true });
      if (fresh.ok) channels.add(`${fresh.channel} ${fresh.version}`);
    }
    // The exact gray hash: users both in and out of the 30 % were decided as the resolver decides them.
    expect(channels).toEqual(new Set(['gray 1.1.0', 'stable 1.0.0']));
  });

  it('with no bootstrap and a user never seen, a cold start without the resolver is UNREACHABLE', async () => {
    const { proxy, dir } = await setup();
    proxy.cut();
    const client = createHostClient({ baseUrl: proxy.url, store: fileStore(join(dir, 'm.json')) });
    await expect(client.resolve(APP, 'user-1')).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});
