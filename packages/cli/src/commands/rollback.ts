import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, withApp } from '../options.js';

export interface RollbackFlags extends AppFlags {
  /** One of the last live versions; the newest SUPERSEDED one when left out. */
  to?: string;
}

/** Takes the live version back: the previous one (or the named one) is live again. */
export async function rollbackCommand(flags: RollbackFlags, { client, out }: Deps): Promise<number> {
  const app = await client.rollback(flags.app, flags.to ? { toVersion: flags.to } : {});
  out.result(
    app,
    (c) => `${c.yellow('rolled back')} ${c.bold(app.appId)}: live is ${app.liveVersion ?? 'none'}`,
  );
  return 0;
}

export function registerRollback(program: Command, ctx: CliContext): void {
  withApp(program.command('rollback').description('make the previous live version live again'))
    .option('--to <version>', 'the version to go back to (default: the newest superseded one)')
    .action((flags: RollbackFlags, command: Command) =>
      ctx.run(command, (deps) => rollbackCommand(flags, deps)),
    );
}
