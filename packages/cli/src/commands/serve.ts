import { type Command, Option } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { runServer, type StartFlags, withServerOptions } from './start.js';

export interface ServeFlags extends StartFlags {
  role: 'api' | 'resolver';
}

/** One role of a scaled deployment. For now only `api`, which is `start` (it carries the resolver inside). */
export function registerServe(program: Command, ctx: CliContext): void {
  withServerOptions(program.command('serve').description('run one role of a scaled deployment'))
    .addOption(
      new Option('--role <role>', 'which role to run').choices(['api', 'resolver']).makeOptionMandatory(),
    )
    .option('--upstream <url>', 'the API a resolver follows (resolver role)')
    .action((flags: ServeFlags, command: Command) => {
      if (flags.role === 'api') return runServer(flags, command, ctx);
      return ctx.run(command, async () => {
        throw new CliError(
          'NOT_AVAILABLE',
          'the standalone resolver arrives in a later release; `serve --role api` (or `start`) runs the resolver inside the API',
          EXIT.usage,
        );
      });
    });
}
