import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, lineAndColumn } from './json-error-position.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorPosition', () => {
  it.each([
    ['{"pages": ["a",]}', 15],
    ['{"a": }', 6],
    ['{"a": 1', 7],
    ['{"a": 1} x', 9],
    ['{a: 1}', 1],
    ['', 0],
    ['{"a": "\u0001"}', 6],
  ])('finds the error in %j at %i', (text, at) => {
    expect(jsonErrorPosition(text)).toBe(at);
  });

  it('agrees with JSON.parse on what is JSON (property)', () => {
    const near = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, -1)),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', '}', ']', '"', ':', ' ', 'x')).map(([t, i, c]) => {
        const at = i % (t.length + 1);
        return t.slice(0, at) + c + t.slice(at);
      }),
    );
    fc.assert(
      fc.property(near, (text) => (jsonErrorPosition(text) === undefined) === parses(text)),
      { numRuns: 1000 },
    );
  });
});

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('{\n  "a": x', 8)).toEqual({ line: 2, column: 7 });
  });
});
