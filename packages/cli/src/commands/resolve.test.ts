import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDeps } from '../testing/command-deps.js';
import { resolveCommand } from './resolve.js';

let stub: StubServer;
afterEach(() => stub.close());

/** Every third user is in gray; during a first release the others get APP_NOT_RELEASED. */
function batchAnswer(body: unknown) {
  const items = (body as { app: string; user: string }[]).map(({ app, user }) => {
    const n = Number(user.slice('user-'.length));
    if (n % 3 === 0)
      return { appId: app, version: '1.0.0', channel: 'gray', packageUrl: '/p', sha256: 's', size: 1 };
    return { error: { code: 'APP_NOT_RELEASED', message: 'not released' } };
  });
  return json(200, { items });
}

describe('resolveCommand --users', () => {
  it('resolves user-1..N in batches of at most 1000 and reports the gray share', async () => {
    stub = await startStubServer((req) => batchAnswer(req.json));
    const { deps, io } = commandDeps(stub.url, { json: true });
    expect(await resolveCommand({ app: 'qinghe-books', users: 2500 }, deps)).toBe(0);
    const sizes = stub.requests.map((r) => (r.json as unknown[]).length);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(stub.requests.every((r) => r.method === 'POST' && r.path === '/v1/resolve/batch')).toBe(true);
    expect((stub.requests[2]!.json as { user: string }[])[0]).toEqual({
      app: 'qinghe-books',
      user: 'user-2001',
    });
    expect(io.stdoutJson()).toEqual({
      appId: 'qinghe-books',
      users: 2500,
      gray: 833,
      stable: 0,
      experience: 0,
      notResolved: { APP_NOT_RELEASED: 1667 },
      grayShare: 33.32,
    });
  });

  it('says it in one line for people', async () => {
    stub = await startStubServer((req) => batchAnswer(req.json));
    const { deps, io } = commandDeps(stub.url);
    await resolveCommand({ app: 'qinghe-books', users: 9 }, deps);
    expect(io.stdoutText()).toBe(
      'qinghe-books over 9 users: 3 gray, 0 stable, 6 APP_NOT_RELEASED; gray share 33.33 %\n',
    );
  });
});

describe('resolveCommand --user', () => {
  it('asks the data plane for one user, with the channel', async () => {
    const answer = {
      appId: 'qinghe-books',
      version: '1.0.0',
      channel: 'stable',
      packageUrl: '/v1/packages/ab',
      sha256: 'ab',
      size: 1,
    };
    stub = await startStubServer(() => json(200, answer));
    const { deps, io } = commandDeps(stub.url);
    await resolveCommand({ app: 'qinghe-books', user: '张三', channel: 'experience' }, deps);
    expect(stub.last().query.get('user')).toBe('张三');
    expect(stub.last().query.get('channel')).toBe('experience');
    expect(io.stdoutText()).toBe('张三 → qinghe-books 1.0.0 stable /v1/packages/ab\n');
  });
});
