/**
 * The one-person walk-through of DESIGN §6 with the real binary: `minirelease start` as its own process, and
 * every step as a spawned `minirelease … --json`, as a developer's script would run it. Needs the build
 * (`npm run build`) and `examples/alipay-qinghe-books`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, collect, freePort, waitForUrl } from './cli-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/minirelease.js');
const example = join(root, 'examples/alipay-qinghe-books');
const APP = 'qinghe-books';
const DESCRIPTION =
  '青禾读书首个公开版本：书架、阅读器、书签与夜间模式，支持离线阅读并在多台设备间同步阅读进度。';

let tmp: string;
let server: ChildProcess;
let env: NodeJS.ProcessEnv;

/** Runs the CLI as a process with `--json`, as a script would, and parses stdout. */
function cli(...args: string[]): Promise<CliRun & { json: <T = Record<string, unknown>>() => T }> {
  const child = spawn(process.execPath, [bin, ...args, '--json'], { cwd: root, env });
  return collect(child).then((run) => ({ ...run, json: <T>() => JSON.parse(run.stdout) as T }));
}

/** Runs a step that must succeed and answers its JSON. */
async function ok<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const run = await cli(...args);
  expect(run.code, `minirelease ${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run.json<T>();
}

beforeAll(async () => {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) throw new Error('build first: npm run build');
  tmp = await mkdtemp(join(tmpdir(), 'minirelease-e2e-'));
  const dataDir = join(tmp, 'data');
  const base: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), NO_COLOR: '1' };
  delete base.FORCE_COLOR;
  delete base.MINIRELEASE_SERVER;
  delete base.MINIRELEASE_TOKEN;
  const port = await freePort();
  server = spawn(process.execPath, [bin, 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    env: base,
  });
  const url = await waitForUrl(server, 30_000);
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  env = { ...base, MINIRELEASE_SERVER: url, MINIRELEASE_TOKEN: token };
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('minirelease walk-through', () => {
  it('takes qinghe-books from upload through gray, publish and rollback', async () => {
    const app = await ok(
      'app',
      'create',
      '--app',
      APP,
      '--name',
      '青禾读书',
      '--brand',
      '青禾',
      '--category',
      '图书',
    );
    expect(app).toMatchObject({ appId: APP, name: '青禾读书', visibility: 'online' });

    const uploaded = await ok<{ status: string; report: { ok: boolean } }>(
      ...['upload', example, '--app', APP, '--version', '1.0.0', '--description', DESCRIPTION],
    );
    expect(uploaded.status).toBe('INIT');
    expect(uploaded.report.ok).toBe(true);

    const materials = [
      '--test-account',
      'reviewer-demo',
      '--test-password',
      'demo-pass',
      '--notes',
      '书架页可直接阅读',
    ];
    expect(await ok('submit', '--app', APP, '--version', '1.0.0', ...materials)).toMatchObject({
      status: 'AUDITING',
    });
    expect(
      await ok('review', 'approve', '--app', APP, '--version', '1.0.0', '--comment', '通过'),
    ).toMatchObject({
      status: 'WAIT_RELEASE',
    });
    const gray = ['gray', '--app', APP, '--version', '1.0.0', '--percent'];
    expect(await ok(...gray, '10')).toMatchObject({ status: 'GRAY', grayPercentage: 10 });
    expect(await ok(...gray, '30')).toMatchObject({ status: 'GRAY', grayPercentage: 30 });

    const shrink = await cli(...gray, '20');
    expect(shrink.code).toBe(1);
    expect(shrink.stdout).toBe('');
    expect(JSON.parse(shrink.stderr).error.code).toBe('GRAY_PERCENTAGE_NOT_INCREASING');

    // During a first release, users outside gray have nothing to launch.
    const share = await ok<{
      users: number;
      gray: number;
      grayShare: number;
      notResolved: Record<string, number>;
    }>(...['resolve', '--app', APP, '--users', '1000']);
    expect(share.users).toBe(1000);
    expect(share.gray + (share.notResolved.APP_NOT_RELEASED ?? 0)).toBe(1000);
    expect(Math.abs(share.grayShare - 30)).toBeLessThan(5);

    expect(await ok('publish', '--app', APP, '--version', '1.0.0')).toMatchObject({ status: 'RELEASE' });
    expect(await ok('resolve', '--app', APP, '--user', '张三')).toMatchObject({
      appId: APP,
      version: '1.0.0',
      channel: 'stable',
    });

    const next = ['--app', APP, '--version', '1.1.0'];
    const second = await ok<{ status: string }>(
      'upload',
      example,
      ...next,
      '--description',
      `${DESCRIPTION}（1.1）`,
    );
    expect(second.status).toBe('INIT');
    await ok('submit', ...next, ...materials);
    await ok('review', 'approve', ...next);
    expect(await ok('publish', ...next)).toMatchObject({ status: 'RELEASE' });

    expect(await ok('rollback', '--app', APP)).toMatchObject({ appId: APP, liveVersion: '1.0.0' });

    const status = await ok<{
      app: { liveVersion: string };
      versions: { version: string; status: string }[];
    }>(...['status', '--app', APP]);
    expect(status.app.liveVersion).toBe('1.0.0');
    const byVersion = Object.fromEntries(status.versions.map((v) => [v.version, v.status]));
    expect(byVersion).toEqual({ '1.0.0': 'RELEASE', '1.1.0': 'ROLLED_BACK' });

    const log = await ok<{ items: { action: string; version: string | null }[] }>(
      'log',
      '--app',
      APP,
      '--limit',
      '100',
    );
    const actions = log.items.map((r) => r.action);
    for (const action of ['upload', 'submit', 'review', 'gray', 'publish', 'rollback']) {
      expect(actions, `audit log has ${action}`).toContain(action);
    }
    expect(actions.filter((a) => a === 'gray')).toHaveLength(2);
    expect(actions.filter((a) => a === 'publish')).toHaveLength(2);
  }, 120_000);

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
