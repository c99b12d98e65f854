import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRelease, buildSnapshot, type ReleaseSnapshot } from '@minirelease/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotFile, snapshotData } from './snapshot-file.js';

const app = (appId: string, revision = 1): AppRelease => ({
  appId,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision,
  release: { version: '1.0.0', sha256: 'a'.repeat(64), size: 10 },
  gray: null,
  experience: null,
  insiders: ['张三'],
});

describe('SnapshotFile', () => {
  let dir: string;
  let current: ReleaseSnapshot;
  const errors: unknown[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-snapshot-'));
    current = buildSnapshot(0, []);
    errors.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const file = () => new SnapshotFile(dir, () => current, { debounceMs: 20, onError: (e) => errors.push(e) });

  it('writes {seq, apps} sorted by appId, and reads it back as it was written', async () => {
    current = buildSnapshot(42, [app('zeta'), app('alpha')]);
    const f = file();
    f.schedule();
    await f.flush();
    const written = JSON.parse(await readFile(f.path, 'utf8'));
    expect(written).toEqual({ seq: 42, apps: [app('alpha'), app('zeta')] });
    expect((await file().load())?.data).toEqual(snapshotData(current));
    expect(await readdir(dir)).toEqual(['resolver-snapshot.json']);
  });

  it('coalesces changes inside the window into one write of the latest state', async () => {
    const f = file();
    for (let seq = 1; seq <= 5; seq++) {
      current = buildSnapshot(seq, [app('alpha', seq)]);
      f.schedule();
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    await f.flush();
    expect(JSON.parse(await readFile(f.path, 'utf8')).seq).toBe(5);
  });

  it('has nothing to load when there is no file, and ignores a damaged one, saying so', async () => {
    expect(await file().load()).toBeNull();
    await writeFile(join(dir, 'resolver-snapshot.json'), '{"seq": 3, "apps": [');
    expect(await file().load()).toBeNull();
    expect(String(errors[0])).toContain('ignoring');
  });
});
