import { basisPointsToPercentage, isDomainError, parsePercentage } from '@minirelease/core';
import type { Command } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';

export interface GrayFlags extends AppVersionFlags {
  /** `10`, `12.5`, `30%`, `p10`, `p30` or `p50`. */
  percent: string;
}

/**
 * Starts or widens the gray release. The share is parsed here with the same rule as the server, so a typo is a
 * usage error (exit 2) before any request; a share that does not grow is the server's refusal (exit 1).
 */
export async function grayCommand(flags: GrayFlags, { client, out }: Deps): Promise<number> {
  let percentage: number;
  try {
    percentage = basisPointsToPercentage(parsePercentage(flags.percent));
  } catch (err) {
    if (isDomainError(err)) throw usageError(err.message, { field: 'percent' });
    throw err;
  }
  const version = await client.gray(flags.app, flags.version, percentage);
  out.result(version, (c) => `${c.yellow('gray')} ${versionLine(version, c)}`);
  return 0;
}

export function registerGray(program: Command, ctx: CliContext): void {
  withAppVersion(
    program.command('gray').description('release a version to a random share of users, or widen it'),
  )
    .requiredOption('--percent <share>', 'a percentage in (0, 100] with up to two decimals, or p10|p30|p50')
    .action((flags: GrayFlags, command: Command) => ctx.run(command, (deps) => grayCommand(flags, deps)));
}
