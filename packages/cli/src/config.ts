import { readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** What `login` saves. */
export interface SavedConfig {
  server: string;
  token: string;
}

export interface ResolvedConfig {
  server: string;
  token: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_CONFIG_HOME/minirelease/config.json`, else `~/.config/minirelease/config.json` (XDG base dirs). */
export function configFilePath(env: Env): string {
  const base = nonEmpty(env.XDG_CONFIG_HOME) ?? join(nonEmpty(env.HOME) ?? homedir(), '.config');
  return join(base, 'minirelease', 'config.json');
}

/** Sync on purpose: a few bytes read once per run, and it lets the client be built lazily without awaiting. */
export function readSavedConfig(file: string): SavedConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError('CONFIG_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`);
  }
  const value = safeParse(text) as Partial<SavedConfig> | undefined;
  if (typeof value?.server !== 'string' || typeof value.token !== 'string') {
    throw new CliError(
      'CONFIG_UNREADABLE',
      `${file} is not a minirelease config; run \`minirelease login\` again`,
    );
  }
  return { server: value.server, token: value.token };
}

/** Writes the token readable by its owner only (0600), in a folder only they can list (0700). */
export async function saveConfig(file: string, config: SavedConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; an older file may have looser permissions.
  await chmod(file, 0o600);
}

/**
 * Server and token: `--server`/`--token`, else `MINIRELEASE_SERVER`/`MINIRELEASE_TOKEN`, else what `login`
 * saved, else the default local server. The saved token is used only with the server it was saved for, so
 * pointing the CLI at another server never sends it there.
 */
export function resolveConfig(
  flags: { server?: string; token?: string },
  env: Env,
  file: string,
): ResolvedConfig {
  const explicitServer = nonEmpty(flags.server) ?? nonEmpty(env.MINIRELEASE_SERVER);
  const explicitToken = nonEmpty(flags.token) ?? nonEmpty(env.MINIRELEASE_TOKEN);
  const saved = explicitServer && explicitToken ? undefined : readSavedConfig(file);
  const server = trimSlash(explicitServer ?? saved?.server ?? DEFAULT_SERVER);
  const savedToken = saved && trimSlash(saved.server) === server ? saved.token : undefined;
  return { server, token: explicitToken ?? savedToken };
}

/** The server `login` talks to: found as for every command, except that a broken saved file is not an error. */
export function serverForLogin(flags: { server?: string }, env: Env, file: string): string {
  let saved: SavedConfig | undefined;
  try {
    saved = readSavedConfig(file);
  } catch {
    saved = undefined; // login is about to replace it
  }
  return trimSlash(
    nonEmpty(flags.server) ?? nonEmpty(env.MINIRELEASE_SERVER) ?? saved?.server ?? DEFAULT_SERVER,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
