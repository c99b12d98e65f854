import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppRelease, ReleaseSnapshot } from '@minirelease/core';

/** What the disk snapshot holds: the release state at one stream position, as the stream's snapshot carries it. */
export interface SnapshotData {
  readonly seq: number;
  readonly apps: readonly AppRelease[];
}

export const SNAPSHOT_FILE = 'resolver-snapshot.json';

/** The serialisable form of a snapshot, apps by id, so two resolvers at one seq write the same bytes. */
export function snapshotData(snapshot: ReleaseSnapshot): SnapshotData {
  const apps = [...snapshot.apps.values()].map((app) => app.source);
  apps.sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  return { seq: snapshot.seq, apps };
}

/**
 * The resolver's last snapshot on disk, so a restart answers at once, even with the API down (fail-static).
 * Writes are atomic (temp file, flush, rename: a crash leaves the old file or the new one, never half of one) and
 * coalesced: at most one write per `debounceMs`, of the state as it is then.
 */
export class SnapshotFile {
  readonly path: string;
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  #written: ReleaseSnapshot | null = null;

  constructor(
    private readonly dir: string,
    private readonly current: () => ReleaseSnapshot,
    private readonly options: { debounceMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    this.path = join(dir, SNAPSHOT_FILE);
  }

  /** The snapshot on disk and when it was written, or null when there is none or it is unreadable. */
  async load(): Promise<{ data: SnapshotData; savedAt: number } | null> {
    let text: string;
    let savedAt: number;
    try {
      [text, savedAt] = await Promise.all([
        readFile(this.path, 'utf8'),
        stat(this.path).then((s) => s.mtimeMs),
      ]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      const data = JSON.parse(text) as SnapshotData;
      if (!Number.isSafeInteger(data.seq) || !Array.isArray(data.apps)) throw new Error('not a snapshot');
      if (!data.apps.every((a) => typeof a?.appId === 'string')) throw new Error('an app without appId');
      return { data, savedAt };
    } catch (e) {
      // A damaged file is no reason not to start: the stream will send a fresh snapshot.
      this.options.onError?.(new Error(`ignoring ${this.path}: ${(e as Error).message}`));
      return null;
    }
  }

  /** Writes the current state soon; calls within the window share one write. */
  schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#enqueue();
    }, this.options.debounceMs ?? 200);
    this.#timer.unref();
  }

  /** Writes now if anything is pending, and waits for every write under way. */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      await this.#enqueue();
    }
    await this.#writing;
  }

  #enqueue(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#write()).catch((e: unknown) => this.options.onError?.(e));
    return this.#writing;
  }

  async #write(): Promise<void> {
    const snapshot = this.current();
    if (snapshot === this.#written) return;
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      // Owner-only, as the stream it comes from: it lists experiencer ids.
      await writeFile(tmp, JSON.stringify(snapshotData(snapshot)), { flush: true, mode: 0o600 });
      await rename(tmp, this.path);
      this.#written = snapshot;
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }
}
