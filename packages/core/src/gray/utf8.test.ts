import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from './utf8.js';

describe('utf8Encode', () => {
  it('writes the bytes TextEncoder writes, for any string (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        for (const s of [a, b, `${a}\ud800${b}`, `\udc00${a}`])
          expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
      }),
    );
  });
});
