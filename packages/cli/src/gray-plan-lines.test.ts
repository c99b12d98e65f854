import type { GrayPlan } from '@minirelease/sdk';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { earliestNextMove, grayPlanLines, minutes } from './gray-plan-lines.js';

const c = pc.createColors(false);
const plan: GrayPlan = {
  appId: 'qinghe-books',
  version: '1.1.0',
  steps: [1, 5, 20],
  soakMinutes: 30,
  minLaunches: 500,
  badRatio: 2,
  onDegraded: 'halt',
  publishAtEnd: false,
  state: 'active',
  stepIndex: 1,
  stepStartedAt: '2026-12-03T09:00:00.000Z',
  lastDecision: 'waiting: 240 more gray launches',
  updatedAt: '2026-12-03T09:05:00.000Z',
};

describe('minutes', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [120, '2 h'],
    [90, '1 h 30 min'],
    [2880, '2 d'],
  ])('%i reads as %s', (n, text) => {
    expect(minutes(n)).toBe(text);
  });
});

describe('earliestNextMove', () => {
  it('is the end of the soak at the current step while active', () => {
    expect(earliestNextMove(plan)).toBe('2026-12-03T09:30:00.000Z');
  });

  it.each(['paused', 'halted', 'completed', 'ended'] as const)('is none when %s', (state) => {
    expect(earliestNextMove({ ...plan, state })).toBeNull();
  });

  it('is none at the last step, unless the plan publishes at the end', () => {
    expect(earliestNextMove({ ...plan, stepIndex: 2 })).toBeNull();
    expect(earliestNextMove({ ...plan, stepIndex: 2, publishAtEnd: true })).toBe('2026-12-03T09:30:00.000Z');
  });
});

describe('grayPlanLines', () => {
  it('marks the current step, says when it may widen and what the ticker last decided', () => {
    expect(grayPlanLines(plan, c)).toEqual([
      'gray plan active  step 2 of 3 (5 %)  1 → [5] → 20 %',
      '  each step: soak 30 min, 500 gray launches · degraded at 2× stable: halt · no publish at the end',
      '  at this step since 2026-12-03 09:00 · may widen from 2026-12-03 09:30',
      '  last decision: waiting: 240 more gray launches',
    ]);
  });

  it('says "publish" at the last step of a plan that publishes at the end', () => {
    const lines = grayPlanLines({ ...plan, stepIndex: 2, publishAtEnd: true }, c);
    expect(lines[2]).toBe('  at this step since 2026-12-03 09:00 · may publish from 2026-12-03 09:30');
  });

  it('names the command a halted plan waits for', () => {
    const lines = grayPlanLines({ ...plan, state: 'halted' }, c);
    expect(lines.at(-1)).toBe(
      '  waiting for a person: minirelease resume --app qinghe-books --version 1.1.0 (a fresh test), or cancel-gray',
    );
    expect(lines[2]).toBe('  at this step since 2026-12-03 09:00');
  });
});
