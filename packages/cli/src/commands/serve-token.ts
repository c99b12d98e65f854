import { readFileSync } from 'node:fs';
import { usageError } from '../cli-error.js';
import type { Output } from '../output.js';

/**
 * The resolver's token for `serve`: from `--token-file` (its first line), else `MINIRELEASE_TOKEN`, else
 * `--token` with a warning, because a flag shows in `ps` to every user of the host. Never a saved login: that
 * is a person's.
 */
export function serveToken(
  tokenFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  flag: string | undefined,
  out: Output,
): string | undefined {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(tokenFile, 'utf8');
    } catch (e) {
      throw usageError(`cannot read --token-file ${tokenFile}: ${(e as NodeJS.ErrnoException).code ?? e}`, {
        field: 'token-file',
      });
    }
    const token = text.split(/\r?\n/, 1)[0]?.trim();
    if (!token) throw usageError(`--token-file ${tokenFile} is empty`, { field: 'token-file' });
    return token;
  }
  if (env.MINIRELEASE_TOKEN) return env.MINIRELEASE_TOKEN;
  if (flag !== undefined) {
    out.note(
      'warning: --token shows in `ps` to every user of this host; use MINIRELEASE_TOKEN or --token-file',
    );
  }
  return flag;
}
