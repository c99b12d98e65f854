import { afterEach, describe, expect, it } from 'vitest';
import { MiniReleaseClient } from './api-client.js';
import { json, type StubHandler, type StubServer, startStubServer } from './testing/stub-server.js';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(handler: StubHandler, token = 'tok-secret') {
  stub = await startStubServer(handler);
  return { client: new MiniReleaseClient({ baseUrl: `${stub.url}/`, token }), stub };
}

const app = { appId: 'qinghe-books', name: '青禾读书', revision: 3 };
const version = { appId: 'qinghe-books', version: '1.0.0', status: 'INIT' };

describe('MiniReleaseClient requests', () => {
  it('whoami sends the bearer token and asks for JSON', async () => {
    const { client, stub } = await clientFor(() => json(200, { principal: 'alice', roles: ['admin'] }));
    expect(await client.whoami()).toEqual({ principal: 'alice', roles: ['admin'] });
    expect(stub.last()).toMatchObject({ method: 'GET', path: '/v1/whoami' });
    expect(stub.last().headers.authorization).toBe('Bearer tok-secret');
    expect(stub.last().headers.accept).toBe('application/json');
  });

  it('createApp posts the body as JSON and returns the 201 answer', async () => {
    const { client, stub } = await clientFor(() => json(201, app));
    const input = { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' };
    expect(await client.createApp(input)).toEqual(app);
    expect(stub.last()).toMatchObject({ method: 'POST', path: '/v1/apps', json: input });
    expect(stub.last().headers['content-type']).toBe('application/json');
  });

  it('percent-encodes Chinese app ids, versions and principals in the path', async () => {
    const { client, stub } = await clientFor(() => json(200, app));
    await client.setMember('青禾', '张三/李四', 'developer');
    expect(stub.last().rawUrl).toBe(
      '/v1/apps/%E9%9D%92%E7%A6%BE/members/%E5%BC%A0%E4%B8%89%2F%E6%9D%8E%E5%9B%9B',
    );
    expect(stub.last()).toMatchObject({ method: 'PUT', json: { role: 'developer' } });
    await client.getVersion('青禾', '1.0.0');
    expect(stub.last().path).toBe('/v1/apps/青禾/versions/1.0.0');
  });

  it('uploads the raw zip with version and a Chinese description in the query, spaces as %20', async () => {
    const { client, stub } = await clientFor(() => json(201, { ...version, report: { ok: true } }));
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);
    const answer = await client.uploadVersion('qinghe-books', {
      version: '1.0.0',
      description: '首个 版本',
      zip,
    });
    expect(answer.report.ok).toBe(true);
    const req = stub.last();
    expect(req).toMatchObject({ method: 'POST', path: '/v1/apps/qinghe-books/versions' });
    expect(req.rawUrl).toContain('?version=1.0.0&description=%E9%A6%96%E4%B8%AA%20%E7%89%88%E6%9C%AC');
    expect(req.query.get('description')).toBe('首个 版本');
    expect(req.headers['content-type']).toBe('application/zip');
    expect([...req.body]).toEqual([...zip]);
  });

  it('streams an upload with progress, still sending its length', async () => {
    const { client, stub } = await clientFor(() => json(201, version));
    const zip = new Uint8Array(200_000).map((_, i) => i % 251);
    const seen: number[] = [];
    await client.uploadVersion('qinghe-books', {
      version: '1.0.1',
      description: 'x',
      zip,
      onProgress: (sent, total) => {
        expect(total).toBe(zip.length);
        seen.push(sent);
      },
    });
    expect(seen.at(-1)).toBe(zip.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(stub.last().headers['content-length']).toBe(String(zip.length));
    expect(stub.last().body.equals(Buffer.from(zip))).toBe(true);
  });

  it('sends If-Match as a quoted revision', async () => {
    const { client, stub } = await clientFor(() => json(200, { ...version, status: 'GRAY' }));
    await client.gray('qinghe-books', '1.0.0', 'p30', { ifMatch: 7 });
    expect(stub.last()).toMatchObject({
      path: '/v1/apps/qinghe-books/versions/1.0.0/gray',
      json: { percentage: 'p30' },
    });
    expect(stub.last().headers['if-match']).toBe('"7"');
  });

  it('posts actions without a body when they take none', async () => {
    const { client, stub } = await clientFor(() => json(200, { ...version, status: 'RELEASE' }));
    await client.publish('qinghe-books', '1.0.0');
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: '/v1/apps/qinghe-books/versions/1.0.0/publish',
    });
    expect(stub.last().body.length).toBe(0);
    expect(stub.last().headers['content-type']).toBeUndefined();
  });

  it('review, submit and rollback send their bodies', async () => {
    const { client, stub } = await clientFor(() => json(200, version));
    await client.review('qinghe-books', '1.0.0', {
      decision: 'reject',
      reasons: ['NAME_TOO_GENERIC'],
      comment: '改名',
    });
    expect(stub.last().json).toEqual({ decision: 'reject', reasons: ['NAME_TOO_GENERIC'], comment: '改名' });
    await client.submit('qinghe-books', '1.0.0', { testAccount: 'demo', notes: '无' });
    expect(stub.last()).toMatchObject({
      path: '/v1/apps/qinghe-books/versions/1.0.0/submit',
      json: { testAccount: 'demo' },
    });
    await client.rollback('qinghe-books');
    expect(stub.last()).toMatchObject({ path: '/v1/apps/qinghe-books/rollback', json: {} });
  });

  it('lists with cursor and limit, leaving out what is not given', async () => {
    const { client, stub } = await clientFor(() => json(200, { items: [], nextCursor: 'c2' }));
    expect(await client.auditLog('qinghe-books', { cursor: 'c1', limit: 5 })).toEqual({
      items: [],
      nextCursor: 'c2',
    });
    expect(stub.last().rawUrl).toBe('/v1/apps/qinghe-books/audit-log?cursor=c1&limit=5');
    await client.listApps();
    expect(stub.last().rawUrl).toBe('/v1/apps');
  });

  it('answers undefined for a 204', async () => {
    const { client, stub } = await clientFor(() => ({ status: 204 }));
    expect(await client.revokeToken('tok_1')).toBeUndefined();
    expect(stub.last()).toMatchObject({ method: 'DELETE', path: '/v1/tokens/tok_1' });
  });
});
