/**
 * One simulated gray plan, minute by minute: traffic drawn from the rates, health assessed over everything
 * since the plan began (pooled per step), `nextGrayStep` applied, and beside it the naive repeated z-test
 * that the anytime-valid test replaces, so the tests can print both false-halt rates.
 */
import { assessHealth, HEALTH_SIGNALS, type HealthStretch } from '../gray/health.js';
import { type GrayPlanSpec, nextGrayStep } from '../gray/plan.js';
import type { Health } from '../wire/health.js';
import { binomial, type Random, type SignalRates, seededRandom } from './gray-traffic.js';

export interface PlanRun {
  seed: number;
  plan: Omit<GrayPlanSpec, 'state'>;
  launchesPerMinute: number;
  stable: SignalRates;
  gray: SignalRates;
  maxMinutes: number;
  /** Called every minute with what the plan saw; for the low-traffic estimate test. */
  onLook?: (minute: number, health: Health, grayLaunches: number) => void;
}

export interface PlanOutcome {
  outcome: 'halted' | 'cancelled' | 'published' | 'completed' | 'timeout';
  /** Step index at the end and the gray launches (all steps) when it ended. */
  stepIndex: number;
  grayLaunches: number;
  minutes: number;
  widenings: number;
  /** Minute at which the naive test (one-sided z per signal, every minute) would have halted, if ever. */
  naiveHaltMinute: number | undefined;
}

const NAIVE_Z = 2.121; // one-sided z at the same Šidák-split α as the e-process: 1 − 0.95^(1/3) ≈ 0.01695

export function simulatePlan(run: PlanRun): PlanOutcome {
  const random = seededRandom(run.seed);
  const plan: GrayPlanSpec = { ...run.plan, state: 'active' };
  const stretches: HealthStretch[] = [];
  let stepIndex = 0;
  let stepStartedAt = 0;
  let current = 0;
  let stepGray = 0;
  let grayLaunches = 0;
  let widenings = 0;
  let naiveHaltMinute: number | undefined;
  for (let minute = 0; minute < run.maxMinutes; minute++) {
    const now = minute * 60_000;
    if (current > 0) {
      const drawn = drawMinute(random, run, current);
      grayLaunches += drawn.gray.launches;
      stepGray += drawn.gray.launches;
      pool(stretches, drawn);
      if (naiveHaltMinute === undefined && naiveHalts(stretches)) naiveHaltMinute = minute;
    }
    const health = assessHealth(stretches, {
      badRatio: plan.badRatio,
      updatedAt: new Date(now).toISOString(),
    });
    run.onLook?.(minute, health, grayLaunches);
    const step = nextGrayStep(
      plan,
      health,
      { stepIndex, stepStartedAt, currentBasisPoints: current, stepGrayLaunches: stepGray },
      now,
    );
    const end = (outcome: PlanOutcome['outcome']): PlanOutcome => ({
      outcome,
      stepIndex,
      grayLaunches,
      minutes: minute,
      widenings,
      naiveHaltMinute,
    });
    switch (step.action) {
      case 'wait':
        if (step.reason.startsWith('last step reached')) return end('completed');
        break;
      case 'widen':
        if (current > 0) widenings++;
        current = step.basisPoints;
        stepIndex = step.stepIndex;
        stepStartedAt = now;
        stepGray = 0;
        break;
      case 'halt':
        return end('halted');
      case 'cancel':
        return end('cancelled');
      case 'publish':
        return end('published');
    }
  }
  return {
    outcome: 'timeout',
    stepIndex,
    grayLaunches,
    minutes: run.maxMinutes,
    widenings,
    naiveHaltMinute,
  };
}

function drawMinute(random: Random, run: PlanRun, bp: number): HealthStretch {
  const grayLaunches = binomial(random, run.launchesPerMinute, bp / 10_000);
  const stableLaunches = run.launchesPerMinute - grayLaunches;
  const side = (launches: number, rates: SignalRates) => ({
    launches,
    errors: binomial(random, launches, rates.errorRate),
    crashes: binomial(random, launches, rates.crashRate),
    feedback: binomial(random, launches, rates.feedbackRate),
  });
  return {
    grayBasisPoints: bp,
    gray: side(grayLaunches, run.gray),
    stable: side(stableLaunches, run.stable),
  };
}

/** Minutes with the same share are pooled into one stretch (exact while the rates are steady). */
function pool(stretches: HealthStretch[], m: HealthStretch): void {
  const last = stretches.at(-1);
  if (!last || last.grayBasisPoints !== m.grayBasisPoints) {
    stretches.push({ grayBasisPoints: m.grayBasisPoints, gray: { ...m.gray }, stable: { ...m.stable } });
    return;
  }
  for (const side of ['gray', 'stable'] as const) {
    last[side].launches += m[side].launches;
    last[side].errors += m[side].errors;
    last[side].crashes += m[side].crashes;
    last[side].feedback += m[side].feedback;
  }
}

/** The naive look: a two-proportion z-test per signal on everything so far, halting at the first z over NAIVE_Z. */
function naiveHalts(stretches: readonly HealthStretch[]): boolean {
  const field = { errorRate: 'errors', crashRate: 'crashes', feedbackRate: 'feedback' } as const;
  for (const name of HEALTH_SIGNALS) {
    let ng = 0;
    let ns = 0;
    let xg = 0;
    let xs = 0;
    for (const s of stretches) {
      ng += s.gray.launches;
      ns += s.stable.launches;
      xg += s.gray[field[name]];
      xs += s.stable[field[name]];
    }
    if (ng === 0 || ns === 0) continue;
    const p = (xg + xs) / (ng + ns);
    const se = Math.sqrt(p * (1 - p) * (1 / ng + 1 / ns));
    if (se > 0 && (xg / ng - xs / ns) / se > NAIVE_Z) return true;
  }
  return false;
}
