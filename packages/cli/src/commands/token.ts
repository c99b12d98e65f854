import type { PlatformRole } from '@minirelease/sdk';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { parseExpires } from '../expires.js';
import { when } from '../format.js';
import { table } from '../table.js';

const ROLES: readonly PlatformRole[] = ['admin', 'reviewer', 'resolver'];

export interface TokenCreateFlags {
  principal: string;
  role?: PlatformRole[];
  label?: string;
  /** ISO time, already parsed from `--expires`. */
  expires?: string;
}

/** Admin: a token for a principal. The secret is printed once; only its hash is kept. */
export async function tokenCreateCommand(flags: TokenCreateFlags, { client, out }: Deps): Promise<number> {
  const created = await client.createToken({
    principal: flags.principal,
    roles: flags.role ?? [],
    ...(flags.label ? { label: flags.label } : {}),
    ...(flags.expires ? { expiresAt: flags.expires } : {}),
  });
  out.result(created, (c) => [
    `${c.green('created')} token ${created.id} for ${c.bold(created.principal)} ${c.dim(`(${roles(created.roles)})`)}`,
    `  ${created.token}`,
    c.dim(`  expires ${created.expiresAt ? when(created.expiresAt) : 'never'}`),
    c.dim('  shown once: store it now'),
  ]);
  return 0;
}

export async function tokenListCommand({ client, out }: Deps, now: Date = new Date()): Promise<number> {
  const page = await client.listTokens();
  const expired = (at: string | null) => at !== null && Date.parse(at) <= now.getTime();
  out.result(page, (c) =>
    table(
      ['id', 'principal', 'roles', 'label', 'created', 'last used', 'expires'],
      page.items.map((t) => [
        t.revokedAt ? c.dim(`${t.id} (revoked)`) : expired(t.expiresAt) ? c.dim(`${t.id} (expired)`) : t.id,
        t.principal,
        roles(t.roles),
        t.label,
        when(t.createdAt),
        when(t.lastUsedAt),
        t.expiresAt ? when(t.expiresAt) : 'never',
      ]),
    ),
  );
  return 0;
}

export async function tokenRevokeCommand(id: string, { client, out }: Deps): Promise<number> {
  await client.revokeToken(id);
  out.result({ id, revoked: true }, (c) => `${c.red('revoked')} token ${id}`);
  return 0;
}

function roles(list: readonly PlatformRole[]): string {
  return list.length > 0 ? list.join(', ') : 'no platform role';
}

function role(value: string, previous: PlatformRole[] = []): PlatformRole[] {
  if (!ROLES.includes(value as PlatformRole)) {
    throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  }
  return [...previous, value as PlatformRole];
}

export function registerToken(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('manage API tokens (admin)');
  token
    .command('create')
    .description('create a token for a principal')
    .requiredOption('--principal <name>', 'who the token is for')
    .option(
      '--role <role>',
      'a platform role: admin, reviewer, or resolver (for resolver processes); repeatable',
      role,
    )
    .option('--label <text>', 'what the token is for')
    .option(
      '--expires <when>',
      'a duration (90m, 12h, 30d, 2w), a date YYYY-MM-DD or an ISO time (default: never)',
      (v: string) => parseExpires(v),
    )
    .action((flags: TokenCreateFlags, command: Command) =>
      ctx.run(command, (deps) => tokenCreateCommand(flags, deps)),
    );
  token
    .command('list')
    .description('list tokens')
    .action((_flags: object, command: Command) => ctx.run(command, (deps) => tokenListCommand(deps)));
  token
    .command('revoke')
    .description('revoke a token')
    .argument('<id>', 'the token id')
    .action((id: string, _flags: object, command: Command) =>
      ctx.run(command, (deps) => tokenRevokeCommand(id, deps)),
    );
}
