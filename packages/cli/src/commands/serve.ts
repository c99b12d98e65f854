import { type Command, Option } from 'commander';
import type { CliContext, GlobalFlags } from '../context.js';
import { startEmbeddedResolver, untilSignal } from '../embedded-server.js';
import { integer } from '../options.js';
import { serveResolverCommand } from './serve-resolver.js';
import { serveToken } from './serve-token.js';
import { runServer } from './start.js';

export interface ServeFlags {
  role: 'api' | 'resolver';
  port?: number;
  host: string;
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  upstream?: string;
  tokenFile?: string;
}

/** Defaults differ by role, so one host can run both: the API on 8080, a resolver on 8081. */
const DEFAULTS = {
  api: { port: 8080, dataDir: './.minirelease' },
  resolver: { port: 8081, dataDir: './.minirelease-resolver' },
} as const;

/** One role of a scaled deployment: `api` (which is `start`), or a `resolver` following an API. */
export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run one role of a scaled deployment: the API, or a resolver following it')
    .addOption(
      new Option('--role <role>', 'which role to run').choices(['api', 'resolver']).makeOptionMandatory(),
    )
    .option('--port <port>', 'the port to listen on (api 8080, resolver 8081)', integer(0, 65_535))
    .option('--host <host>', 'the interface to listen on', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'api: database, packages, admin token (./.minirelease); resolver: snapshot and package cache (./.minirelease-resolver)',
    )
    .option('--database-url <url>', 'api: PostgreSQL instead of the embedded SQLite')
    .option('--upstream <url>', 'resolver: the API to follow')
    .option('--token-file <path>', 'resolver: read its token from this file (or set MINIRELEASE_TOKEN)')
    .option('--log-level <level>', 'server log level (info, warn, error, debug)')
    .action((flags: ServeFlags, command: Command) => {
      const defaults = DEFAULTS[flags.role];
      const port = flags.port ?? defaults.port;
      const dataDir = flags.dataDir ?? defaults.dataDir;
      if (flags.role === 'api') return runServer({ ...flags, port, dataDir }, command, ctx);
      return ctx.run(command, ({ out, globals, io }) =>
        serveResolverCommand(
          {
            port,
            host: flags.host,
            dataDir,
            upstream: flags.upstream,
            logLevel: flags.logLevel ?? io.env.MINIRELEASE_LOG_LEVEL,
          },
          {
            out,
            token: serveToken(flags.tokenFile, io.env, (globals as GlobalFlags).token, out),
            startResolver: startEmbeddedResolver,
            untilStopped: untilSignal,
          },
        ),
      );
    });
}
