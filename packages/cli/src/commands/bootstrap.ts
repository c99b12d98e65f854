import { writeFile } from 'node:fs/promises';
import { exportBootstrap } from '@minirelease/sdk';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { resolveConfig } from '../config.js';
import type { CliContext, Deps } from '../context.js';
import { collect } from '../options.js';

export interface BootstrapFlags {
  app: string[];
  out: string;
  keepInsiders?: boolean;
}

export interface BootstrapDeps extends Pick<Deps, 'out'> {
  readonly server: string;
  readonly token: string | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/**
 * Writes the bootstrap a host ships with its binary (docs/adr/0007-host-cold-start.md): the release state of
 * its apps, in the stream's snapshot form, read with a token that may follow the stream (resolver or admin).
 */
export async function bootstrapCommand(flags: BootstrapFlags, deps: BootstrapDeps): Promise<number> {
  if (!deps.token)
    throw new CliError(
      'UNAUTHENTICATED',
      'bootstrap reads /v1/stream: give --token (resolver role) or log in',
    );
  const bootstrap = await exportBootstrap({
    baseUrl: deps.server,
    token: deps.token,
    apps: flags.app,
    keepInsiders: flags.keepInsiders,
    fetch: deps.fetch,
  });
  const found = new Set(bootstrap.apps.map((a) => a.appId));
  const missing = flags.app.filter((id) => !found.has(id));
  // A bootstrap without one of the host's apps would leave it UNREACHABLE on a cold start: say so, write none.
  if (missing.length > 0)
    throw new CliError('APP_NOT_FOUND', `no release state for ${missing.join(', ')}: nothing written`);
  await writeFile(flags.out, `${JSON.stringify(bootstrap)}\n`);
  const result = { file: flags.out, seq: bootstrap.seq, apps: [...found] };
  deps.out.result(
    result,
    (c) => `wrote ${c.bold(flags.out)}: ${result.apps.join(', ')} at seq ${bootstrap.seq}`,
  );
  return 0;
}

export function registerBootstrap(program: Command, ctx: CliContext): void {
  program
    .command('bootstrap')
    .description(
      'write the release state a host ships with its binary, for a cold start without the resolver',
    )
    .requiredOption('--app <appId>', 'an app the host launches (repeatable)', collect)
    .requiredOption('--out <file>', 'where to write the JSON')
    .option('--keep-insiders', 'keep experiencers and members (user ids) in it; off: a binary is public')
    .action((flags: BootstrapFlags, command: Command) =>
      ctx.run(command, ({ globals, io, out, configFile }) => {
        const { server, token } = resolveConfig(globals, io.env, configFile);
        return bootstrapCommand(flags, { server, token, out, fetch: io.fetch });
      }),
    );
}
