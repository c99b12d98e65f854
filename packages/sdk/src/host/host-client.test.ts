import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import {
  apiError,
  json,
  type StubHandler,
  type StubServer,
  startStubServer,
} from '../testing/stub-server.js';
import { createHostClient, type HostClientOptions } from './host-client.js';

const answer = (version: string) => ({
  appId: 'qinghe-books',
  version,
  channel: 'stable',
  packageUrl: `/v1/packages/sha-${version}`,
  sha256: `sha-${version}`,
  size: 1000,
});

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** A host client on a real loopback server, a hand-moved clock and a count of the requests really sent. */
async function setup(handler: StubHandler, options: Partial<HostClientOptions> = {}) {
  stub = await startStubServer(handler);
  const clock = { t: 1_000_000 };
  let sent = 0;
  const client = createHostClient({
    baseUrl: stub.url,
    cacheTtlMs: 60_000,
    retryAfterMs: 5_000,
    now: () => clock.t,
    fetch: (input, init) => {
      sent++;
      return fetch(input, init);
    },
    ...options,
  });
  return { client, clock, server: stub, sent: () => sent };
}

describe('host client: cache', () => {
  it('answers again from the cache within the TTL, one request in all', async () => {
    const { client, clock, server, sent } = await setup(() => json(200, answer('1.3.0')));
    expect(await client.resolve('qinghe-books', '张三')).toEqual({
      ...answer('1.3.0'),
      packageUrl: `${server.url}/v1/packages/sha-1.3.0`,
      ok: true,
      stale: false,
    });
    clock.t += 59_999;
    expect(await client.resolve('qinghe-books', '张三')).toMatchObject({ version: '1.3.0', stale: false });
    expect(sent()).toBe(1);
    expect(server.last().rawUrl).toBe('/v1/resolve?app=qinghe-books&user=%E5%BC%A0%E4%B8%89');
  });

  it('makes packageUrl absolute: a path against baseUrl, a full URL (a CDN) as it is', async () => {
    const cdn = { ...answer('1.3.0'), packageUrl: 'https://cdn.example.com/p/sha-1.3.0' };
    const { client, server } = await setup((req) =>
      json(200, req.rawUrl.includes('cdn') ? cdn : answer('1.3.0')),
    );
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({
      packageUrl: `${server.url}/v1/packages/sha-1.3.0`,
    });
    expect(await client.resolve('cdn', 'u1')).toMatchObject({
      packageUrl: 'https://cdn.example.com/p/sha-1.3.0',
    });
  });

  it('keeps users and channels apart', async () => {
    const { client, server } = await setup((req) =>
      json(200, answer(req.query.get('channel') === 'experience' ? '1.5.0' : `1.3.${req.query.get('user')}`)),
    );
    expect(await client.resolve('qinghe-books', '1')).toMatchObject({ version: '1.3.1' });
    expect(await client.resolve('qinghe-books', '2')).toMatchObject({ version: '1.3.2' });
    expect(await client.resolve('qinghe-books', '1', { channel: 'experience' })).toMatchObject({
      version: '1.5.0',
    });
    expect(server.requests).toHaveLength(3);
  });

  it('sends one request for callers asking the same at once', async () => {
    const { client, sent } = await setup(() => json(200, answer('1.3.0')));
    const all = await Promise.all([1, 2, 3].map(() => client.resolve('qinghe-books', 'u1')));
    expect(all.map((r) => r.ok && r.version)).toEqual(['1.3.0', '1.3.0', '1.3.0']);
    expect(sent()).toBe(1);
  });

  it('after the TTL asks again without If-None-Match while the server sends no ETag, and takes the new answer', async () => {
    let version = '1.3.0';
    const { client, clock, server } = await setup(() => json(200, answer(version)));
    await client.resolve('qinghe-books', 'u1');
    version = '1.4.0';
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.4.0', stale: false });
    expect(server.requests).toHaveLength(2);
    expect(server.last().headers['if-none-match']).toBeUndefined();
  });

  it('revalidates with the answer’s ETag and keeps the answer on 304 for another TTL', async () => {
    const { client, clock, server } = await setup((req) =>
      req.headers['if-none-match'] === '"r7"'
        ? { status: 304, headers: { etag: '"r7"' } }
        : { ...json(200, answer('1.3.0')), headers: { etag: '"r7"' } },
    );
    await client.resolve('qinghe-books', 'u1');
    clock.t += 61_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: false });
    expect(server.last().headers['if-none-match']).toBe('"r7"');
    clock.t += 59_000;
    await client.resolve('qinghe-books', 'u1');
    expect(server.requests).toHaveLength(2);
  });

  it('caches "nothing to launch" as a value, like an answer', async () => {
    const { client, server } = await setup(() =>
      apiError(404, 'APP_NOT_RELEASED', 'qinghe-books: the app is not released to this user yet'),
    );
    const expected = {
      ok: false,
      appId: 'qinghe-books',
      code: 'APP_NOT_RELEASED',
      message: 'qinghe-books: the app is not released to this user yet',
      stale: false,
    };
    expect(await client.resolve('qinghe-books', 'u1')).toEqual(expected);
    expect(await client.resolve('qinghe-books', 'u1')).toEqual(expected);
    expect(server.requests).toHaveLength(1);
  });

  it('throws a refused request (400) and does not cache it', async () => {
    const { client, server } = await setup(() => apiError(400, 'VALIDATION_FAILED', 'user is too long'));
    await expect(client.resolve('qinghe-books', 'u1')).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    await expect(client.resolve('qinghe-books', 'u1')).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('host client: fail-static', () => {
  it('serves the last answer, stale, when the resolver refuses connections, and tries again later', async () => {
    const { client, clock, server, sent } = await setup(() => json(200, answer('1.3.0')));
    await client.resolve('qinghe-books', 'u1');
    await server.close();
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toEqual({
      ...answer('1.3.0'),
      packageUrl: `${server.url}/v1/packages/sha-1.3.0`,
      ok: true,
      stale: true,
    });
    expect(sent()).toBe(2);
    clock.t += 4_999; // within retryAfterMs: no new attempt
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ stale: true });
    expect(sent()).toBe(2);
    clock.t += 1;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ stale: true });
    expect(sent()).toBe(3);
  });

  it('serves the last answer on a 500 and returns to fresh answers when the resolver recovers', async () => {
    let down = false;
    const { client, clock } = await setup(() =>
      down ? apiError(500, 'INTERNAL', 'boom') : json(200, answer(clock.t > 1_100_000 ? '1.4.0' : '1.3.0')),
    );
    await client.resolve('qinghe-books', 'u1');
    down = true;
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: true });
    down = false;
    clock.t += 50_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.4.0', stale: false });
  });

  it('keeps a cached "nothing to launch" through an outage too', async () => {
    let down = false;
    const { client, clock } = await setup(() =>
      down
        ? { status: 503, body: 'upstream down' }
        : apiError(404, 'APP_OFFLINE', 'qinghe-books: the app is offline'),
    );
    await client.resolve('qinghe-books', 'u1');
    down = true;
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({
      ok: false,
      code: 'APP_OFFLINE',
      stale: true,
    });
  });

  it('keeps the good answer through a resolver not ready yet (503) and asks again after its Retry-After', async () => {
    let ready = true;
    const { client, clock, sent } = await setup(() =>
      ready
        ? json(200, answer('1.3.0'))
        : {
            ...apiError(503, 'RESOLVER_NOT_READY', 'the resolver has not loaded the release state yet'),
            headers: { 'retry-after': '20' },
          },
    );
    await client.resolve('qinghe-books', 'u1');
    ready = false;
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({
      version: '1.3.0',
      ok: true,
      stale: true,
    });
    clock.t += 19_999; // the server's Retry-After (20 s), not retryAfterMs (5 s)
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: true });
    expect(sent()).toBe(2);
    ready = true;
    clock.t += 1;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: false });
    expect(sent()).toBe(3);
  });

  it('throws RESOLVER_NOT_READY, never a "nothing to launch", when a resolver not ready is all there is', async () => {
    const { client } = await setup(() => apiError(503, 'RESOLVER_NOT_READY', 'not ready'));
    await expect(client.resolve('qinghe-books', 'u1')).rejects.toMatchObject({
      status: 503,
      code: 'RESOLVER_NOT_READY',
    });
  });

  it('treats a hung resolver as unreachable after timeoutMs', async () => {
    let hang = false;
    const { client, clock } = await setup(() => (hang ? new Promise(() => {}) : json(200, answer('1.3.0'))), {
      timeoutMs: 100,
    });
    await client.resolve('qinghe-books', 'u1');
    hang = true;
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: true });
  });

  it('throws UNREACHABLE or the 5xx when there is no answer to fall back on', async () => {
    const { client, server } = await setup(() => apiError(502, 'INTERNAL', 'bad gateway'));
    await expect(client.resolve('qinghe-books', 'u1')).rejects.toMatchObject({ status: 502 });
    await server.close();
    await expect(client.resolve('qinghe-books', 'u2')).rejects.toMatchObject({
      status: 0,
      code: 'UNREACHABLE',
    });
  });

  it('does not take a proxy’s HTML page for an answer', async () => {
    let portal = false;
    const { client, clock } = await setup(() =>
      portal ? { status: 200, body: '<html>log in to the Wi-Fi</html>' } : json(200, answer('1.3.0')),
    );
    await client.resolve('qinghe-books', 'u1');
    portal = true;
    clock.t += 60_000;
    expect(await client.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.3.0', stale: true });
  });
});
