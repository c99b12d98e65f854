import type { GrayPlan } from '@minirelease/sdk';
import { when } from './format.js';
import type { Colors } from './output.js';

/** `30 min`, `2 h`, `1 d 6 h`: a soak as a person reads it. */
export function minutes(n: number): string {
  if (n < 60) return `${n} min`;
  if (n % 1440 === 0) return `${n / 1440} d`;
  if (n % 60 === 0) return `${n / 60} h`;
  return `${Math.floor(n / 60)} h ${n % 60} min`;
}

/**
 * When the plan may next act at its step: the end of the soak. Widening also waits for the minimum launches
 * and a healthy verdict, so this is the earliest time, not a promise; none when the plan is not active.
 */
export function earliestNextMove(plan: GrayPlan): string | null {
  if (plan.state !== 'active') return null;
  const last = plan.stepIndex >= plan.steps.length - 1;
  if (last && !plan.publishAtEnd) return null;
  return new Date(Date.parse(plan.stepStartedAt) + plan.soakMinutes * 60_000).toISOString();
}

function state(plan: GrayPlan, c: Colors): string {
  switch (plan.state) {
    case 'active':
      return c.green(plan.state);
    case 'paused':
      return c.yellow(plan.state);
    case 'halted':
      return c.red(plan.state);
    default:
      return c.dim(plan.state);
  }
}

/** A plan and where it stands, in a few lines: for `gray --plan`, `pause`, `resume` and `status`. */
export function grayPlanLines(plan: GrayPlan, c: Colors): string[] {
  const at = plan.steps[plan.stepIndex];
  const steps = plan.steps.map((s, i) => (i === plan.stepIndex ? c.bold(`[${s}]`) : String(s))).join(' → ');
  const next = earliestNextMove(plan);
  const last = plan.stepIndex >= plan.steps.length - 1;
  const lines = [
    `gray plan ${state(plan, c)}  step ${plan.stepIndex + 1} of ${plan.steps.length} (${at} %)  ${steps} %`,
    c.dim(
      `  each step: soak ${minutes(plan.soakMinutes)}, ${plan.minLaunches} gray launches · degraded at ${plan.badRatio}× stable: ${plan.onDegraded} · ${plan.publishAtEnd ? 'publishes at the end' : 'no publish at the end'}`,
    ),
    `  at this step since ${when(plan.stepStartedAt)}${next ? ` · may ${last ? 'publish' : 'widen'} from ${when(next)}` : ''}`,
  ];
  if (plan.lastDecision) lines.push(`  last decision: ${plan.lastDecision}`);
  // A halted or paused plan waits for a person: say which commands move it on.
  const flags = `--app ${plan.appId} --version ${plan.version}`;
  if (plan.state === 'halted') {
    lines.push(
      c.yellow(`  waiting for a person: minirelease resume ${flags} (a fresh test), or cancel-gray`),
    );
  }
  if (plan.state === 'paused') lines.push(c.dim(`  minirelease resume ${flags} to go on`));
  return lines;
}
