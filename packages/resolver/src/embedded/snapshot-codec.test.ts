import { type AppRelease, buildReleaseState } from '@minirelease/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../process/snapshot-file.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

const hex = (i: number) => (i * 2654435761).toString(16).padStart(8, '0').slice(-8).repeat(8);

const app = (i: number, extra: Partial<AppRelease> = {}): AppRelease => ({
  appId: `app-${i}`,
  name: `青禾读书${i}`,
  brand: `品牌${i % 7}`,
  visibility: 'online',
  revision: 1,
  live: { version: `1.${i % 5}.0`, sha256: hex(i), size: 1000 + i },
  gray: null,
  experience: null,
  insiders: [],
  ...extra,
});

const encode = (s: Parameters<typeof encodeSnapshot>[0]) => Buffer.concat([...encodeSnapshot(s)]);

const release: fc.Arbitrary<AppRelease> = fc.record({
  appId: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  name: fc.string({ unit: 'binary', maxLength: 20 }),
  brand: fc.constantFrom('青禾', '', '👍 brand'),
  visibility: fc.constantFrom('online' as const, 'offline' as const),
  revision: fc.oneof(fc.nat(), fc.double()),
  live: fc.option(
    fc.record({
      version: fc.constantFrom('1.0.0', '1.4.0', ''),
      sha256: fc.oneof(fc.nat().map(hex), fc.string({ unit: 'binary', maxLength: 70 })),
      size: fc.oneof(fc.nat(), fc.double({ noNaN: true })),
    }),
    { nil: null },
  ),
  gray: fc.option(
    fc.record({ version: fc.string(), sha256: fc.string(), size: fc.nat(), basisPoints: fc.nat(10_000) }),
    { nil: null, freq: 3 },
  ),
  experience: fc.option(fc.record({ version: fc.string(), sha256: fc.string(), size: fc.nat() }), {
    nil: null,
    freq: 3,
  }),
  insiders: fc.array(fc.string({ unit: 'binary', minLength: 1 }), { maxLength: 3 }),
});

describe('snapshot codec', () => {
  it('decodes what it encodes, for any releases', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(release, { maxLength: 20 }), (seq, apps) => {
        const snapshot = buildReleaseState(seq, apps);
        expect(toSnapshot(decodeSnapshot(encode(snapshot)))).toEqual(toSnapshot(snapshot));
      }),
      { numRuns: 500 },
    );
  });

  it('spans chunks, writes each brand and version once, and decides as the original', () => {
    const apps = Array.from({ length: 30_000 }, (_, i) =>
      app(i, i % 50 === 0 ? { gray: { ...app(i).live!, version: '2.0.0', basisPoints: 500 } } : {}),
    );
    const snapshot = buildReleaseState(9, apps);
    const chunks = [...encodeSnapshot(snapshot)];
    expect(chunks.length).toBeGreaterThan(2);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBeLessThan(30_000 * 100);
    const back = decodeSnapshot(bytes);
    expect(back.seq).toBe(9);
    expect(back.apps.size).toBe(30_000);
    expect(back.apps.toRelease('app-100')).toEqual(apps[100]);
    expect(back.apps.get('app-100')!.answers).toEqual(snapshot.apps.get('app-100')!.answers);
  });

  it('refuses a file cut short or with bytes after its end', () => {
    const bytes = encode(buildReleaseState(3, [app(1), app(2)]));
    for (const cut of [10, 16, 30, bytes.length - 1]) {
      expect(() => decodeSnapshot(bytes.subarray(0, cut))).toThrow();
    }
    expect(() => decodeSnapshot(Buffer.concat([bytes, Buffer.from([0])]))).toThrow();
  });

  it('written while changes apply, replaying the stream from its seq gives the exact state (fuzzy snapshot)', () => {
    const snapshot = buildReleaseState(
      100,
      Array.from({ length: 30_000 }, (_, i) => app(i)),
    );
    const changes: Array<[string, AppRelease | null]> = [
      ['app-5', app(5, { revision: 2 })], // already written
      ['app-29000', app(29_000, { revision: 2, visibility: 'offline' })], // not yet written
      ['app-28000', null], // removed before it is written
      ['app-new', app(30_001)], // added at the end
    ];
    const chunks = encodeSnapshot(snapshot);
    const first = chunks.next().value as Buffer;
    for (const [appId, release] of changes) snapshot.apps.set(appId, release);
    const file = decodeSnapshot(Buffer.concat([first, ...chunks]));
    expect(file.seq).toBe(100);
    for (const [appId, release] of changes) file.apps.set(appId, release);
    expect(toSnapshot(file).apps).toEqual(toSnapshot(snapshot).apps);
  });
});
