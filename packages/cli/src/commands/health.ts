import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { parseBadRatio } from '../gray-plan-flags.js';
import { healthLines } from '../health-lines.js';
import { type AppVersionFlags, integer, withAppVersion } from '../options.js';

export interface HealthFlags extends AppVersionFlags {
  /** How far back: `30m`, `6h`, `1d` (the server's default is a day, its limit 30 days). */
  window?: string;
  badRatio?: number;
  minLaunches?: number;
}

/**
 * A gray version's health against stable (DESIGN §10; docs/gray-health.md): the verdict with its numbers, and a
 * sparkline per signal. Degraded exits 1, as a `check` with an error finding does, so a script can stop on it;
 * healthy and insufficient data exit 0.
 */
export async function healthCommand(flags: HealthFlags, { client, out }: Deps): Promise<number> {
  const health = await client.health(flags.app, flags.version, {
    ...(flags.window === undefined ? {} : { window: flags.window }),
    ...(flags.badRatio === undefined ? {} : { badRatio: flags.badRatio }),
    ...(flags.minLaunches === undefined ? {} : { minLaunches: flags.minLaunches }),
  });
  out.result(health, (c) => healthLines(flags.app, flags.version, health, out.lang, c));
  return health.verdict === 'degraded' ? 1 : 0;
}

/** The server's window syntax, checked here so a typo is a usage error (exit 2) before any request. */
export function windowArg(value: string): string {
  const n = Number(value.slice(0, -1));
  if (!/^\d{1,5}[mhd]$/.test(value) || n === 0) {
    throw new InvalidArgumentError('expected minutes, hours or days, e.g. 30m, 6h, 1d');
  }
  return value;
}

export function registerHealth(program: Command, ctx: CliContext): void {
  withAppVersion(
    program
      .command('health')
      .description(
        "a gray version's health against stable: the verdict, its numbers, a sparkline per signal",
      ),
  )
    .option('--window <span>', 'how far back: 30m, 6h, 1d (default 1d, at most 30d)', windowArg)
    .option('--bad-ratio <r>', 'the ratio healthy must rule out (default 2)', parseBadRatio)
    .option('--min-launches <n>', 'gray launches healthy needs (default 0)', integer(0, 100_000_000))
    .action((flags: HealthFlags, command: Command) => ctx.run(command, (deps) => healthCommand(flags, deps)));
}
