import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, withApp } from '../options.js';

/** Takes the app off the shelf (下架): resolve answers APP_OFFLINE and search no longer shows it. */
export async function offlineCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const app = await client.offline(flags.app);
  out.result(app, (c) => `${c.red('offline')} ${c.bold(app.appId)}`);
  return 0;
}

/** Puts an offline app back: users get its live version again. */
export async function onlineCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const app = await client.online(flags.app);
  out.result(app, (c) => `${c.green('online')} ${c.bold(app.appId)}, live ${app.liveVersion ?? 'none'}`);
  return 0;
}

export function registerOfflineOnline(program: Command, ctx: CliContext): void {
  withApp(program.command('offline').description('take the app offline (下架) for every user')).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => offlineCommand(flags, deps)),
  );
  withApp(program.command('online').description('put an offline app back online')).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => onlineCommand(flags, deps)),
  );
}
