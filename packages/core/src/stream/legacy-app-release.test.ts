import { describe, expect, it } from 'vitest';
import type { AppRelease } from '../wire/stream.js';
import { upgradeAppRelease } from './legacy-app-release.js';

const live = { version: '1.0.0', sha256: 'b'.repeat(64), size: 3 };
const app: AppRelease = {
  appId: 'app-1',
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 2,
  live,
  gray: null,
  experience: null,
  insiders: [],
};

describe('upgradeAppRelease', () => {
  it('renames an older row’s `release` to `live`, in place in the key order', () => {
    const { live: _, ...rest } = app;
    const old = JSON.parse(JSON.stringify({ ...rest, release: live })) as AppRelease;
    const keys = Object.keys(old);
    keys.splice(keys.indexOf('release'), 1);
    keys.splice(5, 0, 'release');
    const ordered = Object.fromEntries(keys.map((k) => [k, (old as unknown as Record<string, unknown>)[k]]));
    const upgraded = upgradeAppRelease(ordered as unknown as AppRelease);
    expect(upgraded).toEqual(app);
    expect(JSON.stringify(upgraded)).toBe(JSON.stringify(app));
  });

  it('leaves a current one as it is (the same object)', () => {
    expect(upgradeAppRelease(app)).toBe(app);
  });
});
