import type { GrayPlan } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { grayPlanLines } from '../gray-plan-lines.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';

/** Pauses the gray plan of a version: the version keeps its share, the plan stops acting until `resume`. */
export async function pauseCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const plan = await client.pauseGrayPlan(flags.app, flags.version);
  out.result(plan, (c) => planAnswer('paused', plan, c));
  return 0;
}

/**
 * Resumes a paused or halted plan. A halted one starts a fresh health test from now (docs/gray-health.md): the
 * minutes that halted it would halt it again at once, and a person has looked at them.
 */
export async function resumeCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const plan = await client.resumeGrayPlan(flags.app, flags.version);
  out.result(plan, (c) => planAnswer('resumed', plan, c));
  return 0;
}

function planAnswer(verb: string, plan: GrayPlan, c: Parameters<typeof grayPlanLines>[1]): string[] {
  return [`${c.yellow(verb)} ${c.bold(plan.appId)} ${plan.version}`, ...grayPlanLines(plan, c)];
}

/** Like `publish` and `cancel-gray`, both name the version: a plan belongs to one version, never inferred. */
export function registerPauseResume(program: Command, ctx: CliContext): void {
  withAppVersion(
    program.command('pause').description('pause the gray plan of a version; it keeps its share'),
  ).action((flags: AppVersionFlags, command: Command) =>
    ctx.run(command, (deps) => pauseCommand(flags, deps)),
  );
  withAppVersion(program.command('resume').description('resume a paused or halted gray plan')).action(
    (flags: AppVersionFlags, command: Command) => ctx.run(command, (deps) => resumeCommand(flags, deps)),
  );
}
