import type { Command } from 'commander';
import { usageError } from '../cli-error.js';
import type { CliContext, Deps } from '../context.js';
import { appLines, percent } from '../format.js';
import { type AppFlags, integer, withApp } from '../options.js';
import { table } from '../table.js';
import { registerAppExperiencers } from './app-experiencers.js';
import { registerAppMember } from './app-member.js';
import { registerAppQualification } from './app-qualification.js';

export interface AppCreateFlags extends AppFlags {
  name: string;
  brand: string;
  category: string;
  description?: string;
}

/** Creates an app; the caller becomes its owner. An unknown category is a report finding, not a refusal. */
export async function appCreateCommand(flags: AppCreateFlags, { client, out }: Deps): Promise<number> {
  const { app: appId, name, brand, category, description } = flags;
  const app = await client.createApp({
    appId,
    name,
    brand,
    category,
    ...(description ? { description } : {}),
  });
  out.result(app, (c) => [`${c.green('created')} app`, ...appLines(app, c)]);
  return 0;
}

export interface AppEditFlags extends AppFlags {
  name?: string;
  brand?: string;
  category?: string;
  description?: string;
}

/** Changes what the app rules judge (name, brand, category) or its description; submit judges them afresh. */
export async function appEditCommand(flags: AppEditFlags, { client, out }: Deps): Promise<number> {
  const { app: appId, name, brand, category, description } = flags;
  const patch = {
    ...(name !== undefined ? { name } : {}),
    ...(brand !== undefined ? { brand } : {}),
    ...(category !== undefined ? { category } : {}),
    ...(description !== undefined ? { description } : {}),
  };
  if (Object.keys(patch).length === 0)
    throw usageError('give at least one of --name, --brand, --category, --description');
  const app = await client.updateApp(appId, patch);
  out.result(app, (c) => [`${c.green('edited')} app`, ...appLines(app, c)]);
  return 0;
}

export async function appShowCommand(flags: AppFlags, { client, out }: Deps): Promise<number> {
  const app = await client.getApp(flags.app);
  out.result(app, (c) => appLines(app, c));
  return 0;
}

export interface AppListFlags {
  limit?: number;
  cursor?: string;
}

export async function appListCommand(flags: AppListFlags, { client, out }: Deps): Promise<number> {
  const page = await client.listApps({ limit: flags.limit, cursor: flags.cursor });
  out.result(page, (c) => {
    if (page.items.length === 0) return c.dim('no apps');
    const rows = page.items.map((a) => [
      a.appId,
      a.name,
      a.visibility,
      a.liveVersion ?? '',
      a.inFlight ? `${a.inFlight.version} ${a.inFlight.status}` : '',
      a.grayPercentage === null ? '' : percent(a.grayPercentage),
    ]);
    const lines = table(['app', 'name', 'visibility', 'live', 'in flight', 'gray'], rows);
    if (page.nextCursor) lines.push(c.dim(`more: --cursor ${page.nextCursor}`));
    return lines;
  });
  return 0;
}

export function registerApp(program: Command, ctx: CliContext): void {
  const app = program
    .command('app')
    .description('create, edit, show and list apps; their members, documents and experiencers');
  withApp(app.command('create').description('create an app (you become its owner)'))
    .requiredOption('--name <name>', 'the display name, e.g. 青禾读书')
    .requiredOption('--brand <brand>', 'the brand, e.g. 青禾')
    .requiredOption('--category <category>', 'a catalog id or its Chinese name, e.g. 图书')
    .option('--description <text>', 'what the app does')
    .action((flags: AppCreateFlags, command: Command) =>
      ctx.run(command, (deps) => appCreateCommand(flags, deps)),
    );
  withApp(app.command('edit').description("change an app's name, brand, category or description"))
    .option('--name <name>', 'the display name')
    .option('--brand <brand>', 'the brand')
    .option('--category <category>', 'a catalog id or its Chinese name')
    .option('--description <text>', 'what the app does')
    .action((flags: AppEditFlags, command: Command) =>
      ctx.run(command, (deps) => appEditCommand(flags, deps)),
    );
  withApp(app.command('show').description('show an app')).action((flags: AppFlags, command: Command) =>
    ctx.run(command, (deps) => appShowCommand(flags, deps)),
  );
  app
    .command('list')
    .description('list the apps you can see')
    .option('--limit <n>', 'how many apps', integer(1, 1000))
    .option('--cursor <cursor>', 'continue after a previous page')
    .action((flags: AppListFlags, command: Command) =>
      ctx.run(command, (deps) => appListCommand(flags, deps)),
    );
  registerAppMember(app, ctx);
  registerAppQualification(app, ctx);
  registerAppExperiencers(app, ctx);
}
