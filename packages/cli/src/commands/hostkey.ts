import type { Command } from 'commander';
import type { CliContext, Deps } from '../context.js';
import { when } from '../format.js';
import { table } from '../table.js';

/**
 * Admin: a host key, with which a host app reports launches, errors, crashes and feedback (`POST /v1/events`,
 * DESIGN §10). Apart from operator tokens so a host app never holds a secret that moves versions; the key is
 * printed once, only its hash is kept.
 */
export async function hostKeyCreateCommand(name: string, { client, out }: Deps): Promise<number> {
  const created = await client.createHostKey(name);
  out.result(created, (c) => [
    `${c.green('created')} host key ${created.id} ${c.bold(created.name)}`,
    `  ${created.key}`,
    c.dim('  shown once: put it in the host app’s configuration now'),
  ]);
  return 0;
}

export async function hostKeyListCommand({ client, out }: Deps): Promise<number> {
  const page = await client.listHostKeys();
  out.result(page, (c) => {
    if (page.items.length === 0) return c.dim('no host keys');
    return table(
      ['id', 'name', 'created', 'last used'],
      page.items.map((k) => [
        k.revokedAt ? c.dim(`${k.id} (revoked)`) : k.id,
        k.name,
        when(k.createdAt),
        when(k.lastUsedAt),
      ]),
    );
  });
  return 0;
}

export async function hostKeyRevokeCommand(id: string, { client, out }: Deps): Promise<number> {
  await client.revokeHostKey(id);
  out.result({ id, revoked: true }, (c) => `${c.red('revoked')} host key ${id}`);
  return 0;
}

export function registerHostKey(program: Command, ctx: CliContext): void {
  const hostkey = program
    .command('hostkey')
    .description('manage the keys host apps report events with (admin)');
  hostkey
    .command('create')
    .description('create a host key; the key is shown once')
    .argument('<name>', 'which host app it is for')
    .action((name: string, _flags: object, command: Command) =>
      ctx.run(command, (deps) => hostKeyCreateCommand(name, deps)),
    );
  hostkey
    .command('list')
    .description('list host keys')
    .action((_flags: object, command: Command) => ctx.run(command, (deps) => hostKeyListCommand(deps)));
  hostkey
    .command('revoke')
    .description('revoke a host key: its host app can no longer report')
    .argument('<id>', 'the host key id')
    .action((id: string, _flags: object, command: Command) =>
      ctx.run(command, (deps) => hostKeyRevokeCommand(id, deps)),
    );
}
