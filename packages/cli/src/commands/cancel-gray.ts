import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';

/** Stops a gray release: the version goes back to WAIT_RELEASE, and a new gray may start lower. */
export async function cancelGrayCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const version = await client.cancelGray(flags.app, flags.version);
  out.result(version, (c) => `${c.yellow('gray cancelled')} ${versionLine(version, c)}`);
  return 0;
}

export function registerCancelGray(program: Command, ctx: CliContext): void {
  withAppVersion(program.command('cancel-gray').description('stop the gray release of a version')).action(
    (flags: AppVersionFlags, command: Command) => ctx.run(command, (deps) => cancelGrayCommand(flags, deps)),
  );
}
