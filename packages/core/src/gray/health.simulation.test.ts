/**
 * The "done when" for the statistics, on synthetic traffic with a fixed seed (docs/gray-health.md):
 * A/A false halts, detection within the launch budgets, the floors, and waiting on low traffic.
 * Each prints its figures; the assertions are the bounds, not timings.
 */
import { describe, expect, it } from 'vitest';
import { type PlanRun, simulatePlan } from '../testing/gray-plan-simulation.js';
import { percentile, STABLE_RATES, scaled } from '../testing/gray-traffic.js';
import type { Health } from '../wire/health.js';

const PLAN = {
  steps: [100, 500, 2000, 5000, 10_000],
  soakMinutes: 30,
  minLaunches: 500,
  badRatio: 2,
  onDegraded: 'halt' as const,
  publishAtEnd: true,
};
const RUNS = 200;

function runs(base: Omit<PlanRun, 'seed'>, seed0: number) {
  return Array.from({ length: RUNS }, (_, i) => simulatePlan({ ...base, seed: seed0 + i }));
}

function rate(n: number): string {
  return `${((n / RUNS) * 100).toFixed(1)} %`;
}

// Minutes of simulated traffic take seconds of CPU; under a loaded full run they need more than the default.
describe('gray health on simulated traffic (fixed seeds)', { timeout: 180_000 }, () => {
  it('A/A: a version as good as stable, looked at every minute on three signals, halts at most 5 % of plans', () => {
    const out = runs(
      { plan: PLAN, launchesPerMinute: 10_000, stable: STABLE_RATES, gray: STABLE_RATES, maxMinutes: 2_000 },
      1_000,
    );
    const halted = out.filter((o) => o.outcome === 'halted').length;
    const naive = out.filter((o) => o.naiveHaltMinute !== undefined).length;
    const published = out.filter((o) => o.outcome === 'published').length;
    const minutes = percentile(
      out.map((o) => o.minutes),
      0.5,
    );
    console.log(
      `A/A over ${RUNS} plans: e-process halts ${rate(halted)}; naive repeated z-test ${rate(naive)}; ` +
        `published ${rate(published)} after a median ${minutes} min`,
    );
    expect(halted / RUNS).toBeLessThanOrEqual(0.05);
    // The comparison the issue asks for: the naive test, looked at as often, halts far more healthy plans.
    expect(naive).toBeGreaterThan(halted * 3);
  });

  function detection(factor: number, seed0: number) {
    const out = runs(
      {
        plan: PLAN,
        launchesPerMinute: 10_000,
        stable: STABLE_RATES,
        gray: scaled(STABLE_RATES, { errorRate: factor }),
        maxMinutes: 600,
      },
      seed0,
    );
    const at = out.map((o) => (o.outcome === 'halted' ? o.grayLaunches : Number.POSITIVE_INFINITY));
    const first = out.filter((o) => o.outcome === 'halted' && o.stepIndex === 0).length;
    const within = (n: number) => at.filter((a) => a <= n).length / RUNS;
    console.log(
      `${factor}× errors at 1 % gray: halted at step 1 after gray launches p10 ${percentile(at, 0.1)}, ` +
        `p50 ${percentile(at, 0.5)}, p80 ${percentile(at, 0.8)}, p95 ${percentile(at, 0.95)}; ` +
        `never ${rate(at.filter((a) => a === Number.POSITIVE_INFINITY).length)}; at step 1 ${rate(first)}`,
    );
    return {
      within,
      first: first / RUNS,
      atFirst: (n: number) =>
        out.filter((o) => o.outcome === 'halted' && o.stepIndex === 0 && o.grayLaunches <= n).length / RUNS,
    };
  }

  it('detection: 2× the stable error rate at 1 % gray is halted at step 1 in ≥ 80 % within 2,100 and ≥ 95 % within 3,300 gray launches', () => {
    const { atFirst } = detection(2, 2_000);
    console.log(
      `2×: at step 1 within 2,100 ${(atFirst(2_100) * 100).toFixed(1)} %, within 3,300 ${(atFirst(3_300) * 100).toFixed(1)} %`,
    );
    expect(atFirst(2_100)).toBeGreaterThanOrEqual(0.8);
    expect(atFirst(3_300)).toBeGreaterThanOrEqual(0.95);
  });

  it('detection: 1.5× is halted in ≥ 80 % within 7,500 gray launches', () => {
    // Below badRatio (2) a 1.5× version may be bounded under 2 and widened first; it is still caught, and the
    // budget counts gray launches across the steps.
    const { within } = detection(1.5, 3_000);
    console.log(`1.5×: within 7,500 ${(within(7_500) * 100).toFixed(1)} %`);
    expect(within(7_500)).toBeGreaterThanOrEqual(0.8);
  });

  it('floors: a huge platform does not halt a version worse by less than both floors (1.08× of 1 %)', () => {
    // A million launches a minute: the e-value soon proves 1.08× is worse, but 1.08 is under the relative floor
    // of 1.2 and 0.08 point under the absolute floor of 0.1 point, so the plan goes on.
    const out = runs(
      {
        plan: PLAN,
        launchesPerMinute: 1_000_000,
        stable: STABLE_RATES,
        gray: scaled(STABLE_RATES, { errorRate: 1.08 }),
        maxMinutes: 400,
      },
      4_000,
    );
    const halted = out.filter((o) => o.outcome === 'halted').length;
    console.log(
      `1.08× on 1M launches/min: halted ${rate(halted)}, published ${rate(out.filter((o) => o.outcome === 'published').length)}`,
    );
    expect(halted).toBe(0);
  });

  it('low traffic: the plan waits — never widens, never halts — while launches are too few', () => {
    // 200 launches a minute: 2 gray launches a minute at 1 %, 960 in 8 hours, short of what bounding the
    // crash rate (0.2 %) below 2× needs.
    const out = Array.from({ length: 50 }, (_, i) =>
      simulatePlan({
        plan: PLAN,
        launchesPerMinute: 200,
        stable: STABLE_RATES,
        gray: STABLE_RATES,
        maxMinutes: 480,
        seed: 5_000 + i,
      }),
    );
    console.log(
      `low traffic, 8 h at 2 gray launches/min: outcomes ${JSON.stringify(tally(out.map((o) => o.outcome)))}, widenings ${out.reduce((a, o) => a + o.widenings, 0)}`,
    );
    expect(out.every((o) => o.outcome === 'timeout' && o.widenings === 0)).toBe(true);
  });

  it('low traffic: launches-needed is within ±25 % of what the plan then took (median of 100 runs)', () => {
    const ESTIMATE_AT = 60;
    const ratios: number[] = [];
    const skipped = { halted: 0, healthyEarly: 0 };
    for (let i = 0; i < 100; i++) {
      let estimate: number | undefined;
      let launchesAtEstimate = 0;
      let tookAt: number | undefined;
      let healthyEarly = false;
      const outcome = simulatePlan({
        plan: { ...PLAN, steps: [100, 10_000], publishAtEnd: false },
        launchesPerMinute: 2_000,
        stable: STABLE_RATES,
        gray: STABLE_RATES,
        maxMinutes: 3_000,
        seed: 6_000 + i,
        onLook: (minute: number, health: Health, grayLaunches: number) => {
          if (minute <= ESTIMATE_AT && health.verdict === 'healthy') healthyEarly = true;
          if (minute === ESTIMATE_AT) {
            estimate = health.launchesNeeded;
            launchesAtEstimate = grayLaunches;
          }
          if (minute > ESTIMATE_AT && tookAt === undefined && health.verdict === 'healthy')
            tookAt = grayLaunches;
        },
      });
      // A/A plans halt falsely at most α of the time (above), and a lucky run is healthy before the estimate
      // is taken; both are counted apart, not judged.
      if (outcome.outcome === 'halted') skipped.halted++;
      else if (healthyEarly) skipped.healthyEarly++;
      else if (estimate === undefined || tookAt === undefined)
        throw new Error(`run ${i}: no estimate or never healthy`);
      else ratios.push(estimate / (tookAt - launchesAtEstimate));
    }
    const median = percentile(ratios, 0.5);
    console.log(
      `launches-needed / launches taken at 20 gray launches/min over ${ratios.length} runs: median ${median.toFixed(2)}, ` +
        `p10 ${percentile(ratios, 0.1).toFixed(2)}, p90 ${percentile(ratios, 0.9).toFixed(2)}; set apart ${JSON.stringify(skipped)}`,
    );
    expect(ratios.length).toBeGreaterThanOrEqual(80);
    expect(median).toBeGreaterThanOrEqual(0.75);
    expect(median).toBeLessThanOrEqual(1.25);
  });
});

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
