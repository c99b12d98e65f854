import { describe, expect, it } from 'vitest';
import type { Health } from '../wire/health.js';
import { type GrayPlanProgress, type GrayPlanSpec, grayPlanStepsProblem, nextGrayStep } from './plan.js';

const plan: GrayPlanSpec = {
  steps: [100, 500, 2_000, 5_000, 10_000],
  soakMinutes: 30,
  minLaunches: 500,
  badRatio: 2,
  onDegraded: 'halt',
  publishAtEnd: true,
  state: 'active',
};
const MIN = 60_000;

function health(verdict: Health['verdict']): Health {
  const side = { launches: 0, events: 0, rate: 0 };
  const signal = {
    gray: side,
    stable: side,
    ratio: null,
    ratioInterval: [0, null] as [number, number | null],
    eValue: 1,
    eThreshold: 59,
    floorRelative: 1.2,
    floorAbsolute: 0.001,
    verdict,
  };
  return {
    verdict,
    signals: { errorRate: signal, crashRate: signal, feedbackRate: signal },
    grayShareObserved: 0.01,
    grayShareExpected: 0.01,
    sampleRatioMismatch: false,
    explanation: `it is ${verdict}`,
    updatedAt: '2026-12-02T10:00:00.000Z',
  };
}

function at(stepIndex: number, currentBasisPoints: number, stepGrayLaunches = 1_000): GrayPlanProgress {
  return { stepIndex, stepStartedAt: 0, currentBasisPoints, stepGrayLaunches };
}

describe('nextGrayStep', () => {
  it('a new plan first widens to its first step', () => {
    expect(nextGrayStep(plan, health('insufficient_data'), at(0, 0), 0)).toMatchObject({
      action: 'widen',
      basisPoints: 100,
      stepIndex: 0,
    });
  });

  it('waits while the step soaks, even when healthy', () => {
    const step = nextGrayStep(plan, health('healthy'), at(0, 100), 29 * MIN);
    expect(step).toMatchObject({ action: 'wait' });
    expect(step.reason).toMatch(/soaking step 1 for 1 more min/);
  });

  it('widens to the next step once soaked and healthy', () => {
    expect(nextGrayStep(plan, health('healthy'), at(0, 100), 30 * MIN)).toMatchObject({
      action: 'widen',
      basisPoints: 500,
      stepIndex: 1,
    });
  });

  it('waits on insufficient data after the soak, giving the health’s reason', () => {
    expect(nextGrayStep(plan, health('insufficient_data'), at(0, 100), 60 * MIN)).toEqual({
      action: 'wait',
      reason: 'it is insufficient_data',
    });
  });

  it('waits while the step has fewer than minLaunches gray launches of its own', () => {
    const step = nextGrayStep(plan, health('healthy'), at(1, 500, 499), 60 * MIN);
    expect(step).toMatchObject({ action: 'wait' });
    expect(step.reason).toMatch(/499 of 500/);
  });

  it('halts when degraded, during the soak too', () => {
    expect(nextGrayStep(plan, health('degraded'), at(0, 100), 5 * MIN)).toEqual({
      action: 'halt',
      reason: 'it is degraded',
    });
  });

  it('cancels when degraded and the plan says cancel', () => {
    expect(
      nextGrayStep({ ...plan, onDegraded: 'cancel' }, health('degraded'), at(0, 100), 5 * MIN),
    ).toMatchObject({
      action: 'cancel',
    });
  });

  it('at 100 % nobody is left to compare with: it publishes once soaked', () => {
    expect(nextGrayStep(plan, health('insufficient_data'), at(4, 10_000), 30 * MIN)).toMatchObject({
      action: 'publish',
    });
  });

  it('at the last step without publishAtEnd it waits for a person', () => {
    expect(
      nextGrayStep({ ...plan, publishAtEnd: false }, health('healthy'), at(4, 10_000), 30 * MIN),
    ).toMatchObject({ action: 'wait', reason: 'last step reached; publish is left to a person' });
  });

  it('a last step below 100 % publishes only when healthy', () => {
    const short = { ...plan, steps: [100, 5_000] };
    expect(nextGrayStep(short, health('insufficient_data'), at(1, 5_000), 30 * MIN).action).toBe('wait');
    expect(nextGrayStep(short, health('healthy'), at(1, 5_000), 30 * MIN).action).toBe('publish');
  });

  it('a paused or halted plan does nothing, degraded or not', () => {
    for (const state of ['paused', 'halted', 'completed', 'ended'] as const) {
      expect(nextGrayStep({ ...plan, state }, health('degraded'), at(0, 100), 60 * MIN)).toEqual({
        action: 'wait',
        reason: `plan is ${state}`,
      });
    }
  });
});

describe('grayPlanStepsProblem', () => {
  it('accepts increasing steps up to 100 %', () => {
    expect(grayPlanStepsProblem([100, 500, 2_000, 5_000, 10_000])).toBeUndefined();
  });

  it('refuses empty, non-increasing and out-of-range steps', () => {
    expect(grayPlanStepsProblem([])).toMatch(/empty/);
    expect(grayPlanStepsProblem([500, 500])).toMatch(/increase/);
    expect(grayPlanStepsProblem([0, 100])).toMatch(/\(0, 100\]/);
    expect(grayPlanStepsProblem([100, 10_001])).toMatch(/\(0, 100\]/);
  });
});
