import { describe, expect, it } from 'vitest';
import { contentRange, matchesEtag, parseByteRange, rangeFor } from './byte-range.js';

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-9', 100, { kind: 'part', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'part', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'part', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'part', start: 0, end: 99 }],
    ['bytes=50-5000', 100, { kind: 'part', start: 50, end: 99 }],
    ['BYTES=1-1', 100, { kind: 'part', start: 1, end: 1 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=100-200', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=9-2', 100, { kind: 'whole' }],
    ['bytes=0-1,4-5', 100, { kind: 'whole' }],
    ['items=0-1', 100, { kind: 'whole' }],
    ['bytes=a-b', 100, { kind: 'whole' }],
    ['bytes=1234567890123456-', 100, { kind: 'whole' }],
  ] as const)('%s of %i bytes → %o', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });

  it('sends the whole body without a Range header, or when If-Range names another validator', () => {
    expect(parseByteRange(undefined, 10)).toEqual({ kind: 'whole' });
    expect(rangeFor({ range: 'bytes=0-1', 'if-range': '"old"' }, 10, '"new"')).toEqual({ kind: 'whole' });
    expect(rangeFor({ range: 'bytes=0-1', 'if-range': '"new"' }, 10, '"new"')).toMatchObject({
      kind: 'part',
    });
  });

  it('writes Content-Range for a part and for a 416', () => {
    expect(contentRange({ start: 0, end: 9 }, 100)).toBe('bytes 0-9/100');
    expect(contentRange(null, 100)).toBe('bytes */100');
  });
});

describe('matchesEtag', () => {
  it('matches the tag itself, in a list, weak, or *', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
