import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  logEValueWorse,
  logLikelihoodRatio,
  ratioInterval,
  type SignalCounts,
  sidakThreshold,
} from './health-e-value.js';

const even: SignalCounts = { grayLaunches: 1_000, stableLaunches: 99_000, grayEvents: 10, stableEvents: 990 };
const counts = fc.record({
  grayLaunches: fc.integer({ min: 1, max: 100_000 }),
  stableLaunches: fc.integer({ min: 1, max: 1_000_000 }),
  grayEvents: fc.integer({ min: 0, max: 2_000 }),
  stableEvents: fc.integer({ min: 0, max: 20_000 }),
});

describe('the e-process of gray against stable', () => {
  it('α = 0.05 split over three signals by Šidák gives 1/α ≈ 59 per signal', () => {
    expect(sidakThreshold(0.05, 3)).toBeCloseTo(59.0, 0);
  });

  it('a ratio tested against itself has likelihood ratio 1', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.1, max: 10, noNaN: true }), (c, r) => {
        expect(logLikelihoodRatio([c], r, r)).toBeCloseTo(0, 9);
      }),
    );
  });

  it('one more gray event never lowers the evidence that gray is worse', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const more = { ...c, grayEvents: c.grayEvents + 1 };
        expect(logEValueWorse([more], 2)).toBeGreaterThanOrEqual(logEValueWorse([c], 2));
      }),
    );
  });

  it('splitting a stretch into two with the same share changes no e-value (pooling is exact)', () => {
    const half: SignalCounts = {
      grayLaunches: 500,
      stableLaunches: 49_500,
      grayEvents: 12,
      stableEvents: 480,
    };
    const whole: SignalCounts = {
      grayLaunches: 1_000,
      stableLaunches: 99_000,
      grayEvents: 24,
      stableEvents: 960,
    };
    expect(logEValueWorse([half, half], 2)).toBeCloseTo(logEValueWorse([whole], 2), 9);
  });

  it('gray exactly as good as stable gives an e-value below 1', () => {
    expect(Math.exp(logEValueWorse([even], 2))).toBeLessThan(1);
  });

  it('a stretch with no stable launches carries no evidence', () => {
    expect(
      logEValueWorse([{ grayLaunches: 100, stableLaunches: 0, grayEvents: 50, stableEvents: 0 }], 2),
    ).toBeCloseTo(0, 12);
  });

  it('the interval holds the observed ratio, and narrows with more data', () => {
    const [lo, hi] = ratioInterval([even], Math.log(59));
    const [lo10, hi10] = ratioInterval(
      [{ grayLaunches: 10_000, stableLaunches: 990_000, grayEvents: 100, stableEvents: 9_900 }],
      Math.log(59),
    );
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
    expect(lo10).toBeGreaterThan(lo);
    expect(hi10).toBeLessThan(hi as number);
    expect(lo10).toBeLessThan(1);
    expect(hi10).toBeGreaterThan(1);
  });

  it('no events at all leave the ratio unbounded above', () => {
    const [lo, hi] = ratioInterval(
      [{ grayLaunches: 100, stableLaunches: 9_900, grayEvents: 0, stableEvents: 0 }],
      Math.log(59),
    );
    expect(lo).toBe(0);
    expect(hi).toBeNull();
  });
});
