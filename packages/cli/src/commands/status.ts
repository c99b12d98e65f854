import { paginate, type Version } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { appLines, percent, status, when } from '../format.js';
import { type AppFlags, withApp } from '../options.js';
import { table } from '../table.js';

/** The app and every version it has, as one answer: `{ app, versions }`. */
export async function statusCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const [app, versions] = await Promise.all([client.getApp(flags.app), allVersions(flags.app, client)]);
  out.result({ app, versions }, (c) => {
    if (versions.length === 0) return [...appLines(app, c), c.dim('no versions yet')];
    const rows = versions.map((v) => [
      v.version,
      status(v.status, c),
      percent(v.grayPercentage),
      when(v.createdAt),
    ]);
    return [...appLines(app, c), '', ...table(['version', 'status', 'gray', 'created'], rows)];
  });
  return 0;
}

async function allVersions(appId: string, client: Deps['client']): Promise<Version[]> {
  const versions: Version[] = [];
  for await (const v of paginate((cursor) => client.listVersions(appId, { cursor }))) versions.push(v);
  return versions;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  withApp(program.command('status').description('show an app and its versions')).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => statusCommand(flags, deps)),
  );
}
