import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDeps } from '../testing/command-deps.js';
import { logCommand } from './log.js';
import { offlineCommand, onlineCommand } from './offline.js';
import { rollbackCommand } from './rollback.js';

let stub: StubServer;
afterEach(() => stub.close());

const app = { appId: 'qinghe-books', liveVersion: '1.0.0', visibility: 'online' };

describe('app-level actions', () => {
  it('rollback sends the target version when given, an empty body when not', async () => {
    stub = await startStubServer(() => json(200, app));
    const { deps, io } = commandDeps(stub.url);
    await rollbackCommand({ app: 'qinghe-books', to: '1.0.0' }, deps);
    expect(stub.last()).toMatchObject({
      path: '/v1/apps/qinghe-books/rollback',
      json: { toVersion: '1.0.0' },
    });
    await rollbackCommand({ app: 'qinghe-books' }, deps);
    expect(stub.last().json).toEqual({});
    expect(io.stdoutText()).toContain('rolled back qinghe-books: live is 1.0.0');
  });

  it('offline and online post to their routes', async () => {
    stub = await startStubServer(() => json(200, app));
    const { deps } = commandDeps(stub.url);
    await offlineCommand({ app: 'qinghe-books' }, deps);
    expect(stub.last()).toMatchObject({ method: 'POST', path: '/v1/apps/qinghe-books/offline' });
    await onlineCommand({ app: 'qinghe-books' }, deps);
    expect(stub.last()).toMatchObject({ method: 'POST', path: '/v1/apps/qinghe-books/online' });
  });

  it('log asks for the page and prints who did what', async () => {
    const record = {
      id: 1,
      appId: 'qinghe-books',
      version: '1.0.0',
      action: 'publish',
      actor: 'admin',
      from: 'GRAY',
      to: 'RELEASE',
      reason: null,
      details: null,
      at: '2025-11-24T12:00:00.000Z',
    };
    stub = await startStubServer(() => json(200, { items: [record] }));
    const { deps, io } = commandDeps(stub.url);
    await logCommand({ app: 'qinghe-books', limit: 10 }, deps);
    expect(stub.last().rawUrl).toBe('/v1/apps/qinghe-books/audit-log?limit=10');
    expect(io.stdoutText()).toContain('2025-11-24 12:00  admin  publish  1.0.0    GRAY → RELEASE');
  });
});
