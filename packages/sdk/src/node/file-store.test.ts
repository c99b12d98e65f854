import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStore } from './file-store.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('fileStore', () => {
  it('reads a missing file as none, creates the directory, and reads back what it wrote', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mr-store-'));
    const path = join(dir, 'a', 'b', 'host.json');
    const store = fileStore(path);
    expect(await store.get()).toBeUndefined();
    await store.set('{"format":1}');
    await store.set('{"format":1,"answers":[]}');
    expect(await fileStore(path).get()).toBe('{"format":1,"answers":[]}');
    // Renamed into place: no temporary file left, and only its owner can read it.
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['host.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old document and no temporary file when a write fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mr-store-'));
    const path = join(dir, 'host.json');
    await writeFile(path, 'old');
    // A directory where the file is: the rename fails after the temporary file was written.
    const blocked = join(dir, 'blocked');
    await mkdir(join(blocked, 'x'), { recursive: true });
    await expect(fileStore(blocked).set('new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['blocked', 'host.json']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('throws what is not a missing file (a directory), so the client reports it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mr-store-'));
    await expect(fileStore(dir).get()).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
