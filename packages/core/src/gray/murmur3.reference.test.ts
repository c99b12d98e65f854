import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf } from './bucket.js';
import { murmur3Prefix, murmur3WithPrefix } from './murmur3.js';

// The reference port the vectors were made with (root devDependency, no types): an implementation
// independent of ours, over TextEncoder's bytes.
const reference = createRequire(import.meta.url)('murmurhash3js-revisited') as {
  x86: { hash32(bytes: Uint8Array, seed?: number): number };
};
const utf8 = (s: string) => new TextEncoder().encode(s);

// Ids mixing ASCII runs with 2-, 3- and 4-byte characters and lone surrogates, so both the ASCII fast path
// and its fall-back to the UTF-8 path are crossed at every offset.
const mixedId = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 9 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.constantFrom('张三', '👍', 'é', '\ud800', '\udfff', '1988'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('murmur3 with a prefix, against the reference implementation', () => {
  it('agrees on any app:version: prefix (every carried length) and any id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), mixedId, (app, id) => {
        const prefix = `${app}:1.4.0:`;
        expect(murmur3WithPrefix(murmur3Prefix(prefix), id)).toBe(reference.x86.hash32(utf8(prefix + id)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on ASCII ids of every length after prefixes of every carried length', () => {
    for (let pad = 0; pad < 4; pad++) {
      const prefix = `${'a'.repeat(pad)}qinghe-books:1.4.0:`;
      const state = murmur3Prefix(prefix);
      for (let len = 0; len < 40; len++) {
        const id = 'u-0123456789abcdefghijklmnopqrstuvwxyz~!'.slice(0, len);
        expect(murmur3WithPrefix(state, id)).toBe(reference.x86.hash32(utf8(prefix + id)));
      }
    }
  });

  it('buckets by the reference hash mod 10000', () => {
    expect(bucketOf('qinghe-books', '1.4.0', 'u-x7')).toBe(
      reference.x86.hash32(utf8('qinghe-books:1.4.0:u-x7')) % 10_000,
    );
  });
});
