import { resolve } from 'node:path';
import { usageError } from '../cli-error.js';
import type { StartResolver } from '../embedded-server.js';
import type { Output } from '../output.js';

export interface ServeResolverFlags {
  port: number;
  host: string;
  dataDir: string;
  upstream?: string | undefined;
  logLevel?: string | undefined;
}

export interface ServeResolverDeps {
  out: Output;
  token: string | undefined;
  startResolver: StartResolver;
  /** Resolves when the resolver should stop (SIGINT/SIGTERM in the real CLI). */
  untilStopped: () => Promise<string>;
}

/** `serve --role resolver`: follows the API's change stream and answers resolve/search/packages until stopped. */
export async function serveResolverCommand(
  flags: ServeResolverFlags,
  deps: ServeResolverDeps,
): Promise<number> {
  const { out } = deps;
  if (!flags.upstream) throw usageError('a resolver needs --upstream <url>: the API it follows');
  let upstream: URL;
  try {
    upstream = new URL(flags.upstream);
  } catch {
    throw usageError(`--upstream ${flags.upstream} is not a URL`, { field: 'upstream' });
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
    throw usageError(`--upstream must be an http(s) URL, got ${flags.upstream}`, { field: 'upstream' });
  }
  if (!deps.token) {
    throw usageError(
      'a resolver needs a token with the platform role resolver: --token or MINIRELEASE_TOKEN ' +
        '(an admin makes one: POST /v1/tokens {"principal": "resolver-1", "roles": ["resolver"]})',
    );
  }
  const dataDir = resolve(flags.dataDir);
  const running = await deps.startResolver({
    upstream: upstream.href.replace(/\/+$/, ''),
    token: deps.token,
    port: flags.port,
    host: flags.host,
    dataDir,
    ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
  });
  const url = running.url.replace(/\/+$/, '');
  const started = { role: 'resolver', url, upstream: upstream.href.replace(/\/+$/, ''), dataDir };
  out.result(started, (c) => [
    c.green('minirelease resolver is running'),
    `  resolver  ${c.bold(url)}`,
    `  upstream  ${started.upstream}`,
    `  data      ${dataDir}`,
    c.dim('Press Ctrl+C to stop.'),
  ]);
  const signal = await deps.untilStopped();
  out.note((c) => c.dim(`${signal}: stopping…`));
  await running.close();
  return 0;
}
