import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentGeneric } from './generic-segments.js';
import { DEFAULT_WORDS } from './word-lists.js';

// Laws of the generic cover (docs/checker.md, "Names"), over the shipped word list.
const generic = DEFAULT_WORDS.generic;
const word = fc.constantFrom(...generic);
const words = fc.array(word, { minLength: 1, maxLength: 5 });
/** A brand no generic word covers: characters outside every generic word. */
const brand = fc.constantFrom('青禾', '翡翠鸟', '沐栖', 'Qinghe');

describe('segmentGeneric, as a law', () => {
  it('covers any name made only of generic words, and the cover spells the name', () => {
    fc.assert(
      fc.property(words, (parts) => {
        const cover = segmentGeneric(parts.join(''), generic);
        expect(cover?.join('')).toBe(parts.join('').toLowerCase());
      }),
    );
  });

  it('adding a generic word, before or after, never makes a name less generic', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), brand, fc.boolean(), word, (parts, b, branded, added) => {
        const name = branded ? `${b}${parts.join('')}` : parts.join('');
        if (segmentGeneric(name, generic) === undefined) return;
        expect(segmentGeneric(`${name}${added}`, generic)).toBeDefined();
        expect(segmentGeneric(`${added}${name}`, generic)).toBeDefined();
      }),
    );
  });

  it('a brand anywhere among generic words makes the name not generic', () => {
    fc.assert(
      fc.property(words, brand, fc.nat(5), (parts, b, at) => {
        const i = at % (parts.length + 1);
        const name = [...parts.slice(0, i), b, ...parts.slice(i)].join('');
        expect(segmentGeneric(name, generic)).toBeUndefined();
      }),
    );
  });
});
