import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageTypeOf } from '@minirelease/core';
import { paginate, type ReviewQueueItem } from '@minirelease/sdk';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { versionLine, when } from '../format.js';
import { type AppVersionFlags, collect, integer, withAppVersion } from '../options.js';
import { screenshotFileName } from '../screenshot-files.js';
import { table } from '../table.js';

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

/** The rejection catalog, so a reviewer can find the code for `review reject --reason`. */
export async function reviewReasonsCommand({ client, out }: Deps): Promise<number> {
  const answer = await client.reviewReasons();
  out.result(answer, (c) =>
    table(
      ['code', 'from', 'reason'],
      answer.reasons.map((r) => [
        r.code,
        r.source === 'reviewer' ? c.bold('reviewer') : 'checker',
        r.label[out.lang],
      ]),
    ),
  );
  return 0;
}

export interface ReviewQueueFlags {
  limit?: number;
  cursor?: string;
}

/** The versions waiting for review, oldest submission first as the server orders them. Reviewers only. */
export async function reviewQueueCommand(flags: ReviewQueueFlags, { client, out }: Deps): Promise<number> {
  const page = await client.reviewQueue({ limit: flags.limit, cursor: flags.cursor });
  out.result(page, (c) => {
    if (page.items.length === 0) return c.dim('nothing to review');
    const rows = page.items.map((i) => [
      i.appId,
      i.appName,
      i.version,
      i.reportOk ? 'ok' : c.red('errors'),
      when(i.submittedAt),
      i.submittedBy,
    ]);
    const lines = table(['app', 'name', 'version', 'report', 'submitted', 'by'], rows);
    if (page.nextCursor) lines.push(c.dim(`more: --cursor ${page.nextCursor}`));
    return lines;
  });
  return 0;
}

export interface ReviewShowFlags extends AppVersionFlags {
  /** A folder to save the submission's screenshots in, as `<sha256>.<ext>`. */
  saveMaterials?: string;
}

/**
 * One submission as the reviewer reads it, materials included with the test password: the queue is the only
 * place the server gives the password back, and only to reviewers (`GET /v1/review-queue`). With
 * `--save-materials` the screenshots are fetched (`GET /v1/apps/:app/materials/:sha256`) so a reviewer can open
 * them; the JSON answer stays the queue item, the files are named by their hash.
 */
export async function reviewShowCommand(flags: ReviewShowFlags, { client, out }: Deps): Promise<number> {
  let found: ReviewQueueItem | undefined;
  for await (const item of paginate((cursor) => client.reviewQueue({ limit: 200, cursor }))) {
    if (item.appId === flags.app && item.version === flags.version) {
      found = item;
      break;
    }
  }
  if (!found) {
    throw new CliError('VERSION_NOT_FOUND', `${flags.app} ${flags.version} is not waiting for review`, 1, {
      version: flags.version,
    });
  }
  const item = found;
  const saved = flags.saveMaterials
    ? await saveScreenshots(client, item, flags.saveMaterials)
    : new Map<string, string>();
  out.result(item, (c) => {
    const m = item.materials ?? {};
    const lines = [
      `${c.bold(item.appId)} ${item.appName} ${item.version} ${c.dim(`submitted ${when(item.submittedAt)} by ${item.submittedBy}`)}`,
      `  report ${item.reportOk ? c.green('ok') : c.red('has errors')}`,
      `  notes ${item.description}`,
      `  test account ${m.testAccount ?? c.dim('none')}`,
      `  test password ${m.testPassword ?? c.dim('none')}`,
    ];
    for (const s of m.screenshots ?? []) {
      const file = saved.get(s);
      lines.push(`  screenshot ${s}${file ? ` ${c.dim('→')} ${file}` : ''}`);
    }
    if (m.recording) lines.push(`  recording ${m.recording}`);
    if (m.notes) lines.push(`  reviewer notes ${m.notes}`);
    return lines;
  });
  return 0;
}

/** Saves each screenshot named by a hash; anything else (a URL from before materials existed) is listed only. */
async function saveScreenshots(
  client: Deps['client'],
  item: ReviewQueueItem,
  dir: string,
): Promise<Map<string, string>> {
  const saved = new Map<string, string>();
  const hashes = (item.materials?.screenshots ?? []).filter((s) => /^[0-9a-f]{64}$/.test(s));
  if (hashes.length === 0) return saved;
  await mkdir(dir, { recursive: true });
  for (const sha256 of hashes) {
    const bytes = await client.material(item.appId, sha256);
    const file = join(dir, screenshotFileName(sha256, imageTypeOf(bytes)));
    await writeFile(file, bytes);
    saved.set(sha256, file);
  }
  return saved;
}

export function registerReview(program: Command, ctx: CliContext): void {
  const review = program
    .command('review')
    .description('the review queue: read submissions, approve or reject');
  review
    .command('queue')
    .description('list the versions waiting for review (reviewers)')
    .option('--limit <n>', 'how many', integer(1, 200))
    .option('--cursor <cursor>', 'continue after a previous page')
    .action((flags: ReviewQueueFlags, command: Command) =>
      ctx.run(command, (deps) => reviewQueueCommand(flags, deps)),
    );
  review
    .command('reasons')
    .description('list the reason codes a rejection may give, with their labels')
    .action((_flags: unknown, command: Command) => ctx.run(command, (deps) => reviewReasonsCommand(deps)));
  withAppVersion(review.command('show').description('show a submission with its materials (reviewers)'))
    .option('--save-materials <dir>', 'save its screenshots into <dir> as <sha256>.png|jpg|webp')
    .action((flags: ReviewShowFlags, command: Command) =>
      ctx.run(command, (deps) => reviewShowCommand(flags, deps)),
    );
  for (const decision of ['approve', 'reject'] as const) {
    const sub = withAppVersion(
      review
        .command(decision)
        .description(decision === 'approve' ? 'approve a version in review' : 'reject a version in review'),
    ).option('--comment <text>', 'a comment for the developer');
    if (decision === 'reject')
      sub.option(
        '--reason <code>',
        'a reason code from `review reasons` (e.g. REVIEW_MAIN_FLOW_ERROR); repeatable',
        collect,
      );
    sub.action((flags: Omit<ReviewFlags, 'decision'>, command: Command) =>
      ctx.run(command, (deps) => reviewCommand({ ...flags, decision }, deps)),
    );
  }
}
