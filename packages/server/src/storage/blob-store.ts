import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Packages on disk, addressed by their SHA-256: a blob never changes once written, so it can be cached forever
 * and written twice harmlessly. Written to a temp name and renamed, so a crash never leaves half a blob.
 */
export class BlobStore {
  constructor(private readonly root: string) {}

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = BlobStore.sha256(bytes);
    const path = this.pathOf(sha256);
    if (await exists(path)) return sha256;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes, { flush: true });
    await rename(tmp, path);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    try {
      return await readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
