import { type GrayPlan, isApiError, paginate, type Version } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { appLines, percent, status, when } from '../format.js';
import { grayPlanLines } from '../gray-plan-lines.js';
import { type AppFlags, withApp } from '../options.js';
import { table } from '../table.js';

/**
 * The app, every version it has, and the gray plan of the version in flight when it has one, as one answer:
 * `{ app, versions, grayPlan }` (`grayPlan` null when there is none).
 */
export async function statusCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const [app, versions] = await Promise.all([client.getApp(flags.app), allVersions(flags.app, client)]);
  const grayPlan = await planInFlight(flags.app, versions, client);
  out.result({ app, versions, grayPlan }, (c) => {
    if (versions.length === 0) return [...appLines(app, c), c.dim('no versions yet')];
    const rows = versions.map((v) => [
      v.version,
      status(v.status, c),
      percent(v.grayPercentage),
      when(v.createdAt),
    ]);
    const plan = grayPlan ? ['', `${c.bold(grayPlan.version)}`, ...grayPlanLines(grayPlan, c)] : [];
    return [...appLines(app, c), '', ...table(['version', 'status', 'gray', 'created'], rows), ...plan];
  });
  return 0;
}

/**
 * The plan of the version in gray, or of the approved one waiting for its plan's first step: the version in
 * flight, of which an app has at most one. A version without a plan answers GRAY_PLAN_NOT_FOUND: none.
 */
async function planInFlight(
  appId: string,
  versions: Version[],
  client: Deps['client'],
): Promise<GrayPlan | null> {
  const inFlight =
    versions.find((v) => v.status === 'GRAY') ?? versions.find((v) => v.status === 'WAIT_RELEASE');
  if (!inFlight) return null;
  try {
    return await client.grayPlan(appId, inFlight.version);
  } catch (err) {
    if (isApiError(err) && err.code === 'GRAY_PLAN_NOT_FOUND') return null;
    throw err;
  }
}

async function allVersions(appId: string, client: Deps['client']): Promise<Version[]> {
  const versions: Version[] = [];
  for await (const v of paginate((cursor) => client.listVersions(appId, { cursor }))) versions.push(v);
  return versions;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  withApp(
    program.command('status').description('show an app, its versions and the gray plan of the one in flight'),
  ).action((flags: AppFlags, command: Command) => ctx.run(command, (deps) => statusCommand(flags, deps)));
}
