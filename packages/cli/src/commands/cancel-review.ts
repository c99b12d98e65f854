import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';

/** Takes a version back to development (INIT) from review, rejection or waiting for release. */
export async function cancelReviewCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const version = await client.cancelReview(flags.app, flags.version);
  out.result(version, (c) => `${c.yellow('review cancelled')} ${versionLine(version, c)}`);
  return 0;
}

export function registerCancelReview(program: Command, ctx: CliContext): void {
  withAppVersion(
    program.command('cancel-review').description('take a version back to development (INIT)'),
  ).action((flags: AppVersionFlags, command: Command) =>
    ctx.run(command, (deps) => cancelReviewCommand(flags, deps)),
  );
}
