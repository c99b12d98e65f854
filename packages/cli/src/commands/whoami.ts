import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';

/** Who the token belongs to, with its platform roles. */
export async function whoamiCommand({ client, out }: Deps): Promise<number> {
  const me = await client.whoami();
  out.result(me, (c) => {
    const roles = me.roles.length > 0 ? me.roles.join(', ') : 'no platform role';
    return `${c.bold(me.principal)} ${c.dim(`(${roles}; token ${me.tokenId}) at ${client.baseUrl}`)}`;
  });
  return 0;
}

export function registerWhoami(program: Command, ctx: CliContext): void {
  program
    .command('whoami')
    .description('show who the token belongs to')
    .action((_flags: object, command: Command) => ctx.run(command, (deps) => whoamiCommand(deps)));
}
