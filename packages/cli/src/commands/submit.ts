import type { Materials } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, collect, withAppVersion } from '../options.js';

export interface SubmitFlags extends AppVersionFlags {
  testAccount?: string;
  testPassword?: string;
  screenshot?: string[];
  recording?: string;
  notes?: string;
}

/** Sends a version to review with the materials reviewers need (test account, screenshots, notes). */
export async function submitCommand(flags: SubmitFlags, { client, out }: Deps): Promise<number> {
  const materials: Materials = {
    ...(flags.testAccount ? { testAccount: flags.testAccount } : {}),
    ...(flags.testPassword ? { testPassword: flags.testPassword } : {}),
    ...(flags.screenshot?.length ? { screenshots: flags.screenshot } : {}),
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
    .option('--screenshot <ref>', 'a screenshot URL; repeat for up to 5', collect)
    .option('--recording <ref>', 'a screen recording URL')
    .option('--notes <text>', 'notes for the reviewer')
    .action((flags: SubmitFlags, command: Command) => ctx.run(command, (deps) => submitCommand(flags, deps)));
}
