import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, withAppVersion } from '../options.js';
import { readPackageInput, type ZipDirectory } from '../package-input.js';
import { createProgress } from '../progress-bar.js';
import { reportLines } from '../report-lines.js';

export interface UploadFlags extends AppVersionFlags {
  /** A project folder or a zip. */
  path: string;
  description: string;
}

export interface UploadDeps extends Deps {
  zipDirectory?: ZipDirectory;
}

/**
 * Uploads a new INIT version and prints its pre-review report. Exits 1 when the report has an `error`
 * finding: the version is stored, but submit will refuse it, and a pipeline should stop here.
 */
export async function uploadCommand(flags: UploadFlags, deps: UploadDeps): Promise<number> {
  const { client, out } = deps;
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
  ]);
  return uploaded.report.ok ? 0 : 1;
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
    .requiredOption('--description <text>', 'release notes, 30–500 characters')
    .action((path: string, flags: Omit<UploadFlags, 'path'>, command: Command) =>
      ctx.run(command, (deps) => uploadCommand({ ...flags, path }, deps)),
    );
}
