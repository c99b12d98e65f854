import { afterEach, describe, expect, it } from 'vitest';
import { MiniReleaseClient } from './api-client.js';
import { json, type StubHandler, type StubServer, startStubServer } from './testing/stub-server.js';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(handler: StubHandler) {
  stub = await startStubServer(handler);
  return { client: new MiniReleaseClient({ baseUrl: stub.url }), stub };
}

describe('MiniReleaseClient data plane', () => {
  it('resolve asks with the short query names', async () => {
    const answer = { appId: 'qinghe-books', version: '1.0.0', channel: 'stable' };
    const { client, stub } = await clientFor(() => json(200, answer));
    expect(await client.resolve('qinghe-books', '张三', { channel: 'experience' })).toEqual(answer);
    expect(stub.last().rawUrl).toBe(
      '/v1/resolve?app=qinghe-books&user=%E5%BC%A0%E4%B8%89&channel=experience',
    );
  });

  it('resolveBatch and search unwrap their items', async () => {
    const items = [{ appId: 'a', version: '1.0.0' }, { error: { code: 'APP_NOT_RELEASED', message: 'no' } }];
    const { client, stub } = await clientFor(() => json(200, { items }));
    expect(
      await client.resolveBatch([
        { app: 'a', user: 'u1' },
        { app: 'a', user: 'u2' },
      ]),
    ).toEqual(items);
    expect(stub.last().json).toEqual([
      { app: 'a', user: 'u1' },
      { app: 'a', user: 'u2' },
    ]);
    expect(await client.search('读书', 'u1')).toEqual(items);
    expect(stub.last().query.get('q')).toBe('读书');
  });

  it('downloads package bytes', async () => {
    const { client, stub } = await clientFor(() => ({ body: new Uint8Array([1, 2, 3]) }));
    expect([...(await client.downloadPackage('ab12'))]).toEqual([1, 2, 3]);
    expect(stub.last().path).toBe('/v1/packages/ab12');
  });
});
