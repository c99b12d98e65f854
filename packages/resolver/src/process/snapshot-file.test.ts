import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRelease, buildReleaseState, type ReleaseState } from '@minirelease/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_MAGIC } from '../embedded/snapshot-codec.js';
import { SnapshotFile, toSnapshot, writeDelay } from './snapshot-file.js';

const app = (appId: string, revision = 1): AppRelease => ({
  appId,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision,
  live: { version: '1.0.0', sha256: 'a'.repeat(64), size: 10 },
  gray: null,
  experience: null,
  insiders: ['张三'],
});

describe('SnapshotFile', () => {
  let dir: string;
  let current: ReleaseState;
  const errors: unknown[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-snapshot-'));
    current = buildReleaseState(0, []);
    errors.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const file = () => new SnapshotFile(dir, () => current, { debounceMs: 20, onError: (e) => errors.push(e) });
  const loaded = async () => {
    const got = await file().load();
    return got && toSnapshot(got.snapshot);
  };

  it('writes the packed format and reads it back as it was written', async () => {
    current = buildReleaseState(42, [app('zeta'), app('alpha')]);
    const f = file();
    f.schedule();
    await f.flush();
    expect((await readFile(f.path)).toString('latin1', 0, 8)).toBe(SNAPSHOT_MAGIC);
    expect(await loaded()).toEqual({ seq: 42, apps: [app('alpha'), app('zeta')] });
    expect(await readdir(dir)).toEqual(['resolver-snapshot.bin']);
  });

  it('coalesces changes inside the window into one write of the latest state', async () => {
    const f = file();
    for (let seq = 1; seq <= 5; seq++) {
      current = buildReleaseState(seq, [app('alpha', seq)]);
      f.schedule();
    }
    expect(f.stats.writes).toBe(0);
    // The window's timer writes, once; flushing afterwards finds nothing left to write.
    for (let i = 0; i < 500 && f.stats.writes === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await f.flush();
    expect(f.stats.writes).toBe(1);
    expect(await loaded()).toEqual({ seq: 5, apps: [app('alpha', 5)] });
  });

  it('keeps the previous file whole, and no temp file, when a write fails half way', async () => {
    current = buildReleaseState(1, [app('alpha')]);
    const f = file();
    f.schedule();
    await f.flush();
    const before = await readFile(f.path);
    // JSON cannot write a BigInt: the last app's record throws after the first MiB is written.
    const bad = { ...app('bad'), insiders: [1n] } as unknown as AppRelease;
    current = buildReleaseState(2, [...Array.from({ length: 30_000 }, (_, i) => app(`app-${i}`)), bad]);
    f.schedule();
    await f.flush();
    expect(String(errors[0])).toMatch(/BigInt/);
    expect(await readFile(f.path)).toEqual(before);
    expect(await readdir(dir)).toEqual(['resolver-snapshot.bin']);
  });

  it('has nothing to load when there is no file, and ignores a damaged one, saying so', async () => {
    expect(await file().load()).toBeNull();
    current = buildReleaseState(3, [app('alpha')]);
    const f = file();
    f.schedule();
    await f.flush();
    const whole = await readFile(f.path);
    await writeFile(f.path, whole.subarray(0, whole.length - 3));
    expect(await f.load()).toBeNull();
    expect(String(errors[0])).toContain('ignoring');
  });

  it("reads an older resolver's JSON file, and removes it once the new one is written", async () => {
    const legacy = join(dir, 'resolver-snapshot.json');
    await writeFile(legacy, JSON.stringify({ seq: 7, apps: [app('alpha')] }));
    expect(await loaded()).toEqual({ seq: 7, apps: [app('alpha')] });
    current = buildReleaseState(8, [app('alpha', 2)]);
    const f = file();
    f.schedule();
    await f.flush();
    expect(await readdir(dir)).toEqual(['resolver-snapshot.bin']);
    expect((await loaded())?.seq).toBe(8);
  });

  it('ignores a damaged JSON file of an older resolver, saying so', async () => {
    await writeFile(join(dir, 'resolver-snapshot.json'), '{"seq": 3, "apps": [');
    expect(await file().load()).toBeNull();
    expect(String(errors[0])).toContain('ignoring');
  });
});

describe('the write interval', () => {
  it('is the debounce for small snapshots, and twice the last write for large ones', () => {
    expect(writeDelay(200, 0)).toBe(200);
    expect(writeDelay(200, 40)).toBe(200);
    expect(writeDelay(200, 1400)).toBe(2800);
  });
});
