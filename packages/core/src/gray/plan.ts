import type { GrayPlanState, OnDegraded } from '../wire/gray-plan.js';
import type { Health } from '../wire/health.js';

/** A gray plan as the core reasons about it: steps in basis points, times in epoch ms (DESIGN §10). */
export interface GrayPlanSpec {
  steps: readonly number[];
  soakMinutes: number;
  minLaunches: number;
  badRatio: number;
  onDegraded: OnDegraded;
  publishAtEnd: boolean;
  state: GrayPlanState;
}

/** Where the plan stands, read from its row and the version. */
export interface GrayPlanProgress {
  /** Index into `steps` of the step the plan is at. */
  stepIndex: number;
  /** When that step began (epoch ms). */
  stepStartedAt: number;
  /** The version's gray share now, in basis points (0 before the first step is applied). */
  currentBasisPoints: number;
  /** Gray launches counted since the step began: each step must see `minLaunches` of its own. */
  stepGrayLaunches: number;
}

export type GrayStep =
  | { action: 'wait'; reason: string }
  | { action: 'widen'; basisPoints: number; stepIndex: number; reason: string }
  | { action: 'halt'; reason: string }
  | { action: 'cancel'; reason: string }
  | { action: 'publish'; reason: string };

/**
 * What the plan does next: the reconcile loop's pure half (DESIGN §10; Argo Rollouts' canary steps). The
 * ticker calls it every pass with the health since the plan began and applies the answer through the
 * ordinary write path; answering `wait` changes nothing, so calling it twice is harmless.
 *
 * `health` covers every minute since the plan began, so the e-process is one test for the whole plan and
 * widening adds no new chances of a false halt; `minLaunches` is counted per step, from `progress`.
 */
export function nextGrayStep(
  plan: GrayPlanSpec,
  health: Health,
  progress: GrayPlanProgress,
  now: number,
): GrayStep {
  if (plan.state !== 'active') return { action: 'wait', reason: `plan is ${plan.state}` };
  if (health.verdict === 'degraded') {
    return plan.onDegraded === 'cancel'
      ? { action: 'cancel', reason: health.explanation }
      : { action: 'halt', reason: health.explanation };
  }
  const index = Math.min(Math.max(progress.stepIndex, 0), plan.steps.length - 1);
  const step = plan.steps[index] ?? 10_000;
  // The plan's first step (or a step the version fell short of) is applied before anything is soaked.
  if (progress.currentBasisPoints < step) {
    return {
      action: 'widen',
      basisPoints: step,
      stepIndex: index,
      reason: `step ${index + 1} of ${plan.steps.length}`,
    };
  }
  const soakEnds = progress.stepStartedAt + plan.soakMinutes * 60_000;
  if (now < soakEnds) {
    return {
      action: 'wait',
      reason: `soaking step ${index + 1} for ${Math.ceil((soakEnds - now) / 60_000)} more min`,
    };
  }
  const last = index === plan.steps.length - 1;
  // At 100 % nobody is left on stable to compare with: the soak alone decides, degraded excepted (above).
  const comparable = step < 10_000;
  if (comparable && health.verdict !== 'healthy') {
    return { action: 'wait', reason: health.explanation };
  }
  if (progress.stepGrayLaunches < plan.minLaunches) {
    return {
      action: 'wait',
      reason: `step ${index + 1} has ${progress.stepGrayLaunches} of ${plan.minLaunches} gray launches`,
    };
  }
  if (!last) {
    const next = plan.steps[index + 1] as number;
    return {
      action: 'widen',
      basisPoints: next,
      stepIndex: index + 1,
      reason: `step ${index + 2} of ${plan.steps.length}: ${health.explanation}`,
    };
  }
  return plan.publishAtEnd
    ? { action: 'publish', reason: `last step soaked: ${health.explanation}` }
    : { action: 'wait', reason: 'last step reached; publish is left to a person' };
}

/** The checks a plan's steps must pass: increasing basis points in (0, 10000]. Returns the first problem. */
export function grayPlanStepsProblem(steps: readonly number[]): string | undefined {
  if (steps.length === 0) return 'steps must not be empty';
  if (steps.length > 20) return 'at most 20 steps';
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as number;
    if (!Number.isInteger(s) || s < 1 || s > 10_000) return `step ${i + 1} must be in (0, 100]`;
    if (i > 0 && s <= (steps[i - 1] as number)) return 'steps must increase (gray never narrows)';
  }
  return undefined;
}
