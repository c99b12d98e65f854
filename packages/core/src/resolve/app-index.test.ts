import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppRelease } from '../wire/stream.js';
import { AppIndex } from './app-index.js';
import { compileApp } from './compile-app.js';
import { bytesToHex, hexToBytes, PACKED_SHA_BYTES, packApp, unpackApp } from './packed-app.js';
import { decide } from './resolve.js';

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const sha256 = fc.oneof(
  hex64,
  hex64.map((s) => s.toUpperCase()),
  fc.string({ maxLength: 70 }),
);
const version = fc.oneof(fc.constantFrom('1.3.0', '1.4.0', '2.0.0'), fc.string({ maxLength: 8 }));
const size = fc.oneof(fc.nat(), fc.integer({ min: 0, max: 2 ** 40 }), fc.double());
const ref = fc.record({ version, sha256, size });
const user = fc.oneof(
  fc.constantFrom('张三', 'tester-1', '👍', 'u1'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/**
 * Any AppRelease, keys in their canonical order (fc.record's objects have no prototype, hence toEqual and not
 * toStrictEqual); most have no gray, experience or insiders, as in life.
 */
const release: fc.Arbitrary<AppRelease> = fc.record({
  appId: fc.oneof(
    fc.constantFrom('qinghe-books', '2021001122334455'),
    fc.string({ minLength: 1, maxLength: 20 }),
  ),
  name: fc.oneof(fc.constantFrom('青禾读书', '杭州地铁'), fc.string({ unit: 'binary', maxLength: 20 })),
  brand: fc.oneof(fc.constantFrom('青禾', ''), fc.string({ maxLength: 10 })),
  visibility: fc.constantFrom('online' as const, 'offline' as const),
  revision: fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  live: fc.option(ref, { nil: null, freq: 4 }),
  gray: fc.option(fc.record({ version, sha256, size, basisPoints: fc.integer({ min: 1, max: 10_000 }) }), {
    nil: null,
    freq: 2,
  }),
  experience: fc.option(ref, { nil: null, freq: 2 }),
  insiders: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, fc.array(user, { maxLength: 4 })),
});

/** A release and a user to ask about it: often one of its insiders, sometimes asking for experience. */
const question = release.chain((r) =>
  fc.tuple(
    fc.constant(r),
    r.insiders.length > 0 ? fc.oneof(user, fc.constantFrom(...r.insiders)) : user,
    fc.constantFrom('experience' as const, undefined),
  ),
);

describe('packed apps', () => {
  it('pack and unpack to the same AppRelease, key order included', () => {
    fc.assert(
      fc.property(release, (r) => {
        const back = unpackApp(r.appId, packApp(r));
        expect(back).toEqual(r);
        expect(JSON.stringify(back)).toBe(JSON.stringify(r));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a lowercase hex digest as its 32 bytes, and anything else as given', () => {
    const hex = 'a3'.repeat(16) + '0f'.repeat(16);
    const bytes = hexToBytes(hex)!;
    expect(bytes).toHaveLength(32);
    expect(bytesToHex(bytes)).toBe(hex);
    expect(hexToBytes(hex.toUpperCase())).toBeNull();
    expect(hexToBytes('sha-1.4.0')).toBeNull();
    const app: AppRelease = {
      appId: 'qinghe-books',
      name: '青禾读书',
      brand: '青禾',
      visibility: 'online',
      revision: 3,
      live: { version: '1.3.0', sha256: hex, size: 10 },
      gray: null,
      experience: null,
      insiders: [],
    };
    const packed = packApp(app);
    expect(packed.flags & PACKED_SHA_BYTES).toBe(PACKED_SHA_BYTES);
    expect(packed.extra).toBeNull();
  });
});

describe('AppIndex', () => {
  it('keeps the insiders it has for a change that carries none, and takes those a change carries', () => {
    fc.assert(
      fc.property(release, release, fc.boolean(), (before, after, carries) => {
        const store = new AppIndex();
        store.set(before.appId, before);
        const { insiders, ...rest } = { ...after, appId: before.appId };
        store.set(before.appId, carries ? { ...rest, insiders } : rest);
        expect(unpackApp(before.appId, store.packed(before.appId)!)).toEqual({
          ...rest,
          insiders: carries ? insiders : before.insiders,
        });
      }),
    );
  });

  it('gives back every release as it was put, one by one and all together', () => {
    fc.assert(
      fc.property(fc.array(release, { maxLength: 30 }), (rs) => {
        const store = new AppIndex();
        const last = new Map(rs.map((r) => [r.appId, r]));
        for (const r of rs) store.set(r.appId, r);
        expect(store.size).toBe(last.size);
        for (const [appId, r] of last) expect(store.toRelease(appId)).toEqual(r);
        const byId = (xs: Iterable<AppRelease>) => new Map([...xs].map((r) => [r.appId, r]));
        expect(byId(store.releases())).toEqual(last);
        expect(byId([...store.values()].map((c) => c.source))).toEqual(last);
        expect(new Set([...store.entries()].map(([appId]) => appId))).toEqual(new Set(last.keys()));
      }),
    );
  });

  it('decides as compileApp + decide on 10k random cases, across evictions and recompiles', () => {
    const store = new AppIndex({ compiledCacheSize: 8 });
    const seen: Array<[AppRelease, string]> = [];
    fc.assert(
      fc.property(question, ([r, userId, channel]) => {
        store.set(r.appId, r);
        expect(decide(store.get(r.appId)!, userId, channel)).toEqual(decide(compileApp(r), userId, channel));
        // And an app put earlier, compiled again or still cached.
        const [earlier, id] = seen[seen.length % 97] ?? [r, r.appId];
        const current = store.toRelease(id) ?? earlier;
        expect(decide(store.get(id)!, userId)).toEqual(decide(compileApp(current), userId));
        seen.push([r, r.appId]);
      }),
      { numRuns: 10_000 },
    );
    expect(store.compiledCount).toBeLessThanOrEqual(8);
  });

  const app = (i: number, revision = 1): AppRelease => ({
    appId: `app-${i}`,
    name: `应用${i}`,
    brand: '青禾',
    visibility: 'online',
    revision,
    live: { version: '1.3.0', sha256: 'ab'.repeat(32), size: 1000 + i },
    gray: i % 10 === 0 ? { version: '1.4.0', sha256: 'cd'.repeat(32), size: 1, basisPoints: 5000 } : null,
    experience: null,
    insiders: [],
  });

  it('never holds more compiled apps than its cache size, and keeps a hot app compiled', () => {
    const store = new AppIndex({ compiledCacheSize: 100 });
    for (let i = 0; i < 10_000; i++) store.set(`app-${i}`, app(i));
    const hot = store.get('app-7');
    for (let i = 0; i < 10_000; i++) {
      store.get(`app-${(i * 7919) % 10_000}`);
      expect(store.get('app-7')).toBe(hot);
      expect(store.compiledCount).toBeLessThanOrEqual(100);
    }
    expect(store.get('nope')).toBeUndefined();
  });

  it('replaces one app in place: the others keep their compiled form, the changed one is compiled anew', () => {
    const store = new AppIndex();
    for (let i = 0; i < 1000; i++) store.set(`app-${i}`, app(i));
    const others = [1, 500, 999].map((i) => store.get(`app-${i}`));
    const before = store.get('app-42')!;
    store.set('app-42', { ...app(42, 2), visibility: 'offline' });
    expect(store.get('app-42')).not.toBe(before);
    expect(decide(store.get('app-42')!, 'u1')).toMatchObject({ ok: false, code: 'APP_OFFLINE' });
    expect([1, 500, 999].map((i) => store.get(`app-${i}`))).toEqual(others);
    expect(others.every((c, k) => store.get(`app-${[1, 500, 999][k]}`) === c)).toBe(true);
    store.set('app-42', null);
    expect(store.get('app-42')).toBeUndefined();
    expect(store.size).toBe(999);
  });

  it('clones independently: a change to the copy leaves the original as it was', () => {
    const store = new AppIndex();
    store.set('app-1', app(1));
    const copy = store.clone();
    copy.set('app-1', app(1, 9));
    copy.set('app-2', app(2));
    expect(store.toRelease('app-1')?.revision).toBe(1);
    expect(store.has('app-2')).toBe(false);
    expect(copy.toRelease('app-1')?.revision).toBe(9);
  });
});
