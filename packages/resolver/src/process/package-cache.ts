import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@minirelease/core';

export interface CachedPackage {
  readonly path: string;
  readonly size: number;
}

/**
 * Packages on the resolver's disk, by sha256, fetched from upstream on a miss. A package is immutable, so a
 * cached one is served forever; what comes from upstream is hashed on the way to disk and kept only when it is
 * the package asked for. Concurrent misses of one package share one download.
 */
export class PackageCache {
  readonly #downloads = new Map<string, Promise<CachedPackage | null>>();

  constructor(
    private readonly root: string,
    private readonly upstream: string,
    private readonly options: { token?: string | undefined; maxBytes?: number } = {},
  ) {}

  /** The package on disk, fetched first if needed; null when upstream has no such package. */
  async get(sha256: string): Promise<CachedPackage | null> {
    const path = this.#pathOf(sha256);
    const local = await stat(path).catch(() => null);
    if (local) return { path, size: local.size };
    let download = this.#downloads.get(sha256);
    if (!download) {
      download = this.#download(sha256, path).finally(() => this.#downloads.delete(sha256));
      this.#downloads.set(sha256, download);
    }
    return download;
  }

  async #download(sha256: string, path: string): Promise<CachedPackage | null> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const res = await fetch(new URL(`/v1/packages/${sha256}`, this.upstream), { headers }).catch((e) => {
      throw unavailable(`upstream ${this.upstream} is unreachable: ${(e as Error).message}`);
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      throw unavailable(`upstream answered ${res.status} for package ${sha256}`);
    }
    const maxBytes = this.options.maxBytes ?? 64 * 1024 * 1024;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    try {
      const file = await open(tmp, 'w');
      try {
        for await (const chunk of res.body) {
          size += chunk.byteLength;
          if (size > maxBytes) throw unavailable(`upstream sent more than ${maxBytes} bytes for ${sha256}`);
          hash.update(chunk);
          await file.write(chunk);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      const got = hash.digest('hex');
      if (got !== sha256) throw unavailable(`upstream sent bytes with sha256 ${got} for package ${sha256}`);
      await rename(tmp, path);
      return { path, size };
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  #pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }
}

function unavailable(message: string): DomainError {
  return new DomainError('UPSTREAM_UNAVAILABLE', message);
}
