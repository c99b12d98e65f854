import { experienceLink } from '@minirelease/core';
import { json, type StubHandler, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

let stub: StubServer | undefined;
afterEach(() => stub?.close());

const app = {
  appId: 'hz-hospital',
  name: '青禾医院',
  brand: '青禾',
  category: '医院',
  description: '',
  visibility: 'online',
  revision: 3,
  liveVersion: null,
  grayVersion: null,
  grayPercentage: null,
  experienceVersion: '1.0.0',
  experiencers: ['u-1', 'u-2'],
  qualifications: [
    {
      id: 'q_1',
      type: '医疗机构执业许可证',
      number: 'PDY1',
      expiresAt: '2099-12-31',
      fileSha256: null,
      createdAt: '',
    },
  ],
  members: [],
  createdAt: '',
  updatedAt: '',
};
const version = {
  appId: 'hz-hospital',
  version: '1.0.0',
  status: 'INIT',
  sha256: 'ab'.repeat(32),
  size: 10,
  description: '第一个公开版本：挂号、问诊和报告查询。',
  grayPercentage: null,
  reportOk: true,
  materials: null,
  review: null,
  createdBy: 'dev',
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '',
};

async function run(args: string[], handler: StubHandler) {
  stub = await startStubServer(handler);
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, io, stub };
}

const at = ['--app', 'hz-hospital'];
const atV = [...at, '--version', '1.0.0'];

describe('the commands of the API', () => {
  it('version edit sends the new release notes as a PATCH', async () => {
    const { code, stub } = await run(['version', 'edit', ...atV, '--description', version.description], () =>
      json(200, version),
    );
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({ method: 'PATCH', path: '/v1/apps/hz-hospital/versions/1.0.0' });
    expect(stub.last().json).toEqual({ description: version.description });
  });

  it('version delete sends a DELETE and says so, as JSON too', async () => {
    const { code, io, stub } = await run(['version', 'delete', ...atV, '--json'], () => ({ status: 204 }));
    expect(code).toBe(0);
    expect(stub.last().method).toBe('DELETE');
    expect(io.stdoutJson()).toEqual({ appId: 'hz-hospital', version: '1.0.0', deleted: true });
  });

  it('version list prints one row per version', async () => {
    const { io } = await run(['version', 'list', ...at], () => json(200, { items: [version] }));
    expect(io.stdoutText()).toMatch(/1\.0\.0\s+INIT\s+ok\s+2026-12-02 10:00\s+dev/);
  });

  it('report prints the stored report in the language asked', async () => {
    const report = { ok: true, findings: [], stats: {} };
    const { io, stub } = await run(['report', ...atV, '--lang', 'zh'], () => json(200, report));
    expect(stub.last().path).toBe('/v1/apps/hz-hospital/versions/1.0.0/report');
    expect(io.stdoutText()).toContain('检查通过：0 个错误，0 个警告');
  });

  it('app edit sends only the fields given, and refuses none given with exit 2', async () => {
    const { code, stub } = await run(['app', 'edit', ...at, '--name', '青禾医院'], () => json(200, app));
    expect(code).toBe(0);
    expect(stub.last().json).toEqual({ name: '青禾医院' });
    await stub.close();
    const none = await run(['app', 'edit', ...at], () => json(200, app));
    expect(none.code).toBe(2);
    expect(none.stub.requests).toHaveLength(0);
  });

  it('app qualification add, list and remove', async () => {
    const add = await run(
      [
        'app',
        'qualification',
        'add',
        ...at,
        '--type',
        '医疗机构执业许可证',
        '--number',
        'PDY1',
        '--expires',
        '2099-12-31',
      ],
      () => json(201, app),
    );
    expect(add.stub.last().json).toEqual({
      type: '医疗机构执业许可证',
      number: 'PDY1',
      expiresAt: '2099-12-31',
    });
    await add.stub.close();
    const list = await run(['app', 'qualification', 'list', ...at], () => json(200, app));
    expect(list.io.stdoutText()).toMatch(/q_1\s+医疗机构执业许可证\s+PDY1\s+2099-12-31/);
    await list.stub.close();
    const remove = await run(['app', 'qualification', 'remove', ...at, '--id', 'q_1'], () => json(200, app));
    expect(remove.stub.last()).toMatchObject({
      method: 'DELETE',
      path: '/v1/apps/hz-hospital/qualifications/q_1',
    });
  });

  it('app experiencers set replaces the list with the --user ids', async () => {
    const { stub } = await run(['app', 'experiencers', 'set', ...at, '--user', 'u-1', '--user', 'u-2'], () =>
      json(200, app),
    );
    expect(stub.last()).toMatchObject({ method: 'PUT', path: '/v1/apps/hz-hospital/experiencers' });
    expect(stub.last().json).toEqual({ userIds: ['u-1', 'u-2'] });
  });

  it('experience set prints the deep link and its QR code in the terminal', async () => {
    const { code, io, stub } = await run(['experience', 'set', ...atV], () => json(200, app));
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: '/v1/apps/hz-hospital/versions/1.0.0/experience',
    });
    const text = io.stdoutText();
    expect(text).toContain('minirelease://experience?app=hz-hospital&version=1.0.0');
    expect(text).toContain('experiencers u-1, u-2');
    // The utf8 QR code (qrcode's utf8 renderer; its margin must be even) is drawn with half-block characters, one line per two modules.
    expect(text.split('\n').filter((l) => /[█▀▄]/.test(l)).length).toBeGreaterThan(10);
  });

  it('experience show --json gives the link, and no QR drawing', async () => {
    const { io } = await run(['experience', 'show', ...at, '--json'], () => json(200, app));
    expect(io.stdoutJson()).toEqual({
      appId: 'hz-hospital',
      experienceVersion: '1.0.0',
      experiencers: ['u-1', 'u-2'],
      link: experienceLink('hz-hospital', '1.0.0'),
    });
  });

  it('review show prints the materials with the test password, from the queue', async () => {
    const item = {
      appId: 'hz-hospital',
      appName: '青禾医院',
      version: '1.0.0',
      description: version.description,
      submittedAt: '2026-12-02T11:00:00.000Z',
      submittedBy: 'dev',
      reportOk: true,
      materials: { testAccount: 'demo', testPassword: 'pw-123', screenshots: ['https://s/1.png'] },
    };
    const { code, io } = await run(['review', 'show', ...atV], () => json(200, { items: [item] }));
    expect(code).toBe(0);
    expect(io.stdoutText()).toContain('test account demo');
    expect(io.stdoutText()).toContain('test password pw-123');
    expect(io.stdoutText()).toContain('screenshot https://s/1.png');
  });

  it('review show refuses a version not in the queue with exit 1', async () => {
    const { code, io } = await run(['review', 'show', ...atV], () => json(200, { items: [] }));
    expect(code).toBe(1);
    expect(io.stderrText()).toContain('VERSION_NOT_FOUND');
  });

  it('review reject sends the reasons; review approve the decision', async () => {
    const rejected = await run(['review', 'reject', ...atV, '--reason', 'NAME_TOO_GENERIC'], () =>
      json(200, { ...version, status: 'AUDIT_REJECT' }),
    );
    expect(rejected.stub.last().json).toEqual({
      decision: 'reject',
      reasons: ['NAME_TOO_GENERIC'],
      comment: '',
    });
  });
});
