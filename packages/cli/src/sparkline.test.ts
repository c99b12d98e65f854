import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePoints, sparkline } from './sparkline.js';

const point = (i: number, launches: number, errors: number) => ({
  minute: new Date(Date.UTC(2026, 11, 3, 8, i)).toISOString(),
  gray: { launches, errors, crashes: 0, feedback: 0 },
  stable: { launches: launches * 9, errors, crashes: 0, feedback: 0 },
});

describe('sparkline', () => {
  it('draws rates on one scale, a dot where there were no launches, never the zero bar for a rate above 0', () => {
    expect(sparkline([0, 0.01, 0.05, 0.1, null], 0.1)).toBe('▁▂▅█·');
  });

  it('draws everything as the zero bar when nothing was reported above zero', () => {
    expect(sparkline([0, 0], 0)).toBe('▁▁');
  });
});

describe('mergePoints', () => {
  it('adds up counts of adjacent points, so a merged rate is events over launches', () => {
    const merged = mergePoints([point(0, 10, 1), point(1, 30, 0), point(2, 5, 5)], 2);
    expect(merged.map((p) => [p.minute.slice(11, 16), p.gray.launches, p.gray.errors])).toEqual([
      ['08:00', 40, 1],
      ['08:02', 5, 5],
    ]);
  });

  it('fits any series into the columns and loses no launch', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (ls, cols) => {
        const merged = mergePoints(
          ls.map((l, i) => point(i % 60, l, 0)),
          cols,
        );
        expect(merged.length).toBeLessThanOrEqual(cols);
        expect(merged.reduce((a, p) => a + p.gray.launches, 0)).toBe(ls.reduce((a, l) => a + l, 0));
      }),
    );
  });
});
