import { json, type StubHandler, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

let stub: StubServer;
afterEach(() => stub.close());

const app = {
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  category: '图书',
  visibility: 'online',
  revision: 1,
  liveVersion: null,
  grayVersion: null,
  grayPercentage: null,
  experienceVersion: null,
  members: [{ principal: 'admin', role: 'owner' }],
};

async function run(args: string[], handler: StubHandler = () => json(200, app)) {
  stub = await startStubServer(handler);
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, io };
}

describe('app', () => {
  it('create sends the app and prints it', async () => {
    const args = [
      'app',
      'create',
      '--app',
      'qinghe-books',
      '--name',
      '青禾读书',
      '--brand',
      '青禾',
      '--category',
      '图书',
    ];
    const { code, io } = await run(args, () => json(201, app));
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: '/v1/apps',
      json: { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' },
    });
    expect(io.stdoutText()).toContain('created app\nqinghe-books  青禾读书');
  });

  it('show --json prints the app as the server gave it', async () => {
    const { io } = await run(['app', 'show', '--app', 'qinghe-books', '--json']);
    expect(stub.last().path).toBe('/v1/apps/qinghe-books');
    expect(io.stdoutJson()).toEqual(app);
  });

  it('list passes the page options and prints a table', async () => {
    const { io } = await run(['app', 'list', '--limit', '5'], () =>
      json(200, { items: [app], nextCursor: 'n1' }),
    );
    expect(stub.last().rawUrl).toBe('/v1/apps?limit=5');
    expect(io.stdoutText()).toContain('qinghe-books  青禾读书  online');
    expect(io.stdoutText()).toContain('more: --cursor n1');
  });

  it('list and show say which version is in flight and where it stands', async () => {
    const inReview = { ...app, liveVersion: '1.0.0', inFlight: { version: '1.1.0', status: 'AUDITING' } };
    const listed = await run(['app', 'list'], () => json(200, { items: [inReview] }));
    const [head, row] = listed.io.stdoutText().split('\n');
    expect(head).toMatch(/live\s+in flight\s+gray/);
    expect(row).toMatch(/1\.0\.0\s+1\.1\.0 AUDITING/);
    await stub.close();
    const shown = await run(['app', 'show', '--app', 'qinghe-books'], () => json(200, inReview));
    expect(shown.io.stdoutText()).toContain('in flight 1.1.0 (AUDITING)');
  });

  it('member sets a role, or removes the member', async () => {
    await run(['app', 'member', '--app', 'qinghe-books', '--principal', '李四', '--role', 'developer']);
    expect(stub.last()).toMatchObject({
      method: 'PUT',
      path: '/v1/apps/qinghe-books/members/李四',
      json: { role: 'developer' },
    });
    await stub.close();
    await run(['app', 'member', '--app', 'qinghe-books', '--principal', '李四', '--remove']);
    expect(stub.last()).toMatchObject({ method: 'DELETE', path: '/v1/apps/qinghe-books/members/李四' });
  });

  it('member without --role or --remove is a usage error', async () => {
    const { code } = await run(['app', 'member', '--app', 'qinghe-books', '--principal', '李四']);
    expect(code).toBe(2);
    expect(stub.requests).toHaveLength(0);
  });
});
