import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReleaseState, type ReleaseState, type Snapshot, upgradeAppRelease } from '@minirelease/core';
import { decodeSnapshot, encodeSnapshot, isSnapshotFormat } from '../embedded/snapshot-codec.js';

export const SNAPSHOT_FILE = 'resolver-snapshot.bin';
/** What resolvers wrote before the packed format: still read once, then replaced. */
export const LEGACY_SNAPSHOT_FILE = 'resolver-snapshot.json';

/** A release state written down, apps by id: to compare two states (O(N log N); not used on any hot path). */
export function toSnapshot(state: ReleaseState): Snapshot {
  const apps = [...state.apps.releases()];
  apps.sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  return { seq: state.seq, apps };
}

/**
 * The resolver's last snapshot on disk, so a restart answers at once, even with the API down (fail-static).
 * Writes are atomic (temp file, flush, rename: a crash leaves the old file or the new one, never half of one) and
 * coalesced: at most one write per `debounceMs`, of the state as it is then. The format is `snapshot-codec.ts`;
 * a JSON file of an older resolver is read when there is no other, and removed once the new one is written.
 */
export class SnapshotFile {
  readonly path: string;
  readonly legacyPath: string;
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  #written: ReleaseState | null = null;
  #lastWriteMs = 0;
  /** Files written so far: how a caller (and a test) sees that changes were coalesced. */
  readonly stats = { writes: 0 };

  constructor(
    private readonly dir: string,
    private readonly current: () => ReleaseState,
    private readonly options: { debounceMs?: number | undefined; onError?: (error: unknown) => void } = {},
  ) {
    this.path = join(dir, SNAPSHOT_FILE);
    this.legacyPath = join(dir, LEGACY_SNAPSHOT_FILE);
  }

  /** The snapshot on disk and when it was written, or null when there is none or it is unreadable. */
  async load(): Promise<{ snapshot: ReleaseState; savedAt: number } | null> {
    for (const path of [this.path, this.legacyPath]) {
      let bytes: Buffer;
      let savedAt: number;
      try {
        [bytes, savedAt] = await Promise.all([readFile(path), stat(path).then((s) => s.mtimeMs)]);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      try {
        const snapshot = isSnapshotFormat(bytes) ? decodeSnapshot(bytes) : fromJson(bytes.toString('utf8'));
        return { snapshot, savedAt };
      } catch (e) {
        // A damaged file is no reason not to start: the stream will send a fresh snapshot.
        this.options.onError?.(new Error(`ignoring ${path}: ${(e as Error).message}`));
        return null;
      }
    }
    return null;
  }

  /** Writes the current state soon; calls within the window share one write. */
  schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = null;
        void this.#enqueue();
      },
      writeDelay(this.options.debounceMs ?? 200, this.#lastWriteMs),
    );
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
      // Owner-only, as the stream it comes from: it lists experiencer ids. Chunk by chunk (see encodeSnapshot).
      const started = performance.now();
      await writeFile(tmp, encodeSnapshot(snapshot), { flush: true, mode: 0o600 });
      await rename(tmp, this.path);
      this.#lastWriteMs = performance.now() - started;
      this.#written = snapshot;
      this.stats.writes++;
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    await rm(this.legacyPath, { force: true });
  }
}

/**
 * How long to gather changes before the next write: the debounce, or twice the last write's duration when that
 * is longer, so a large snapshot (≈ 1.4 s at 1M apps) takes at most a third of the time under steady changes.
 */
export function writeDelay(debounceMs: number, lastWriteMs: number): number {
  return Math.max(debounceMs, Math.ceil(2 * lastWriteMs));
}

/** An older resolver's file: `{seq, apps: AppRelease[]}` as one JSON document. */
function fromJson(text: string): ReleaseState {
  const data = JSON.parse(text) as Snapshot;
  if (!Number.isSafeInteger(data.seq) || !Array.isArray(data.apps)) throw new Error('not a snapshot');
  if (!data.apps.every((a) => typeof a?.appId === 'string')) throw new Error('an app without appId');
  return buildReleaseState(data.seq, data.apps.map(upgradeAppRelease));
}
