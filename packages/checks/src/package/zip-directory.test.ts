import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage } from './read-package.js';
import { PackageError, zipDirectory } from './zip-directory.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-zip-dir-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('zipDirectory', () => {
  it('zips a folder that readPackage reads back to the same files', async () => {
    await write({
      'app.json': '{"pages":[]}',
      'pages/index/index.axml': '<view>青禾</view>',
      '页面/书.js': '书',
    });
    await symlink('/etc/passwd', join(dir, 'link.js'));
    const read = await readPackage(await zipDirectory(dir));
    expect(read.ok && Object.fromEntries([...read.files].map(([p, d]) => [p, d.toString()]))).toEqual({
      'app.json': '{"pages":[]}',
      'pages/index/index.axml': '<view>青禾</view>',
      '页面/书.js': '书',
    });
  });

  it('gives the same bytes for the same files, whatever their times', async () => {
    await write({ 'app.json': '{}', 'b.js': 'b', 'a/c.js': 'c' });
    const first = await zipDirectory(dir);
    await utimes(join(dir, 'b.js'), new Date('2030-05-05'), new Date('2030-05-05'));
    expect(sha256(await zipDirectory(dir))).toBe(sha256(first));
  });

  it('throws a PackageError carrying the problem for a folder it cannot package', async () => {
    await write({ 'a.js': 'x'.repeat(20) });
    await expect(zipDirectory(dir, { maxEntryBytes: 10 })).rejects.toBeInstanceOf(PackageError);
    await expect(zipDirectory(join(dir, 'missing'))).rejects.toMatchObject({
      problem: { code: 'PACKAGE_INVALID' },
    });
  });
});
