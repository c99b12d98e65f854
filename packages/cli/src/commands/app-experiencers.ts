import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, collect, withApp } from '../options.js';

export interface ExperiencersSetFlags extends AppFlags {
  user?: string[];
}

/** Replaces the experiencer list: the user ids that open the experience version (at most 50). */
export async function experiencersSetCommand(flags: ExperiencersSetFlags, { client, out }: Deps) {
  const app = await client.setExperiencers(flags.app, flags.user ?? []);
  out.result(
    app,
    (c) => `${c.green('experiencers')} of ${flags.app}: ${list(app.experiencers, c.dim('none'))}`,
  );
  return 0;
}

export async function experiencersListCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const app = await client.getApp(flags.app);
  out.result(app.experiencers, (c) =>
    app.experiencers.length === 0 ? c.dim(`${flags.app} has no experiencers`) : app.experiencers,
  );
  return 0;
}

function list(ids: string[], none: string): string {
  return ids.length === 0 ? none : ids.join(', ');
}

export function registerAppExperiencers(app: Command, ctx: CliContext): void {
  const e = app.command('experiencers').description('set and list who may open the experience version');
  withApp(e.command('set').description('replace the experiencers (none given: clear them)'))
    .option('--user <id>', 'a user id of the host app; repeatable', collect)
    .action((flags: ExperiencersSetFlags, command: Command) =>
      ctx.run(command, (deps) => experiencersSetCommand(flags, deps)),
    );
  withApp(e.command('list').description('list the experiencers')).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => experiencersListCommand(flags, deps)),
  );
}
