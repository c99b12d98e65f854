import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSecretFile } from './secret-file.js';

describe('writeSecretFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the text with mode 0600, replacing an older file whole, and leaves no temp file', async () => {
    const path = join(dir, 'admin-token');
    await writeFile(path, 'old\n', { mode: 0o644 });
    await writeSecretFile(path, 'mr_new\n');
    expect(await readFile(path, 'utf8')).toBe('mr_new\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['admin-token']);
  });

  it('fails when the target cannot be replaced, and leaves no temp file behind', async () => {
    const path = join(dir, 'admin-token');
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'x');
    await expect(writeSecretFile(path, 'mr_x\n')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['admin-token']);
  });
});
