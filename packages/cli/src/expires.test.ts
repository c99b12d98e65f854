import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseExpires } from './expires.js';

const now = new Date('2026-12-02T10:00:00.000Z');

describe('parseExpires', () => {
  it.each([
    ['90m', '2026-12-02T11:30:00.000Z'],
    ['12h', '2026-12-02T22:00:00.000Z'],
    ['30d', '2027-01-01T10:00:00.000Z'],
    ['2w', '2026-12-16T10:00:00.000Z'],
    ['2027-01-01', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T08:00:00+08:00', '2027-01-01T00:00:00.000Z'],
  ])('%s → %s', (value, iso) => {
    expect(parseExpires(value, now)).toBe(iso);
  });

  it.each(['soon', '0d', '30', '3y', '2027-02-30', '2027-01-01T08:00', ''])(
    'refuses %j as a usage error',
    (value) => {
      expect(() => parseExpires(value, now)).toThrow(InvalidArgumentError);
    },
  );
});
