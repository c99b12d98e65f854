import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3, murmur3Bytes, murmur3Prefix, murmur3WithPrefix } from './murmur3.js';

// The UTF-8 path packs each code point's bytes into the open block itself, so what can go wrong is where a
// 2-, 3- or 4-byte sequence straddles a block: bucket.test.ts checks arbitrary UTF-16 against TextEncoder, these
// aim at the straddles (every carried length, runs of each width, surrogates at the ends).
const utf8 = (s: string) => new TextEncoder().encode(s);
const viaPrefix = (p: string, s: string) => murmur3WithPrefix(murmur3Prefix(p), s);

// fast-check's 'binary' unit only yields whole code points; lone surrogates need raw UTF-16 code units.
const codeUnit = fc
  .oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }))
  .map((c) => String.fromCharCode(c));
const utf16 = (maxLength: number) => fc.string({ unit: codeUnit, maxLength });

const piece = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 7 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  utf16(4),
  fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    maxLength: 5,
  }),
  fc.constantFrom(
    '张三',
    '李四1988',
    'é',
    'ß',
    '€',
    '👍',
    '𠮷',
    '\ud800',
    '\udbff',
    '\udc00',
    '\udfff',
    '\udc00\ud800',
  ),
);
const mixed = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

describe('murmur3 over UTF-8 built from char codes', () => {
  it('equals hashing TextEncoder bytes, for any prefix and mixed ASCII/CJK/astral/lone-surrogate ids', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), utf16(24), mixed), mixed, (p, s) => {
        // Split there, a surrogate pair is two lone halves (see the last test); a key prefix ends in ':'.
        fc.pre(!(/[\ud800-\udbff]$/.test(p) && /^[\udc00-\udfff]/.test(s)));
        expect(viaPrefix(p, s)).toBe(murmur3Bytes(utf8(p + s)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals hashing TextEncoder bytes under any seed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), utf16(60)),
        fc.integer(),
        (s, seed) => {
          expect(murmur3(s, seed)).toBe(murmur3Bytes(utf8(s), seed));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('places every sequence width at every block offset', () => {
    const chars = [
      'a',
      'é',
      '߿',
      'ࠀ',
      '张',
      '\uffff',
      '👍',
      '\u{10ffff}',
      '\ud800',
      '\udfff',
      '\ud800\ud800',
    ];
    for (let carried = 0; carried < 4; carried++) {
      const p = 'k:1.0:'.padStart(8 + carried, 'x');
      for (let lead = 0; lead < 4; lead++) {
        for (const a of chars) {
          for (const b of chars) {
            const s = 'a'.repeat(lead) + a + b + a;
            expect(viaPrefix(p, s), `${JSON.stringify(p)} + ${JSON.stringify(s)}`).toBe(
              murmur3Bytes(utf8(p + s)),
            );
          }
        }
      }
    }
  });

  it('encodes the prefix on its own: a pair split between prefix and id is two U+FFFD', () => {
    const bytes = new Uint8Array([...utf8('k:\ud83d'), ...utf8('\udc4d')]);
    expect(viaPrefix('k:\ud83d', '\udc4d')).toBe(murmur3Bytes(bytes));
  });
});
