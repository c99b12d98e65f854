import type { Command } from 'commander';
import { saveConfig, serverForLogin } from '../config.js';
import type { CliContext, Deps } from '../context.js';
import { promptSecret } from '../prompt-secret.js';

export interface LoginInput {
  server: string;
  token: string;
  configFile: string;
}

/** Checks the token against the server (whoami) and only then saves both for later commands. */
export async function loginCommand(input: LoginInput, { client, out }: Deps): Promise<number> {
  const me = await client.whoami();
  await saveConfig(input.configFile, { server: input.server, token: input.token });
  const result = { server: input.server, configFile: input.configFile, ...me };
  out.result(result, (c) => [
    `${c.green('logged in')} to ${input.server} as ${c.bold(me.principal)} ${c.dim(`(${me.roles.join(', ') || 'no platform role'})`)}`,
    c.dim(`  saved to ${input.configFile}`),
  ]);
  return 0;
}

export function registerLogin(program: Command, ctx: CliContext): void {
  program
    .command('login')
    .description('check a token and save it with the server address (the token is asked for when not given)')
    .action((_flags: object, command: Command) =>
      ctx.run(command, async (deps) => {
        const { globals, io, configFile } = deps;
        const server = serverForLogin(globals, io.env, configFile);
        // Never the saved token: login is there to replace it.
        const token = globals.token || io.env.MINIRELEASE_TOKEN || (await promptSecret(io, 'token: '));
        const client = deps.connect(server, token);
        return loginCommand({ server, token, configFile }, { client, out: deps.out });
      }),
    );
}
