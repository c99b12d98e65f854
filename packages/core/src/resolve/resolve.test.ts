import { describe, expect, it } from 'vitest';
import { grayBucketer } from '../gray/bucket.js';
import type { AppRelease } from '../wire/stream.js';
import { buildReleaseState } from './release-state.js';
import { resolve } from './resolve.js';

const pkg = (version: string) => ({ version, sha256: `sha-${version}`, size: 1000 });

const base: AppRelease = {
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 1,
  live: pkg('1.3.0'),
  gray: { ...pkg('1.4.0'), basisPoints: 1000 },
  experience: pkg('1.5.0'),
  insiders: ['tester-1'],
};

function userIn(gray: boolean): string {
  const b = grayBucketer('qinghe-books', '1.4.0');
  for (let i = 0; ; i++) if (b.bucket(`u${i}`) < 1000 === gray) return `u${i}`;
}

describe('resolve', () => {
  const snapshot = buildReleaseState(1, [base]);

  it('gives gray users the gray version and the others the live one', () => {
    expect(resolve(snapshot, 'qinghe-books', userIn(true))).toMatchObject({
      version: '1.4.0',
      channel: 'gray',
      reason: 'bucket',
    });
    expect(resolve(snapshot, 'qinghe-books', userIn(false))).toMatchObject({
      version: '1.3.0',
      channel: 'stable',
    });
  });

  it('keeps insiders in gray whatever their bucket, and gives them the experience version when asked', () => {
    expect(resolve(snapshot, 'qinghe-books', 'tester-1')).toMatchObject({
      version: '1.4.0',
      reason: 'insider',
    });
    expect(resolve(snapshot, 'qinghe-books', 'tester-1', 'experience')).toMatchObject({
      version: '1.5.0',
      channel: 'experience',
    });
    expect(resolve(snapshot, 'qinghe-books', userIn(false), 'experience')).toMatchObject({
      channel: 'stable',
    });
  });

  it('during a first release only gray users get the app', () => {
    const first = buildReleaseState(1, [{ ...base, live: null }]);
    expect(resolve(first, 'qinghe-books', userIn(true))).toMatchObject({ ok: true, version: '1.4.0' });
    expect(resolve(first, 'qinghe-books', userIn(false))).toEqual({
      ok: false,
      appId: 'qinghe-books',
      code: 'APP_NOT_RELEASED',
    });
  });

  it('answers APP_NOT_FOUND and APP_OFFLINE', () => {
    expect(resolve(snapshot, 'nope', 'u1')).toMatchObject({ ok: false, code: 'APP_NOT_FOUND' });
    const off = buildReleaseState(1, [{ ...base, visibility: 'offline' }]);
    expect(resolve(off, 'qinghe-books', 'tester-1')).toMatchObject({ ok: false, code: 'APP_OFFLINE' });
  });
});
