import type { AppRelease } from '@minirelease/core';
import { afterEach, describe, expect, it } from 'vitest';
import { json, type StubServer, startStubServer } from '../testing/stub-server.js';
import { createHostClient, type HostClientOptions } from './host-client.js';
import { parseHostDocument } from './host-document.js';
import { memoryStore } from './host-store.js';

const answer = (version: string) => ({
  appId: 'qinghe-books',
  version,
  channel: 'stable',
  packageUrl: `/v1/packages/sha-${version}`,
  sha256: `sha-${version}`,
  size: 1000,
});
const app = (version: string): AppRelease => ({
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 1,
  live: { version, sha256: `sha-${version}`, size: 1000 },
  gray: null,
  experience: null,
  insiders: [],
});

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** A resolver that answers 1.3.0 until `down`; then it refuses (closed), as after a crash. */
async function resolver() {
  stub = await startStubServer(() => json(200, answer('1.3.0')));
  return stub;
}
const client = (baseUrl: string, options: Partial<HostClientOptions>) =>
  createHostClient({ baseUrl, ...options });

describe('host client: store', () => {
  it('keeps its answers in the store, and a new client serves them stale while the resolver is down', async () => {
    const server = await resolver();
    const store = memoryStore();
    const first = client(server.url, { store });
    const fresh = await first.resolve('qinghe-books', 'u1');
    await first.flush();
    expect(parseHostDocument(store.text).answers).toEqual([
      { appId: 'qinghe-books', userId: 'u1', channel: null, etag: null, result: fresh },
    ]);
    await server.close();
    expect(await client(server.url, { store }).resolve('qinghe-books', 'u1')).toEqual({
      ...fresh,
      stale: true,
    });
  });

  it('asks the resolver again on a restart rather than trusting a kept answer', async () => {
    const server = await resolver();
    const store = memoryStore();
    await client(server.url, { store })
      .resolve('qinghe-books', 'u1')
      .then(() => undefined);
    const before = server.requests.length;
    const second = client(server.url, { store });
    expect(await second.resolve('qinghe-books', 'u1')).toMatchObject({ stale: false });
    expect(server.requests.length).toBe(before + 1);
  });

  it('decides from the newest of the bootstrap and the kept state', async () => {
    const server = await resolver();
    await server.close();
    const kept = { format: 1, answers: [], state: { seq: 9, apps: [app('1.4.0')] } };
    const store = memoryStore(JSON.stringify(kept));
    const older = { seq: 3, apps: [app('1.2.0')] };
    const newer = { seq: 12, apps: [app('1.5.0')] };
    expect(await client(server.url, { store, bootstrap: older }).resolve('qinghe-books', 'u1')).toEqual({
      ...answer('1.4.0'),
      packageUrl: `${server.url}/v1/packages/sha-1.4.0`,
      ok: true,
      stale: true,
    });
    expect(await client(server.url, { store, bootstrap: newer }).resolve('qinghe-books', 'u1')).toMatchObject(
      {
        version: '1.5.0',
        stale: true,
      },
    );
  });

  it('throws UNREACHABLE for an app the bootstrap does not hold, rather than "not found"', async () => {
    const server = await resolver();
    await server.close();
    const bootstrap = { seq: 3, apps: [app('1.2.0')] };
    await expect(client(server.url, { bootstrap }).resolve('other-app', 'u1')).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
  });

  it('refuses a bootstrap that is not a release state when created', () => {
    const bootstrap = { seq: 1, apps: [{ appId: 'x' }] } as unknown as HostClientOptions['bootstrap'];
    expect(() => client('http://127.0.0.1:9', { bootstrap })).toThrow(/bootstrap is not a release state/);
  });

  it('forgets the kept answers on clear() (logout)', async () => {
    const server = await resolver();
    const store = memoryStore();
    const c = client(server.url, { store });
    await c.resolve('qinghe-books', 'u1');
    c.clear();
    await c.flush();
    expect(parseHostDocument(store.text).answers).toEqual([]);
  });

  it('goes on without the store when it cannot be read, and says so', async () => {
    const server = await resolver();
    const errors: unknown[] = [];
    const store = { get: () => Promise.reject(new Error('bridge gone')), set: () => {} };
    const c = client(server.url, { store, onStoreError: (e) => errors.push(e) });
    expect(await c.resolve('qinghe-books', 'u1')).toMatchObject({ ok: true, stale: false });
    expect(errors).toHaveLength(1);
  });
});
