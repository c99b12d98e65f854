import { describe, expect, it } from 'vitest';
import { assessHealth, type HealthStretch } from './health.js';

const at = '2026-12-02T10:00:00.000Z';

function stretch(
  bp: number,
  gray: [launches: number, errors: number, crashes: number, feedback: number],
  stable: [launches: number, errors: number, crashes: number, feedback: number],
): HealthStretch {
  const side = ([launches, errors, crashes, feedback]: typeof gray) => ({
    launches,
    errors,
    crashes,
    feedback,
  });
  return { grayBasisPoints: bp, gray: side(gray), stable: side(stable) };
}

describe('assessHealth', () => {
  it('no data is insufficient, with no estimate and no mismatch', () => {
    const h = assessHealth([], { updatedAt: at });
    expect(h.verdict).toBe('insufficient_data');
    expect(h.sampleRatioMismatch).toBe(false);
    expect(h.signals.errorRate.ratio).toBeNull();
    expect(h.updatedAt).toBe(at);
  });

  it('gray with 4× the errors of stable over 3,000 launches is degraded, and says so with its numbers', () => {
    const h = assessHealth([stretch(100, [3_000, 120, 6, 15], [297_000, 2_970, 594, 1_485])], {
      updatedAt: at,
    });
    expect(h.verdict).toBe('degraded');
    expect(h.signals.errorRate.verdict).toBe('degraded');
    expect(h.signals.errorRate.ratio).toBeCloseTo(4, 5);
    expect(h.signals.errorRate.eValue).toBeGreaterThan(h.signals.errorRate.eThreshold);
    expect(h.signals.crashRate.verdict).not.toBe('degraded');
    expect(h.explanation).toMatch(/errorRate gray 4\.00% vs stable 1\.00%/);
  });

  it('a rise under the relative floor is not degraded however sure the test is', () => {
    // 1.1× on ten million gray launches, tested with alternatives near a badRatio of 1.3: overwhelming
    // evidence that gray is worse, and a harm the relative floor (1.2) forgives.
    const h = assessHealth([stretch(100, [10_000_000, 110_000, 0, 0], [990_000_000, 9_900_000, 0, 0])], {
      updatedAt: at,
      badRatio: 1.3,
    });
    expect(h.signals.errorRate.eValue).toBeGreaterThan(1e6);
    expect(h.signals.errorRate.verdict).not.toBe('degraded');
    expect(h.verdict).not.toBe('degraded');
  });

  it('at badRatio 2 the mixture itself ignores a 1.1× rise: its alternatives start at 1.5×', () => {
    const h = assessHealth([stretch(100, [10_000_000, 110_000, 0, 0], [990_000_000, 9_900_000, 0, 0])], {
      updatedAt: at,
    });
    expect(h.signals.errorRate.eValue).toBeLessThan(1);
  });

  it('a rise under the absolute floor is not degraded: 3× of 0.01 % is 0.02 point', () => {
    const h = assessHealth([stretch(100, [1_000_000, 300, 0, 0], [99_000_000, 9_900, 0, 0])], {
      updatedAt: at,
    });
    expect(h.signals.errorRate.ratio).toBeCloseTo(3, 5);
    expect(h.signals.errorRate.verdict).not.toBe('degraded');
  });

  it('as good as stable on plenty of launches is healthy', () => {
    const h = assessHealth([stretch(100, [20_000, 200, 40, 100], [1_980_000, 19_800, 3_960, 9_900])], {
      updatedAt: at,
      minLaunches: 500,
    });
    expect(h.verdict).toBe('healthy');
    expect(h.launchesNeeded).toBeUndefined();
    expect(h.signals.errorRate.ratioInterval[1]).toBeLessThan(2);
  });

  it('the same data short of minLaunches is insufficient and needs the rest', () => {
    const h = assessHealth([stretch(100, [20_000, 200, 40, 100], [1_980_000, 19_800, 3_960, 9_900])], {
      updatedAt: at,
      minLaunches: 25_000,
    });
    expect(h.verdict).toBe('insufficient_data');
    expect(h.launchesNeeded).toBe(5_000);
  });

  it('few launches are insufficient with an estimate of the launches still needed', () => {
    const h = assessHealth([stretch(100, [300, 3, 1, 2], [29_700, 297, 59, 148])], { updatedAt: at });
    expect(h.verdict).toBe('insufficient_data');
    expect(h.launchesNeeded).toBeGreaterThan(1_000);
  });

  it('a signal stable never reports is judged by gray’s own rate against the absolute floor', () => {
    const h = assessHealth([stretch(100, [20_000, 200, 40, 0], [1_980_000, 19_800, 3_960, 0])], {
      updatedAt: at,
    });
    expect(h.signals.feedbackRate.ratio).toBeNull();
    expect(h.signals.feedbackRate.verdict).toBe('healthy');
  });

  it('gray at 3 % of launches on a 1 % gray is a sample-ratio mismatch and never healthy', () => {
    const h = assessHealth([stretch(100, [60_000, 600, 120, 300], [1_940_000, 19_400, 3_880, 9_700])], {
      updatedAt: at,
    });
    expect(h.sampleRatioMismatch).toBe(true);
    expect(h.grayShareExpected).toBeCloseTo(0.01, 6);
    expect(h.grayShareObserved).toBeCloseTo(0.03, 6);
    expect(h.verdict).toBe('insufficient_data');
    expect(h.explanation).toMatch(/sample ratio mismatch/);
  });
});
