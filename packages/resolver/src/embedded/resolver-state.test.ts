import { type AppRelease, buildReleaseState } from '@minirelease/core';
import { describe, expect, it } from 'vitest';
import { ResolverState } from './resolver-state.js';

const app = (appId: string, revision: number): AppRelease => ({
  appId,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision,
  live: { version: `1.${revision}.0`, sha256: 'ab'.repeat(32), size: 10 },
  gray: null,
  experience: null,
  insiders: [],
});

describe('ResolverState', () => {
  it('applies a change to its store in place, then moves seq; an old or repeated change is ignored', () => {
    const state = new ResolverState(buildReleaseState(1, [app('a', 1), app('b', 1)]));
    const before = state.snapshot;
    const b = before.apps.get('b');
    expect(state.apply({ seq: 2, appId: 'a', app: app('a', 2) })).toBe(true);
    expect(state.snapshot).not.toBe(before);
    expect(state.snapshot.seq).toBe(2);
    expect(state.snapshot.apps).toBe(before.apps);
    expect(state.snapshot.apps.get('b')).toBe(b);
    expect(state.snapshot.apps.toRelease('a')?.revision).toBe(2);
    expect(state.apply({ seq: 2, appId: 'a', app: null })).toBe(false);
    expect(state.apply({ seq: 3, appId: 'a', app: null })).toBe(true);
    expect(state.snapshot.apps.has('a')).toBe(false);
  });

  it('swaps in a whole snapshot, whatever its seq', () => {
    const state = new ResolverState(buildReleaseState(9, [app('a', 1)]));
    const next = buildReleaseState(4, [app('c', 1)]);
    state.replace(next);
    expect(state.snapshot).toBe(next);
  });

  it('gives a copy that stays at its seq while changes go on', () => {
    const state = new ResolverState(buildReleaseState(1, [app('a', 1), app('b', 1)]));
    const copy = state.copy();
    state.apply({ seq: 2, appId: 'a', app: app('a', 2) });
    state.apply({ seq: 3, appId: 'b', app: null });
    expect(copy.seq).toBe(1);
    expect([...copy.apps.releases()].map((r) => [r.appId, r.revision]).sort()).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(state.snapshot.apps.toRelease('a')?.revision).toBe(2);
  });
});
