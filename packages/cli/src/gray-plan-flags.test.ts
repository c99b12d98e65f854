import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBadRatio, parseSoak, parseSteps } from './gray-plan-flags.js';

describe('parseSteps', () => {
  it.each([
    ['1,5,20,50,100', [1, 5, 20, 50, 100]],
    ['0.5, 12.5 ,p50', [0.5, 12.5, 50]],
    ['100', [100]],
  ])('reads %j as %j', (input, steps) => {
    expect(parseSteps(input)).toEqual(steps);
  });

  it.each(['', '1,,5', '5,1', '5,5', '0,10', '1,101', 'ten', '1,5;20', '12.345'])('refuses %j', (input) => {
    expect(() => parseSteps(input)).toThrow();
  });

  it('refuses more than 20 steps', () => {
    const many = Array.from({ length: 21 }, (_, i) => String(i + 1)).join(',');
    expect(() => parseSteps(many)).toThrow('at most 20 steps');
  });

  it('answers every strictly increasing list of whole percentages as it was written', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 20 }),
        (set) => {
          const sorted = [...set].sort((a, b) => a - b);
          expect(parseSteps(sorted.join(','))).toEqual(sorted);
        },
      ),
    );
  });
});

describe('parseSoak', () => {
  it.each([
    ['30m', 30],
    ['2h', 120],
    ['1d', 1440],
    ['120s', 2],
    ['0m', 0],
    ['10080m', 10_080],
  ])('reads %s as %i minutes', (input, minutes) => {
    expect(parseSoak(input)).toBe(minutes);
  });

  it.each(['90s', '30', 'm', '1.5h', '-5m', '30 min', '2w', '8d', '10081m', ''])('refuses %j', (input) => {
    expect(() => parseSoak(input)).toThrow();
  });
});

describe('parseBadRatio', () => {
  it.each([
    ['2', 2],
    ['1.25', 1.25],
    ['10', 10],
  ])('reads %s', (input, ratio) => {
    expect(parseBadRatio(input)).toBe(ratio);
  });

  it.each(['1.2', '11', 'two', '', '2x', '-2'])('refuses %j', (input) => {
    expect(() => parseBadRatio(input)).toThrow();
  });
});
