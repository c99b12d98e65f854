import { keepTickShapes } from '@minirelease/resolver/tick-shapes';
import { CliError } from './cli-error.js';

/** What `start` asks of `@minirelease/server`. */
export interface StartServerOptions {
  port?: number;
  host?: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel?: string;
  checkConfig?: string;
}

export interface RunningServer {
  url: string;
  /** Set only on the first start, when the admin token is made; also in `<dataDir>/admin-token`. */
  adminToken: string | null;
  close(): Promise<void>;
}

export type StartServer = (options: StartServerOptions) => Promise<RunningServer>;

/**
 * Starts the API in this process. The server (Fastify, SQLite) is imported only here, so every other command
 * starts without loading it.
 */
export async function startEmbeddedServer(options: StartServerOptions): Promise<RunningServer> {
  // Before loading the server, whose loading already runs a full GC (see keepTickShapes).
  keepTickShapes();
  // Typed loosely on purpose: the contract above is checked against whatever the server package exports.
  const server: { startServer?: StartServer } = await import('@minirelease/server');
  if (typeof server.startServer !== 'function') {
    throw new CliError('INTERNAL', '@minirelease/server exports no startServer; is it built?');
  }
  return server.startServer(options);
}

/** What `admin reset` asks of `@minirelease/server`. */
export type ResetAdmin = (options: {
  dataDir: string;
  databaseUrl?: string;
  by: string;
}) => Promise<{ id: string; token: string; tokenFile: string; label: string }>;

/** `admin reset` in this process: opens the database itself, no API needed. */
export async function resetEmbeddedAdmin(options: Parameters<ResetAdmin>[0]) {
  const server: { resetAdmin?: ResetAdmin } = await import('@minirelease/server');
  if (typeof server.resetAdmin !== 'function') {
    throw new CliError('INTERNAL', '@minirelease/server exports no resetAdmin; is it built?');
  }
  return server.resetAdmin(options);
}

/** What `serve --role resolver` asks of `@minirelease/resolver`. */
export interface StartResolverOptions {
  upstream: string;
  token: string;
  port: number;
  host: string;
  dataDir: string;
  logLevel?: string;
}

export type StartResolver = (
  options: StartResolverOptions,
) => Promise<{ url: string; close(): Promise<void> }>;

/** Starts a resolver process in this process; like the server, loaded only by the command that needs it. */
export async function startEmbeddedResolver(options: StartResolverOptions) {
  keepTickShapes();
  const { startResolverServer } = await import('@minirelease/resolver');
  const { logLevel = 'info', ...rest } = options;
  return startResolverServer({
    ...rest,
    // Logs go to stderr: stdout stays the CLI's (`serve --json`).
    logger: logLevel === 'silent' ? false : { level: logLevel, stream: process.stderr },
  });
}

/** Resolves with the first SIGINT or SIGTERM, and stops listening for both. */
export function untilSignal(): Promise<NodeJS.Signals> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      resolve(signal);
    };
    for (const s of signals) process.on(s, stop);
  });
}
