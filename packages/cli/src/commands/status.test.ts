import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDeps } from '../testing/command-deps.js';
import { statusCommand } from './status.js';

let stub: StubServer;
afterEach(() => stub.close());

const app = {
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  category: '图书',
  visibility: 'online',
  revision: 9,
  liveVersion: '1.0.0',
  grayVersion: '1.1.0',
  grayPercentage: 30,
  experienceVersion: null,
  members: [{ principal: 'admin', role: 'owner' }],
};
const v = (version: string, status: string, grayPercentage: number | null) => ({
  appId: 'qinghe-books',
  version,
  status,
  grayPercentage,
  createdAt: '2025-11-24T23:41:05.000Z',
});

function server() {
  return startStubServer((req) => {
    if (req.path === '/v1/apps/qinghe-books') return json(200, app);
    if (req.path.endsWith('/gray-plan')) {
      return json(404, { error: { code: 'GRAY_PLAN_NOT_FOUND', message: 'no plan' } });
    }
    // Two pages, to see that status follows the cursor.
    if (req.query.get('cursor') === 'p2') return json(200, { items: [v('1.1.0', 'GRAY', 30)] });
    return json(200, { items: [v('1.0.0', 'RELEASE', null)], nextCursor: 'p2' });
  });
}

describe('statusCommand', () => {
  it('answers the app and all its versions as one JSON document', async () => {
    stub = await server();
    const { deps, io } = commandDeps(stub.url, { json: true });
    expect(await statusCommand({ app: 'qinghe-books' }, deps)).toBe(0);
    const {
      app: shown,
      versions,
      grayPlan,
    } = io.stdoutJson<{
      app: unknown;
      versions: { version: string }[];
      grayPlan: unknown;
    }>();
    expect(shown).toEqual(app);
    expect(grayPlan).toBeNull();
    expect(versions.map((x) => x.version)).toEqual(['1.0.0', '1.1.0']);
  });

  it('prints the app and a versions table for people', async () => {
    stub = await server();
    const { deps, io } = commandDeps(stub.url);
    await statusCommand({ app: 'qinghe-books' }, deps);
    expect(io.stdoutText().split('\n')).toEqual([
      'qinghe-books  青禾读书  brand 青禾 · category 图书 · revision 9',
      '  online  live 1.0.0',
      '  gray 1.1.0 at 30 %',
      '  members admin (owner)',
      '',
      'version  status   gray  created',
      '1.0.0    RELEASE        2025-11-24 23:41',
      '1.1.0    GRAY     30 %  2025-11-24 23:41',
      '',
    ]);
  });
});
