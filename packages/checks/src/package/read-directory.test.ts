import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDirectory } from './read-directory.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-read-dir-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-outside`, { recursive: true, force: true });
});

async function write(files: Record<string, string>, root = dir): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('readDirectory', () => {
  it('reads every file under posix paths, node_modules included, version control left out', async () => {
    await write({
      'app.json': '{}',
      'pages/index/index.js': 'Page({})',
      'node_modules/lib/index.js': 'x',
      '.git/HEAD': 'ref',
      '页面/首页.axml': '<view/>',
    });
    const result = await readDirectory(dir);
    expect(result.ok && [...result.files.keys()].sort()).toEqual([
      'app.json',
      'node_modules/lib/index.js',
      'pages/index/index.js',
      '页面/首页.axml',
    ]);
    expect(result.ok && result.totalSize).toBe(2 + 8 + 1 + 7);
  });

  it('strips a single project folder that holds app.json', async () => {
    await write({ 'books/app.json': '{}', 'books/app.js': 'App({})' });
    const result = await readDirectory(dir);
    expect(result.ok && [...result.files.keys()]).toEqual(['app.js', 'app.json']);
  });

  it('leaves links out without following them, and says so', async () => {
    await write({ 'app.json': '{}' });
    await write({ 'secret.txt': 'do not read' }, `${dir}-outside`);
    await symlink(`${dir}-outside`, join(dir, 'linked-folder'));
    await symlink('/etc/passwd', join(dir, 'passwd.js'));
    const result = await readDirectory(dir);
    expect(result.ok && [...result.files.keys()]).toEqual(['app.json']);
    expect(result.ok && result.skipped).toEqual([
      { path: 'linked-folder', reason: 'symlink' },
      { path: 'passwd.js', reason: 'symlink' },
    ]);
  });

  it('refuses a folder over the limits', async () => {
    await write({ 'a.js': 'x'.repeat(11), 'b.js': 'y', 'c.js': 'z' });
    const reason = async (limits: object) => {
      const result = await readDirectory(dir, limits);
      return result.ok ? 'accepted' : result.problem.detail.reason;
    };
    expect(await reason({ maxEntries: 2 })).toBe('TOO_MANY_ENTRIES');
    expect(await reason({ maxEntryBytes: 10 })).toBe('ENTRY_TOO_LARGE');
    expect(await reason({ maxTotalBytes: 12 })).toBe('TOTAL_TOO_LARGE');
    expect(await reason({})).toBe('accepted');
  });

  it('refuses a file name a zip could not carry (a backslash)', async () => {
    await write({ 'a\\b.js': 'x' });
    const result = await readDirectory(dir);
    expect(!result.ok && result.problem.detail.reason).toBe('BAD_NAME');
  });

  it('answers with a problem, not an exception, for a missing folder or a file', async () => {
    const missing = await readDirectory(join(dir, 'nope'));
    expect(!missing.ok && missing.problem.detail.reason).toBe('UNREADABLE');
    await write({ 'file.txt': 'x' });
    const file = await readDirectory(join(dir, 'file.txt'));
    expect(!file.ok && file.problem.code).toBe('PACKAGE_INVALID');
  });
});

describe('readDirectory excludes (docs/upload.md)', () => {
  it('reads none of .env, node_modules, .map and packOptions.ignore of a WeChat project, and lists them', async () => {
    await write({
      'app.json': '{}',
      'app.wxss': '',
      '.env': 'SECRET=1',
      'node_modules/lib/index.js': 'x',
      'pages/index/index.js': 'Page({})',
      'pages/index/index.js.map': '{}',
      'docs/notes.md': '#',
      'project.config.json': JSON.stringify({ packOptions: { ignore: [{ type: 'folder', value: 'docs' }] } }),
    });
    const result = await readDirectory(dir);
    expect(result.ok && [...result.files.keys()].sort()).toEqual([
      'app.json',
      'app.wxss',
      'pages/index/index.js',
      'project.config.json',
    ]);
    expect(result.ok && result.excluded.map((e) => e.path).sort()).toEqual([
      '.env',
      'docs/',
      'node_modules/',
      'pages/index/index.js.map',
    ]);
  });

  it('does not count excluded entries against the limits', async () => {
    await write({ 'app.json': '{}', '.git/a': '1', '.git/b': '2', '.git/c': '3' });
    const result = await readDirectory(dir, { maxEntries: 1 });
    expect(result.ok && [...result.files.keys()]).toEqual(['app.json']);
  });
});
