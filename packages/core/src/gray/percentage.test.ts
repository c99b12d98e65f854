import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parsePercentage } from './percentage.js';

describe('parsePercentage', () => {
  it.each([
    [10, 1000],
    [0.01, 1],
    [100, 10_000],
    [12.5, 1250],
    [0.29, 29],
    ['0.29', 29],
    ['30', 3000],
    ['30%', 3000],
    ['p10', 1000],
    ['P30', 3000],
    ['p50', 5000],
    ['99.99', 9999],
  ])('%j is %i basis points', (input, bp) => {
    expect(parsePercentage(input)).toBe(bp);
  });

  it.each([
    0,
    -1,
    100.01,
    0.001,
    12.345,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'p20',
    'ten',
    '1e1',
    null,
    true,
    '0',
  ])('%j is refused with VALIDATION_FAILED', (input) => {
    expect(() => parsePercentage(input)).toThrowError(DomainError);
    try {
      parsePercentage(input);
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    }
  });
});
