import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, withApp } from '../options.js';
import { parseDate } from '../parse-date.js';
import { table } from '../table.js';

export interface QualificationAddFlags extends AppFlags {
  type: string;
  number: string;
  expires: string;
  file?: string;
}

/** Adds an industry document (医疗机构执业许可证 for a 医院 app); submit then judges the app with it. */
export async function qualificationAddCommand(flags: QualificationAddFlags, { client, out }: Deps) {
  const app = await client.addQualification(flags.app, {
    type: flags.type,
    number: flags.number,
    expiresAt: flags.expires,
    ...(flags.file ? { file: flags.file } : {}),
  });
  out.result(app, (c) => [`${c.green('added')} ${flags.type} to ${flags.app}`, ...qualificationLines(app)]);
  return 0;
}

export async function qualificationListCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const app = await client.getApp(flags.app);
  out.result(app.qualifications, (c) =>
    app.qualifications.length === 0 ? c.dim(`${flags.app} has no qualifications`) : qualificationLines(app),
  );
  return 0;
}

export interface QualificationRemoveFlags extends AppFlags {
  id: string;
}

export async function qualificationRemoveCommand(flags: QualificationRemoveFlags, { client, out }: Deps) {
  const app = await client.removeQualification(flags.app, flags.id);
  out.result(app, (c) => [`${c.green('removed')} ${flags.id} from ${flags.app}`, ...qualificationLines(app)]);
  return 0;
}

function qualificationLines(app: Awaited<ReturnType<Deps['client']['getApp']>>): string[] {
  if (app.qualifications.length === 0) return [];
  return table(
    ['id', 'type', 'number', 'expires'],
    app.qualifications.map((q) => [q.id, q.type, q.number, q.expiresAt]),
  );
}

export function registerAppQualification(app: Command, ctx: CliContext): void {
  const q = app.command('qualification').description("add, list and remove an app's industry documents");
  withApp(q.command('add').description('add a qualification document'))
    .requiredOption('--type <type>', 'the document type, e.g. 医疗机构执业许可证')
    .requiredOption('--number <number>', 'its number')
    .requiredOption('--expires <YYYY-MM-DD>', 'when it expires', parseDate)
    .option('--file <sha256>', 'the sha256 of a scan already uploaded')
    .action((flags: QualificationAddFlags, command: Command) =>
      ctx.run(command, (deps) => qualificationAddCommand(flags, deps)),
    );
  withApp(q.command('list').description("list the app's qualification documents")).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => qualificationListCommand(flags, deps)),
  );
  withApp(q.command('remove').description('remove a qualification document by its id'))
    .requiredOption('--id <id>', 'the id, from `app qualification list`')
    .action((flags: QualificationRemoveFlags, command: Command) =>
      ctx.run(command, (deps) => qualificationRemoveCommand(flags, deps)),
    );
}
