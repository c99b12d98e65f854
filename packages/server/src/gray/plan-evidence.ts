import { HEALTH_SIGNALS } from '@minirelease/core';
import type { Health } from '@minirelease/core/wire';

/**
 * The numbers an automatic decision was made from, for its audit record (DESIGN §10: every automatic move
 * carries its evidence): per signal the counts on both sides, the ratio with its interval, the e-value against
 * its threshold; the gray launches and shares; the plan's step. A person reading the log can redo the sums.
 */
export function planEvidence(
  health: Health,
  plan: { stepIndex: number; steps: readonly number[]; stepGrayLaunches: number },
) {
  const signals = Object.fromEntries(
    HEALTH_SIGNALS.map((name) => {
      const s = health.signals[name];
      return [
        name,
        {
          verdict: s.verdict,
          gray: s.gray,
          stable: s.stable,
          ratio: s.ratio,
          ratioInterval: s.ratioInterval,
          eValue: s.eValue,
          eThreshold: s.eThreshold,
        },
      ];
    }),
  );
  return {
    plan: { stepIndex: plan.stepIndex, steps: plan.steps, stepGrayLaunches: plan.stepGrayLaunches },
    health: {
      verdict: health.verdict,
      explanation: health.explanation,
      grayLaunches: health.signals.errorRate.gray.launches,
      stableLaunches: health.signals.errorRate.stable.launches,
      grayShareObserved: health.grayShareObserved,
      grayShareExpected: health.grayShareExpected,
      sampleRatioMismatch: health.sampleRatioMismatch,
      ...(health.launchesNeeded === undefined ? {} : { launchesNeeded: health.launchesNeeded }),
      signals,
      at: health.updatedAt,
    },
  };
}
