import { basisPointsToPercentage, isDomainError, parsePercentage } from '@minirelease/core';
import type { GrayPlanRequest, OnDegraded } from '@minirelease/sdk';
import { type Command, Option } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { parseBadRatio, parseSoak, parseSteps } from '../gray-plan-flags.js';
import { grayPlanLines } from '../gray-plan-lines.js';
import { type AppVersionFlags, integer, withAppVersion } from '../options.js';

export interface GrayFlags extends AppVersionFlags {
  /** `10`, `12.5`, `30%`, `p10`, `p30` or `p50`. */
  percent?: string;
  /** A gray plan instead of one share (DESIGN §10): percentages, already parsed from `--plan`. */
  plan?: number[];
  /** Minutes, already parsed from `--soak`. */
  soak?: number;
  minLaunches?: number;
  badRatio?: number;
  onDegraded?: OnDegraded;
  publishAtEnd?: boolean;
}

const PLAN_ONLY = ['soak', 'minLaunches', 'badRatio', 'onDegraded', 'publishAtEnd'] as const;
const FLAG_OF: Record<(typeof PLAN_ONLY)[number], string> = {
  soak: '--soak',
  minLaunches: '--min-launches',
  badRatio: '--bad-ratio',
  onDegraded: '--on-degraded',
  publishAtEnd: '--publish-at-end',
};

/**
 * Starts or widens the gray release by hand (`--percent`), or gives it a plan the server widens through while
 * the version's health allows (`--plan`, `PUT …/gray-plan`). Flags are judged here, so a typo or a mix of the
 * two forms is a usage error (exit 2) before any request; what the server refuses exits 1.
 */
export async function grayCommand(flags: GrayFlags, deps: Deps): Promise<number> {
  if (flags.plan !== undefined) {
    if (flags.percent !== undefined) throw usageError('give --percent or --plan, not both');
    return grayPlanCommand(flags, flags.plan, deps);
  }
  const stray = PLAN_ONLY.find((k) => flags[k] !== undefined);
  if (stray) throw usageError(`${FLAG_OF[stray]} goes with --plan`, { field: stray });
  if (flags.percent === undefined) throw usageError('give --percent <share>, or --plan <steps> for a plan');
  let percentage: number;
  try {
    percentage = basisPointsToPercentage(parsePercentage(flags.percent));
  } catch (err) {
    if (isDomainError(err)) throw usageError(err.message, { field: 'percent' });
    throw err;
  }
  const version = await deps.client.gray(flags.app, flags.version, percentage);
  deps.out.result(version, (c) => `${c.yellow('gray')} ${versionLine(version, c)}`);
  return 0;
}

async function grayPlanCommand(flags: GrayFlags, steps: number[], { client, out }: Deps): Promise<number> {
  if (flags.soak === undefined) throw usageError('--plan needs --soak <duration>', { field: 'soak' });
  if (flags.minLaunches === undefined) {
    throw usageError('--plan needs --min-launches <n>', { field: 'minLaunches' });
  }
  const request: GrayPlanRequest = {
    steps,
    soakMinutes: flags.soak,
    minLaunches: flags.minLaunches,
    ...(flags.badRatio !== undefined ? { badRatio: flags.badRatio } : {}),
    ...(flags.onDegraded ? { onDegraded: flags.onDegraded } : {}),
    ...(flags.publishAtEnd ? { publishAtEnd: true } : {}),
  };
  const plan = await client.setGrayPlan(flags.app, flags.version, request);
  out.result(plan, (c) => [`${c.bold(plan.appId)} ${plan.version}`, ...grayPlanLines(plan, c)]);
  return 0;
}

export function registerGray(program: Command, ctx: CliContext): void {
  withAppVersion(
    program
      .command('gray')
      .description('release a version to a random share of users, or widen it; or give it a gray plan'),
  )
    .option('--percent <share>', 'a percentage in (0, 100] with up to two decimals, or p10|p30|p50')
    .option(
      '--plan <steps>',
      'a gray plan: percentages to widen through while healthy, e.g. 1,5,20,50,100',
      parseSteps,
    )
    .option(
      '--soak <duration>',
      'with --plan: time at each step before it may widen (30m, 2h, 1d)',
      parseSoak,
    )
    .option('--min-launches <n>', 'with --plan: gray launches each step must see', integer(0, 100_000_000))
    .option(
      '--bad-ratio <ratio>',
      'with --plan: gray this many times worse than stable is degraded (default 2)',
      parseBadRatio,
    )
    .addOption(
      new Option(
        '--on-degraded <action>',
        'with --plan: halt and wait for a person, or cancel the gray (default halt)',
      ).choices(['halt', 'cancel']),
    )
    .option('--publish-at-end', 'with --plan: publish once the last step is healthy')
    .action((flags: GrayFlags, command: Command) => ctx.run(command, (deps) => grayCommand(flags, deps)));
}
