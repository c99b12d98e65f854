import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';

/** Publish (上架): the version becomes the live one for every user; the previous one is SUPERSEDED. */
export async function publishCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const version = await client.publish(flags.app, flags.version);
  out.result(version, (c) => `${c.green('published')} ${versionLine(version, c)}`);
  return 0;
}

export function registerPublish(program: Command, ctx: CliContext): void {
  withAppVersion(program.command('publish').description('make a version live for every user (上架)')).action(
    (flags: AppVersionFlags, command: Command) => ctx.run(command, (deps) => publishCommand(flags, deps)),
  );
}
