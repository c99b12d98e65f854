import { Argument, type Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { versionLine } from '../format.js';
import { type AppVersionFlags, collect, withAppVersion } from '../options.js';

export interface ReviewFlags extends AppVersionFlags {
  decision: 'approve' | 'reject';
  reason?: string[];
  comment?: string;
}

/** A reviewer's decision: approve → WAIT_RELEASE, reject → AUDIT_REJECT with the reasons. */
export async function reviewCommand(flags: ReviewFlags, { client, out }: Deps): Promise<number> {
  const version = await client.review(flags.app, flags.version, {
    decision: flags.decision,
    reasons: flags.reason ?? [],
    comment: flags.comment ?? '',
  });
  out.result(version, (c) => {
    const verb = flags.decision === 'approve' ? c.green('approved') : c.red('rejected');
    return `${verb} ${versionLine(version, c)}`;
  });
  return 0;
}

export function registerReview(program: Command, ctx: CliContext): void {
  withAppVersion(
    program
      .command('review')
      .description('approve or reject a version in review')
      .addArgument(new Argument('<decision>', 'approve or reject').choices(['approve', 'reject'])),
  )
    .option('--reason <code>', 'a rejection reason code (e.g. NAME_TOO_GENERIC); repeatable', collect)
    .option('--comment <text>', 'a comment for the developer')
    .action((decision: ReviewFlags['decision'], flags: Omit<ReviewFlags, 'decision'>, command: Command) =>
      ctx.run(command, (deps) => reviewCommand({ ...flags, decision }, deps)),
    );
}
