import { type Command, Option } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, integer, withApp } from '../options.js';
import { measureGrayShare } from './resolve-share.js';

export interface ResolveFlags extends AppFlags {
  user?: string;
  /** Resolve this many synthetic users instead of one, and report the gray share. */
  users?: number;
  channel?: 'experience';
}

/** Asks the data plane which version a user gets, exactly as a host app would. */
export async function resolveCommand(flags: ResolveFlags, { client, out }: Deps): Promise<number> {
  if ((flags.user === undefined) === (flags.users === undefined)) {
    throw usageError('give either --user <id> or --users <n>');
  }
  if (flags.users !== undefined) {
    const share = await measureGrayShare(client, flags.app, flags.users);
    out.result(share, (c) => {
      const missing = Object.entries(share.notResolved).map(([code, n]) => `, ${n} ${code}`);
      const counts = `${share.gray} gray, ${share.stable} stable${missing.join('')}`;
      return `${c.bold(share.appId)} over ${share.users} users: ${counts}; gray share ${c.yellow(`${share.grayShare} %`)}`;
    });
    return 0;
  }
  const answer = await client.resolve(flags.app, flags.user!, { channel: flags.channel });
  out.result(answer, (c) => {
    const channel = answer.channel === 'stable' ? c.green(answer.channel) : c.yellow(answer.channel);
    return `${flags.user} → ${c.bold(answer.appId)} ${answer.version} ${channel} ${c.dim(answer.packageUrl)}`;
  });
  return 0;
}

export function registerResolve(program: Command, ctx: CliContext): void {
  withApp(
    program.command('resolve').description('show which version a user gets, or the gray share over N users'),
  )
    .option('--user <userId>', 'the user to resolve for')
    .option('--users <n>', 'resolve user-1 … user-N and count gray vs stable', integer(1, 1_000_000))
    .addOption(new Option('--channel <channel>', 'ask for the experience version').choices(['experience']))
    .action((flags: ResolveFlags, command: Command) =>
      ctx.run(command, (deps) => resolveCommand(flags, deps)),
    );
}
