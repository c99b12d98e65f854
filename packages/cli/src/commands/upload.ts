import type { Command } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';
import { readPackageInput, type ZipDirectory } from '../package-input.js';
import { createProgress } from '../progress-bar.js';
import { reportLines } from '../report-lines.js';
import { table } from '../table.js';
import { blockerLines } from '../upload-blockers.js';
import { planUpload } from '../upload-plan.js';

export interface UploadFlags extends AppVersionFlags {
  /** A project folder or a zip. */
  path: string;
  /** Required unless `dryRun`: a dry run sends nothing, so it needs no release notes. */
  description?: string;
  /** List what would be sent, and send nothing. */
  dryRun?: boolean;
}

export interface UploadDeps extends Deps {
  zipDirectory?: ZipDirectory;
}

/** `upload --dry-run`: the files with their sizes, the total, and the excluded paths with their rules. */
export async function uploadDryRun(path: string, { out }: Pick<Deps, 'out'>): Promise<number> {
  const plan = await planUpload(path);
  out.result(plan, (c) => [
    ...table(
      ['size', 'file'],
      plan.files.map((f) => [bytes(f.size), f.path]),
    ),
    c.bold(
      `${plan.files.length} files, ${bytes(plan.totalSize)} would be sent ${c.dim('(dry run: nothing sent)')}`,
    ),
    ...plan.excluded.map((e) => c.dim(`excluded ${e.path}  ${e.rule}`)),
  ]);
  return 0;
}

/**
 * Uploads a new INIT version and prints its pre-review report. Exits 1 when the report has an `error`
 * finding: the version is stored, but submit will refuse it, and a pipeline should stop here.
 */
export async function uploadCommand(flags: UploadFlags, deps: UploadDeps): Promise<number> {
  const { client, out } = deps;
  if (flags.dryRun) return uploadDryRun(flags.path, deps);
  // Checked here, not by commander: `--dry-run` lists the files without release notes, server or token.
  if (flags.description === undefined) {
    throw usageError("required option '--description <text>' not specified", { field: 'description' });
  }
  const zip = await readPackageInput(flags.path, deps.zipDirectory);
  const progress = createProgress(out, `uploading ${flags.app} ${flags.version}`);
  let uploaded: Awaited<ReturnType<typeof client.uploadVersion>>;
  try {
    uploaded = await client.uploadVersion(flags.app, {
      version: flags.version,
      description: flags.description,
      zip,
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
  }
  out.result(uploaded, (c) => [
    `${c.green('uploaded')} ${versionLine(uploaded, c)} ${c.dim(`${kb(uploaded.size)} · sha256 ${uploaded.sha256.slice(0, 12)}`)}`,
    ...reportLines(uploaded.report, out.lang, c),
    ...blockerLines(uploaded.report, flags.app, flags.version, out.lang, c),
  ]);
  return uploaded.report.ok ? 0 : 1;
}

function bytes(n: number): string {
  return n < 1024 ? `${n} B` : kb(n);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function registerUpload(program: Command, ctx: CliContext): void {
  withAppVersion(
    program
      .command('upload')
      .description('upload a project folder or zip as a new version')
      .argument('<path>', 'a folder or .zip'),
  )
    .option('--description <text>', 'release notes, 30–500 characters (required unless --dry-run)')
    .option(
      '--dry-run',
      'list the files that would be sent with their sizes; send nothing (no server, token or notes needed)',
    )
    .action((path: string, flags: Omit<UploadFlags, 'path'>, command: Command) =>
      ctx.run(command, (deps) => uploadCommand({ ...flags, path }, deps)),
    );
}
