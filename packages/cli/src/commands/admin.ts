import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { type ResetAdmin, resetEmbeddedAdmin } from '../embedded-server.js';
import type { Output } from '../output.js';

export interface AdminResetFlags {
  dataDir: string;
  databaseUrl?: string;
}

export interface AdminResetDeps {
  out: Output;
  resetAdmin: ResetAdmin;
  /** Who runs it, for the token's label: the OS user and host. */
  by: string;
}

/**
 * `admin reset`: when every admin token is lost, whoever can reach the data dir (or the database) makes a new
 * one, without the API. The token is printed once and written to `<data-dir>/admin-token`.
 */
export async function adminResetCommand(flags: AdminResetFlags, deps: AdminResetDeps): Promise<number> {
  let made: Awaited<ReturnType<ResetAdmin>>;
  try {
    made = await deps.resetAdmin({
      dataDir: resolve(flags.dataDir),
      ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
      by: deps.by,
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ADMIN_TOKEN_FILE_UNWRITABLE') {
      throw new CliError('ADMIN_TOKEN_FILE_UNWRITABLE', (err as Error).message);
    }
    throw err;
  }
  deps.out.result(made, (c) => [
    `${c.green('made')} admin token ${made.id} ${c.dim(`(${made.label})`)}`,
    `  ${c.bold(made.token)}`,
    `  admin token file  ${made.tokenFile}`,
    c.dim('  shown once; the old admin tokens still work until you revoke them (minirelease token list)'),
  ]);
  return 0;
}

export function whoRuns(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container's numeric user): the host alone names it.
  }
  return `${user}@${hostname()}`;
}

export function registerAdmin(program: Command, ctx: CliContext): void {
  const admin = program.command('admin').description('platform recovery, run where the data lives');
  admin
    .command('reset')
    .description('make a new admin token offline, when every admin token is lost (audited in its label)')
    .option('--data-dir <dir>', 'the data dir of `start` (database and admin token file)', './.minirelease')
    .option('--database-url <url>', 'PostgreSQL instead of the data dir’s SQLite (or $DATABASE_URL)')
    .action((flags: AdminResetFlags, command: Command) =>
      ctx.run(command, ({ out }) =>
        adminResetCommand(flags, { out, resetAdmin: resetEmbeddedAdmin, by: whoRuns() }),
      ),
    );
}
