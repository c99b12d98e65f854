import { APP_ROLES, type AppRole } from '@minirelease/sdk';
import { type Command, Option } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { appLines } from '../format.js';
import { type AppFlags, withApp } from '../options.js';

export interface AppMemberFlags extends AppFlags {
  principal: string;
  role?: AppRole;
  remove?: boolean;
}

/** Gives a principal a role on the app, or with `--remove` takes it away. */
export async function appMemberCommand(flags: AppMemberFlags, { client, out }: Deps): Promise<number> {
  if (Boolean(flags.remove) === (flags.role !== undefined))
    throw usageError('give either --role <role> or --remove');
  const app = flags.role
    ? await client.setMember(flags.app, flags.principal, flags.role)
    : await client.removeMember(flags.app, flags.principal);
  out.result(app, (c) => {
    const what = flags.role ? `${flags.principal} is ${flags.role}` : `${flags.principal} removed`;
    return [`${c.green('members')} ${what}`, ...appLines(app, c)];
  });
  return 0;
}

export function registerAppMember(app: Command, ctx: CliContext): void {
  withApp(app.command('member').description('set or remove the role of a member of an app'))
    .requiredOption('--principal <name>', 'the member')
    .addOption(new Option('--role <role>', 'their role on the app').choices(APP_ROLES))
    .option('--remove', 'remove the member instead')
    .action((flags: AppMemberFlags, command: Command) =>
      ctx.run(command, (deps) => appMemberCommand(flags, deps)),
    );
}
