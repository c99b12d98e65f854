import { readFileSync } from 'node:fs';
import { type AppRelease, buildReleaseState, resolve } from '@minirelease/core';
import { describe, expect, it } from 'vitest';
import { createLocalResolver } from './local-resolver.js';

const pkg = (version: string) => ({ version, sha256: `sha-${version}`, size: version.length * 100 });

function app(over: Partial<AppRelease> = {}): AppRelease {
  return {
    appId: 'qinghe-books',
    name: '青禾读书',
    brand: '青禾',
    visibility: 'online',
    revision: 1,
    live: pkg('1.3.0'),
    gray: { ...pkg('1.4.0'), basisPoints: 1000 },
    experience: null,
    insiders: [],
    ...over,
  };
}

describe('local resolver', () => {
  it('answers in the wire shape of /v1/resolve, the same object each time', () => {
    const local = createLocalResolver({ snapshot: { seq: 1, apps: [app({ gray: null })] } });
    const first = local.resolve('qinghe-books', 'u1');
    expect(first).toEqual({
      ok: true,
      appId: 'qinghe-books',
      version: '1.3.0',
      channel: 'stable',
      packageUrl: '/v1/packages/sha-1.3.0',
      sha256: 'sha-1.3.0',
      size: 500,
      stale: false,
    });
    expect(local.resolve('qinghe-books', 'u2')).toBe(first);
    expect(local.resolve('nope', 'u1')).toEqual({
      ok: false,
      appId: 'nope',
      code: 'APP_NOT_FOUND',
      message: 'nope: no such app',
      stale: false,
    });
  });

  it('applies newer changes only, a removal, and whole snapshots', () => {
    const local = createLocalResolver({ snapshot: { seq: 5, apps: [app({ gray: null })] } });
    const offline = app({ gray: null, visibility: 'offline' });
    expect(local.update({ seq: 5, appId: 'qinghe-books', app: offline })).toBe(false);
    expect(local.resolve('qinghe-books', 'u1')).toMatchObject({ ok: true });
    expect(local.update({ seq: 6, appId: 'qinghe-books', app: offline })).toBe(true);
    expect(local.resolve('qinghe-books', 'u1')).toMatchObject({ ok: false, code: 'APP_OFFLINE' });
    expect(local.update({ seq: 7, appId: 'qinghe-books', app: null })).toBe(true);
    expect(local.resolve('qinghe-books', 'u1')).toMatchObject({ code: 'APP_NOT_FOUND' });
    expect(local.seq).toBe(7);
    // A snapshot is the whole state, even from a stream that started over at a lower seq.
    local.replace({ seq: 2, apps: [app({ gray: null })] });
    expect(local.seq).toBe(2);
    expect(local.resolve('qinghe-books', 'u1')).toMatchObject({ ok: true, version: '1.3.0' });
  });

  it('builds package URLs with the given function', () => {
    const local = createLocalResolver({
      snapshot: { seq: 1, apps: [app({ gray: null })] },
      packageUrl: (sha) => `https://cdn.example.com/p/${sha}.zip`,
    });
    expect(local.resolve('qinghe-books', 'u1')).toMatchObject({
      packageUrl: 'https://cdn.example.com/p/sha-1.3.0.zip',
    });
  });

  interface Vector {
    appId: string;
    version: string;
    userId: string;
    bucket: number;
  }
  const vectors: { cases: Vector[] } = JSON.parse(
    readFileSync(new URL('../../../core/vectors/bucket.json', import.meta.url), 'utf8'),
  );

  it.each(vectors.cases)('puts $appId:$version:$userId in gray exactly from bucket $bucket + 1', (v) => {
    const at = (basisPoints: number, release: AppRelease['live']) =>
      app({ appId: v.appId, live: release, gray: { ...pkg(v.version), basisPoints }, insiders: [] });
    for (const release of [pkg('0.0.1'), null]) {
      const hit = at(v.bucket + 1, release);
      const local = createLocalResolver({ snapshot: { seq: 1, apps: [hit] } });
      expect(local.resolve(v.appId, v.userId)).toMatchObject({
        ok: true,
        version: v.version,
        channel: 'gray',
      });
      if (v.bucket === 0) continue;
      const miss = at(v.bucket, release);
      local.update({ seq: 2, appId: v.appId, app: miss });
      const expected = release ? { ok: true, version: '0.0.1' } : { ok: false, code: 'APP_NOT_RELEASED' };
      expect(local.resolve(v.appId, v.userId)).toMatchObject(expected);
      expect(resolve(buildReleaseState(1, [miss]), v.appId, v.userId)).toMatchObject(expected);
    }
  });
});
