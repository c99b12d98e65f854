/**
 * Issue 11's "done when", with the real binary against a real `minirelease start`: a 医院 app from upload to
 * published with the CLI alone (a screenshot for the reviewer too), its experience version for two experiencers, what a folder upload leaves
 * out, and an expired token.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlatform, root, startPlatform } from './cli-process.js';

const example = join(root, 'examples/alipay-qinghe-books');
const APP = 'hz-hospital';
const NOTES = '青禾医院首个版本：预约挂号、在线问诊、检查报告查询，支持就诊人管理与缴费记录。';

let p: RunningPlatform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(() => p?.stop());

async function ok<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const run = await p.cli(args);
  expect(run.code, `minirelease ${args.join(' ')}\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('a 医院 app with the CLI alone', () => {
  it('goes from an upload with errors to published, then serves its experience version to two experiencers', async () => {
    await ok('app', 'create', '--app', APP, '--name', '杭州医院', '--brand', '青禾', '--category', '医院');
    const at = ['--app', APP, '--version', '1.0.0'];

    // Stored but blocked: generic name, no licence, release notes too short.
    const first = await p.cli(['upload', example, ...at, '--description', '修复问题']);
    expect(first.code).toBe(1);
    const codes = (JSON.parse(first.stdout).report.findings as { code: string }[]).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['NAME_TOO_GENERIC', 'QUALIFICATION_MISSING', 'VERSION_DESC_LENGTH']),
    );

    await ok(
      'app',
      'qualification',
      'add',
      '--app',
      APP,
      '--type',
      '医疗机构执业许可证',
      '--number',
      'PDY00001',
      '--expires',
      '2099-12-31',
    );
    expect((await ok<unknown[]>('app', 'qualification', 'list', '--app', APP)).length).toBe(1);
    expect(await ok('app', 'edit', '--app', APP, '--name', '青禾医院')).toMatchObject({ name: '青禾医院' });
    expect(await ok('version', 'edit', ...at, '--description', NOTES)).toMatchObject({ description: NOTES });

    // A screenshot file: uploaded by submit, named by its sha256, saved back for the reviewer.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('挂号页')]);
    await writeFile(join(p.tmp, 'booking.png'), png);
    const materials = ['--test-account', 'patient-demo', '--test-password', 'pw-2026'];
    const shot = ['--screenshot', join(p.tmp, 'booking.png')];
    expect(await ok('submit', ...at, ...materials, ...shot)).toMatchObject({ status: 'AUDITING' });
    const queued = await ok<{ items: { appId: string }[] }>('review', 'queue');
    expect(queued.items.map((i) => i.appId)).toContain(APP);
    const saveTo = join(p.tmp, 'review');
    const item = await ok<{ materials: { testPassword: string; screenshots: string[] } }>(
      ...['review', 'show', ...at, '--save-materials', saveTo],
    );
    expect(item.materials).toMatchObject({ testPassword: 'pw-2026', screenshots: [expect.any(String)] });
    expect(await readFile(join(saveTo, `${item.materials.screenshots[0]}.png`))).toEqual(png);
    expect(await ok('review', 'approve', ...at)).toMatchObject({ status: 'WAIT_RELEASE' });
    expect(await ok('publish', ...at)).toMatchObject({ status: 'RELEASE' });

    const next = ['--app', APP, '--version', '1.1.0'];
    await ok('upload', example, ...next, '--description', `${NOTES}（1.1）`);
    await ok('app', 'experiencers', 'set', '--app', APP, '--user', 'doctor-li', '--user', 'nurse-wang');
    const shown = await ok('experience', 'set', ...next);
    expect(shown).toMatchObject({
      experienceVersion: '1.1.0',
      experiencers: ['doctor-li', 'nurse-wang'],
      link: 'minirelease://experience?app=hz-hospital&version=1.1.0',
    });
    for (const user of ['doctor-li', 'nurse-wang']) {
      const answer = await ok('resolve', '--app', APP, '--user', user, '--channel', 'experience');
      expect(answer).toMatchObject({ version: '1.1.0', channel: 'experience' });
    }
    const patient = await ok('resolve', '--app', APP, '--user', 'patient-1', '--channel', 'experience');
    expect(patient).toMatchObject({ version: '1.0.0', channel: 'stable' });
    const versions = await ok<{ items: { version: string; status: string }[] }>(
      'version',
      'list',
      '--app',
      APP,
    );
    expect(versions.items.map((v) => `${v.version} ${v.status}`).sort()).toEqual([
      '1.0.0 RELEASE',
      '1.1.0 INIT',
    ]);
  }, 120_000);
});

describe('what a folder upload sends', () => {
  it('leaves out .env, node_modules, a .map and packOptions.ignore, as --dry-run lists', async () => {
    const dir = join(p.tmp, 'project');
    await cp(example, dir, { recursive: true });
    await writeFile(join(dir, '.env'), 'API_SECRET=do-not-ship\n');
    await mkdir(join(dir, 'node_modules/left-pad'), { recursive: true });
    await writeFile(join(dir, 'node_modules/left-pad/index.js'), 'module.exports = 1;\n');
    await writeFile(join(dir, 'app.js.map'), '{"version":3}');
    await mkdir(join(dir, 'design'), { recursive: true });
    await writeFile(join(dir, 'design/mock.txt'), 'draft');
    await writeFile(
      join(dir, 'project.config.json'),
      JSON.stringify({ packOptions: { ignore: [{ type: 'folder', value: 'design' }] } }),
    );
    await ok(
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
    );
    const args = ['upload', dir, '--app', 'qinghe-books', '--version', '1.0.0', '--description', NOTES];

    const plan = await ok<{ files: { path: string }[]; excluded: { path: string }[] }>(...args, '--dry-run');
    const planned = plan.files.map((f) => f.path);
    expect(plan.excluded.map((e) => e.path).sort()).toEqual([
      '.env',
      'app.js.map',
      'design/',
      'node_modules/',
    ]);
    expect((await ok<{ items: unknown[] }>('version', 'list', '--app', 'qinghe-books')).items).toEqual([]);

    const uploaded = await ok<{ sha256: string }>(...args);
    // An INIT version's package: its app's members read it, with their token (issue 10).
    const zip = await fetch(`${p.url}/v1/packages/${uploaded.sha256}`, {
      headers: { authorization: `Bearer ${p.env.MINIRELEASE_TOKEN}` },
    });
    expect(zip.status).toBe(200);
    const stored = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer()))).sort();
    expect(stored).toEqual([...planned].sort());
    for (const left of ['.env', 'app.js.map', 'design/mock.txt', 'node_modules/left-pad/index.js']) {
      expect(stored).not.toContain(left);
    }
  }, 60_000);
});

describe('an expired token', () => {
  it('is refused with TOKEN_EXPIRED and its own message', async () => {
    const expires = new Date(Date.now() + 5000).toISOString();
    const created = await ok<{ token: string }>(
      'token',
      'create',
      '--principal',
      'ci-bot',
      '--expires',
      expires,
    );
    const whoami = () => p.cli(['whoami'], { MINIRELEASE_TOKEN: created.token });
    expect((await whoami()).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5100));
    const refused = await whoami();
    expect(refused.code).toBe(1);
    const error = JSON.parse(refused.stderr).error;
    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(error.message).toMatch(/expired at .*ask an admin for a new one/);
  }, 30_000);
});
