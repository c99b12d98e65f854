import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HostStore } from '../host/host-store.js';

/**
 * A store in one file, for hosts on Node. A write goes to a temporary file beside it, flushed, then renamed
 * over it: a rename within one directory is atomic on POSIX, so a crash leaves the old document or the new
 * one, never half of one. The directory is created on the first write. A missing file reads as no document.
 */
export function fileStore(path: string): HostStore {
  let n = 0;
  return {
    async get() {
      try {
        return await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async set(text) {
      await mkdir(dirname(path), { recursive: true });
      // Unique per process and write, so two hosts sharing a directory never write into each other's file.
      const temp = `${path}.${process.pid}.${++n}.tmp`;
      try {
        await writeFile(temp, text, { encoding: 'utf8', flush: true, mode: 0o600 });
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
  };
}
