import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { percent, status, versionLine, when } from '../format.js';
import { type AppFlags, type AppVersionFlags, integer, withApp, withAppVersion } from '../options.js';
import { reportLines } from '../report-lines.js';
import { table } from '../table.js';

export interface VersionListFlags extends AppFlags {
  limit?: number;
  cursor?: string;
}

/** The app's versions, newest first as the server orders them. */
export async function versionListCommand(flags: VersionListFlags, { client, out }: Deps): Promise<number> {
  const page = await client.listVersions(flags.app, { limit: flags.limit, cursor: flags.cursor });
  out.result(page, (c) => {
    if (page.items.length === 0) return c.dim(`${flags.app} has no versions`);
    const rows = page.items.map((v) => [
      v.version,
      status(v.status, c),
      percent(v.grayPercentage),
      v.reportOk ? 'ok' : c.red('errors'),
      when(v.createdAt),
      v.createdBy,
    ]);
    const lines = table(['version', 'status', 'gray', 'report', 'uploaded', 'by'], rows);
    if (page.nextCursor) lines.push(c.dim(`more: --cursor ${page.nextCursor}`));
    return lines;
  });
  return 0;
}

export async function versionShowCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const v = await client.getVersion(flags.app, flags.version);
  out.result(v, (c) => {
    const lines = [
      versionLine(v, c),
      `  ${c.dim(`uploaded ${when(v.createdAt)} by ${v.createdBy} · ${v.size} B · sha256 ${v.sha256.slice(0, 12)}`)}`,
      `  report ${v.reportOk ? c.green('ok') : c.red('has errors')}`,
      `  notes ${v.description}`,
    ];
    if (v.review) {
      const reasons = v.review.reasons.length > 0 ? ` (${v.review.reasons.join(', ')})` : '';
      lines.push(
        `  review ${v.review.decision} by ${v.review.reviewer}${reasons} ${v.review.comment}`.trimEnd(),
      );
    }
    return lines;
  });
  return 0;
}

export interface VersionEditFlags extends AppVersionFlags {
  description: string;
}

/** Fixes the release notes of an INIT version: submit judges them again, no new upload needed. */
export async function versionEditCommand(flags: VersionEditFlags, { client, out }: Deps): Promise<number> {
  const v = await client.updateVersion(flags.app, flags.version, { description: flags.description });
  out.result(v, (c) => [`${c.green('edited')} ${versionLine(v, c)}`, `  notes ${v.description}`]);
  return 0;
}

/** Deletes an INIT version, which frees its number for a new upload. */
export async function versionDeleteCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  await client.deleteVersion(flags.app, flags.version);
  out.result(
    { appId: flags.app, version: flags.version, deleted: true },
    (c) => `${c.green('deleted')} ${flags.app} ${flags.version}`,
  );
  return 0;
}

/** The stored pre-review report of a version, as the upload printed it. */
export async function reportCommand(flags: AppVersionFlags, { client, out }: Deps): Promise<number> {
  const report = await client.report(flags.app, flags.version);
  out.result(report, (c) => reportLines(report, out.lang, c));
  return 0;
}

export function registerVersion(program: Command, ctx: CliContext): void {
  const version = program.command('version').description("list, show, edit and delete an app's versions");
  withApp(version.command('list').description("list the app's versions, newest first"))
    .option('--limit <n>', 'how many versions', integer(1, 200))
    .option('--cursor <cursor>', 'continue after a previous page')
    .action((flags: VersionListFlags, command: Command) =>
      ctx.run(command, (deps) => versionListCommand(flags, deps)),
    );
  withAppVersion(version.command('show').description('show a version')).action(
    (flags: AppVersionFlags, command: Command) => ctx.run(command, (deps) => versionShowCommand(flags, deps)),
  );
  withAppVersion(version.command('edit').description('change the release notes of an INIT version'))
    .requiredOption('--description <text>', 'release notes, 30–500 characters')
    .action((flags: VersionEditFlags, command: Command) =>
      ctx.run(command, (deps) => versionEditCommand(flags, deps)),
    );
  withAppVersion(version.command('delete').description('delete an INIT version (frees its number)')).action(
    (flags: AppVersionFlags, command: Command) =>
      ctx.run(command, (deps) => versionDeleteCommand(flags, deps)),
  );
}

export function registerReport(program: Command, ctx: CliContext): void {
  withAppVersion(program.command('report').description("print a version's pre-review report")).action(
    (flags: AppVersionFlags, command: Command) => ctx.run(command, (deps) => reportCommand(flags, deps)),
  );
}
