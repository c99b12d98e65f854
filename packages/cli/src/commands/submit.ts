import type { Materials } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, collect, withAppVersion } from '../options.js';
import { MAX_SCREENSHOTS, readScreenshots } from '../screenshot-files.js';

export interface SubmitFlags extends AppVersionFlags {
  testAccount?: string;
  testPassword?: string;
  /** Image files (or sha256s of screenshots uploaded before). */
  screenshot?: string[];
  recording?: string;
  notes?: string;
}

/**
 * Sends a version to review with the materials reviewers need (test account, screenshots, notes). Every
 * screenshot is read and judged first, then uploaded (`POST /v1/apps/:app/materials`), and submit names them by
 * the sha256 answered (docs/architecture.md, "Materials").
 */
export async function submitCommand(flags: SubmitFlags, { client, out }: Deps): Promise<number> {
  const inputs = await readScreenshots(flags.screenshot ?? []);
  const screenshots: string[] = [];
  for (const input of inputs) {
    if (input.kind === 'uploaded') {
      screenshots.push(input.sha256);
      continue;
    }
    const material = await client.uploadMaterial(flags.app, input.bytes);
    out.note((c) => c.dim(`uploaded screenshot ${input.path} → ${material.sha256.slice(0, 12)}`));
    screenshots.push(material.sha256);
  }
  const materials: Materials = {
    ...(flags.testAccount ? { testAccount: flags.testAccount } : {}),
    ...(flags.testPassword ? { testPassword: flags.testPassword } : {}),
    ...(screenshots.length ? { screenshots } : {}),
    ...(flags.recording ? { recording: flags.recording } : {}),
    ...(flags.notes ? { notes: flags.notes } : {}),
  };
  const version = await client.submit(flags.app, flags.version, materials);
  out.result(version, (c) => `${c.green('submitted')} ${versionLine(version, c)}`);
  return 0;
}

export function registerSubmit(program: Command, ctx: CliContext): void {
  withAppVersion(program.command('submit').description('send a version to review'))
    .option(
      '--test-account <account>',
      'an account reviewers can log in with (needed when the app has login)',
    )
    .option('--test-password <password>', 'its password')
    .option(
      '--screenshot <file>',
      `a PNG, JPEG or WebP image of at most 2 MB (or the sha256 of one uploaded before); repeat for up to ${MAX_SCREENSHOTS}`,
      collect,
    )
    .option('--recording <ref>', 'a screen recording URL')
    .option('--notes <text>', 'notes for the reviewer')
    .action((flags: SubmitFlags, command: Command) => ctx.run(command, (deps) => submitCommand(flags, deps)));
}
