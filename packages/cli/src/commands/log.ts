import type { AuditRecord } from '@minirelease/sdk';
import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { when } from '../format.js';
import { type AppFlags, integer, withApp } from '../options.js';
import { table } from '../table.js';

export interface LogFlags extends AppFlags {
  limit?: number;
  cursor?: string;
}

/** The app's audit log, newest as the server orders it: who did what, from which status to which. */
export async function logCommand(flags: LogFlags, { client, out }: Deps): Promise<number> {
  const page = await client.auditLog(flags.app, { limit: flags.limit, cursor: flags.cursor });
  out.result(page, (c) => {
    if (page.items.length === 0) return c.dim('no records');
    const rows = page.items.map((r) => [
      when(r.at),
      r.actor,
      r.action,
      r.version ?? '',
      change(r),
      r.reason ?? '',
    ]);
    const lines = table(['at', 'actor', 'action', 'version', 'change', 'reason'], rows);
    if (page.nextCursor) lines.push(c.dim(`more: --cursor ${page.nextCursor}`));
    return lines;
  });
  return 0;
}

function change(r: AuditRecord): string {
  if (!r.from && !r.to) return '';
  const percentage = r.details?.percentage;
  return `${r.from ?? '∅'} → ${r.to ?? '∅'}${typeof percentage === 'number' ? ` ${percentage} %` : ''}`;
}

export function registerLog(program: Command, ctx: CliContext): void {
  withApp(program.command('log').description("show the app's audit log"))
    .option('--limit <n>', 'how many records', integer(1, 200))
    .option('--cursor <cursor>', 'continue after a previous page')
    .action((flags: LogFlags, command: Command) => ctx.run(command, (deps) => logCommand(flags, deps)));
}
