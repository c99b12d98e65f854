import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import {
  type RunningServer,
  type StartServer,
  startEmbeddedServer,
  untilSignal,
} from '../embedded-server.js';
import { integer } from '../options.js';
import type { Output } from '../output.js';

export interface StartFlags {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel?: string;
  checkConfig?: string;
}

export interface StartDeps {
  out: Output;
  startServer: StartServer;
  /** Resolves when the server should stop (SIGINT/SIGTERM in the real CLI). */
  untilStopped: () => Promise<string>;
}

/** Runs the API (with the resolver inside) until asked to stop, then closes it cleanly. */
export async function startCommand(flags: StartFlags, deps: StartDeps): Promise<number> {
  const { out } = deps;
  const dataDir = resolve(flags.dataDir);
  let server: RunningServer;
  try {
    server = await deps.startServer({
      port: flags.port,
      host: flags.host,
      dataDir,
      ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
      ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
      ...(flags.checkConfig ? { checkConfig: flags.checkConfig } : {}),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        'PORT_IN_USE',
        `port ${flags.port} on ${flags.host} is in use (another minirelease, or another program); stop it, or start with --port <another port>`,
        1,
        { port: flags.port, host: flags.host },
      );
    }
    // The server's own message says which file and that nothing was made; only the code is the CLI's to give.
    if ((err as { code?: string }).code === 'ADMIN_TOKEN_FILE_UNWRITABLE') {
      throw new CliError('ADMIN_TOKEN_FILE_UNWRITABLE', (err as Error).message);
    }
    throw err;
  }
  const url = server.url.replace(/\/+$/, '');
  const adminTokenFile = join(dataDir, 'admin-token');
  const started = { url, docsUrl: `${url}/docs`, dataDir, adminToken: server.adminToken, adminTokenFile };
  out.result(started, (c) => {
    const lines = [
      `${c.green('minirelease is running')}`,
      // The console first: it is where most people start (DESIGN §9); the API and its docs for scripts.
      `  console  ${c.bold(`${url}/`)}`,
      `  API      ${url}`,
      `  docs     ${started.docsUrl}`,
    ];
    // On every start: where the first admin token is, so a later start still says how to log in.
    if (server.adminToken) lines.push(`  admin token  ${c.bold(server.adminToken)}`);
    lines.push(`  admin token file  ${adminTokenFile}${server.adminToken ? c.dim(' (first start)') : ''}`);
    return [...lines, c.dim('Press Ctrl+C to stop.')];
  });
  const signal = await deps.untilStopped();
  out.note((c) => c.dim(`${signal}: stopping…`));
  await server.close();
  return 0;
}

/** The options `start` and `serve` share. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--port <port>', 'the port to listen on', integer(0, 65_535), 8080)
    .option('--host <host>', 'the interface to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'where the database, packages and admin token live', './.minirelease')
    .option('--database-url <url>', 'PostgreSQL instead of the embedded SQLite')
    .addOption(
      new Option(
        '--log-level <level>',
        'server log level, on stderr (default: warn, or $MINIRELEASE_LOG_LEVEL)',
      ).choices(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']),
    )
    .option(
      '--check-config <file>',
      "the platform's checker configuration (JSON; or $MINIRELEASE_CHECK_CONFIG)",
    );
}

export function runServer(flags: StartFlags, command: Command, ctx: CliContext): Promise<void> {
  return ctx.run(command, ({ out }) =>
    startCommand(flags, { out, startServer: startEmbeddedServer, untilStopped: untilSignal }),
  );
}

export function registerStart(program: Command, ctx: CliContext): void {
  withServerOptions(
    program.command('start').description('run the platform in one process (API, resolver)'),
  ).action((flags: StartFlags, command: Command) => runServer(flags, command, ctx));
}
