import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';
import { commandDeps } from '../testing/command-deps.js';
import { uploadCommand } from './upload.js';

let stub: StubServer;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-upload-'));
});
afterEach(async () => {
  await stub?.close();
  await rm(dir, { recursive: true, force: true });
});

const description = '第一个公开版本：书架、阅读器和夜间模式，欢迎试用。';
const uploaded = (report: unknown) => ({
  appId: 'qinghe-books',
  version: '1.0.0',
  status: 'INIT',
  sha256: 'ab'.repeat(32),
  size: 2048,
  grayPercentage: null,
  report,
});
const warning = {
  code: 'MATERIALS_SCREENSHOTS_MISSING',
  severity: 'warning',
  message: { zh: '没有截图', en: 'no screenshots' },
};
const error = {
  code: 'JS_SYNTAX_ERROR',
  severity: 'error',
  message: { zh: '脚本无法解析', en: 'script does not parse' },
  hint: { zh: '修复语法', en: 'fix the syntax' },
  file: 'pages/index/index.js',
  line: 3,
};

describe('uploadCommand', () => {
  it('sends a zip file as it is, with version and description, and prints the report', async () => {
    stub = await startStubServer(() => json(201, uploaded({ ok: true, findings: [warning], stats: {} })));
    const zip = join(dir, 'app.zip');
    await writeFile(zip, Buffer.from('PK\u0003\u0004fake'));
    const { deps, io } = commandDeps(stub.url);
    const flags = { path: zip, app: 'qinghe-books', version: '1.0.0', description };
    expect(await uploadCommand(flags, deps)).toBe(0);
    const req = stub.last();
    expect(req).toMatchObject({ method: 'POST', path: '/v1/apps/qinghe-books/versions' });
    expect(req.query.get('version')).toBe('1.0.0');
    expect(req.query.get('description')).toBe(description);
    expect(req.headers['content-type']).toBe('application/zip');
    expect(req.body.toString()).toBe('PK\u0003\u0004fake');
    expect(io.stdoutText()).toContain('uploaded qinghe-books 1.0.0 INIT 2.0 KB · sha256 abababababab');
    expect(io.stdoutText()).toContain('report ok: 0 errors, 1 warning');
    expect(io.stdoutText()).toContain('warning MATERIALS_SCREENSHOTS_MISSING  no screenshots');
  });

  it('zips a folder first, and exits 1 when the report has an error', async () => {
    stub = await startStubServer(() => json(201, uploaded({ ok: false, findings: [error], stats: {} })));
    const { deps, io } = commandDeps(stub.url);
    const zipped: string[] = [];
    const zipDirectory = async (path: string) => {
      zipped.push(path);
      return new Uint8Array([1, 2, 3]);
    };
    const flags = { path: dir, app: 'qinghe-books', version: '1.0.0', description };
    expect(await uploadCommand(flags, { ...deps, zipDirectory })).toBe(1);
    expect(zipped).toEqual([dir]);
    expect([...stub.last().body]).toEqual([1, 2, 3]);
    expect(io.stdoutText()).toContain('report failed: 1 error, 0 warnings');
    expect(io.stdoutText()).toContain(
      'error   JS_SYNTAX_ERROR  script does not parse (pages/index/index.js:3)',
    );
    expect(io.stdoutText()).toContain('fix the syntax');
  });

  it('with --json prints the uploaded version with its report, and draws no progress bar', async () => {
    const body = uploaded({ ok: true, findings: [], stats: {} });
    stub = await startStubServer(() => json(201, body));
    const zip = join(dir, 'app.zip');
    await writeFile(zip, 'PK');
    const { deps, io } = commandDeps(stub.url, { json: true });
    await uploadCommand({ path: zip, app: 'qinghe-books', version: '1.0.0', description }, deps);
    expect(io.stdoutJson()).toEqual(body);
    expect(io.stderrText()).toBe('');
  });

  it('fails with PATH_NOT_FOUND for a path that does not exist, before asking the server', async () => {
    stub = await startStubServer(() => json(201, {}));
    const { deps } = commandDeps(stub.url);
    const flags = { path: join(dir, 'nope'), app: 'a', version: '1.0.0', description };
    await expect(uploadCommand(flags, deps)).rejects.toMatchObject({ code: 'PATH_NOT_FOUND', exitCode: 1 });
    expect(stub.requests).toHaveLength(0);
  });

  it('says that a version with errors is stored, what blocks it and the command that fixes it', async () => {
    const notes = {
      code: 'VERSION_DESC_LENGTH',
      severity: 'error',
      message: { zh: '版本描述太短', en: 'release notes too short' },
    };
    const report = { ok: false, findings: [notes, error], stats: {} };
    stub = await startStubServer(() => json(201, uploaded(report)));
    const zip = join(dir, 'app.zip');
    await writeFile(zip, 'PK');
    const flags = { path: zip, app: 'qinghe-books', version: '1.0.0', description };
    const en = commandDeps(stub.url);
    expect(await uploadCommand(flags, en.deps)).toBe(1);
    const text = en.io.stdoutText();
    expect(text).toContain('stored qinghe-books 1.0.0 as INIT, but submit will refuse it');
    expect(text).toContain("minirelease version edit --app qinghe-books --version 1.0.0 --description '…'");
    expect(text).toContain('fix the package and upload the same version again');
    const zh = commandDeps(stub.url, { env: { LANG: 'zh_CN.UTF-8' } });
    await uploadCommand(flags, zh.deps);
    expect(zh.io.stdoutText()).toContain('检查未通过：2 个错误，0 个警告');
    expect(zh.io.stdoutText()).toContain('已保存 qinghe-books 1.0.0（INIT），但以下错误会阻止提交审核');
  });

  it('with --dry-run lists the files and their total, names what is excluded, and sends nothing', async () => {
    stub = await startStubServer(() => json(201, {}));
    await mkdir(join(dir, 'node_modules/lib'), { recursive: true });
    await writeFile(join(dir, 'app.json'), '{}');
    await writeFile(join(dir, 'app.js'), 'App({})');
    await writeFile(join(dir, '.env'), 'SECRET=1');
    await writeFile(join(dir, 'app.js.map'), '{}');
    await writeFile(join(dir, 'node_modules/lib/index.js'), 'x');
    await writeFile(join(dir, 'project.config.json'), '{}');
    const flags = { path: dir, app: 'qinghe-books', version: '1.0.0', description, dryRun: true };
    const human = commandDeps(stub.url);
    expect(await uploadCommand(flags, human.deps)).toBe(0);
    expect(human.io.stdoutText()).toMatch(/7 B\s+app\.js\n/);
    expect(human.io.stdoutText()).toContain('3 files, 11 B would be sent');
    expect(human.io.stdoutText()).toContain('excluded .env');
    const machine = commandDeps(stub.url, { json: true });
    await uploadCommand(flags, machine.deps);
    expect(machine.io.stdoutJson()).toMatchObject({
      files: [
        { path: 'app.js', size: 7 },
        { path: 'app.json', size: 2 },
        { path: 'project.config.json', size: 2 },
      ],
      totalSize: 11,
    });
    expect(machine.io.stdoutJson<{ excluded: { path: string }[] }>().excluded.map((e) => e.path)).toEqual([
      '.env',
      'app.js.map',
      'node_modules/',
    ]);
    expect(stub.requests).toHaveLength(0);
  });

  it('with --dry-run needs no --description, server or token', async () => {
    await writeFile(join(dir, 'app.json'), '{}');
    // No server anywhere and no token: a dry run that asked for either would fail, not list.
    const io = captureIo({ env: { XDG_CONFIG_HOME: join(dir, 'no-config') } });
    const args = ['upload', dir, '--app', 'qinghe-books', '--version', '1.0.0', '--dry-run', '--json'];
    expect(await main(['node', 'minirelease', ...args], io)).toBe(0);
    expect(io.stdoutJson()).toMatchObject({ files: [{ path: 'app.json', size: 2 }], totalSize: 2 });
    expect(io.stderrText()).toBe('');
  });

  it('without --dry-run still requires --description: a usage error, exit 2, nothing sent', async () => {
    stub = await startStubServer(() => json(201, {}));
    await writeFile(join(dir, 'app.json'), '{}');
    const io = captureIo({
      env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: join(dir, 'none') },
    });
    const args = ['upload', dir, '--app', 'qinghe-books', '--version', '1.0.0'];
    expect(await main(['node', 'minirelease', ...args], io)).toBe(2);
    expect(io.stderrText()).toContain("USAGE: required option '--description <text>' not specified");
    expect(stub.requests).toHaveLength(0);
  });
});
