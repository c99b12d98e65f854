/** The only file that reads the environment. */
export interface EnvConfig {
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  /** A checker configuration file (severities, word lists, categories, limits). */
  readonly checkConfig: string | undefined;
  /** How many days of per-minute host event counts are kept (DESIGN §10; default 30). */
  readonly eventRetentionDays: number;
  /** How often the gray ticker reconciles the active plans, in seconds (default 15). */
  readonly grayTickSeconds: number;
  /**
   * For the crash tests only: the process kills itself (SIGKILL) at this point of the start, as a `kill -9`
   * there would (`admin-token-written`: the token file is written, the token not yet committed;
   * `admin-token-committed`: both).
   */
  readonly crashAt: string | undefined;
  /** One log line per request at `info` (`MINIRELEASE_REQUEST_LOG=1`); off by default. */
  readonly requestLog: boolean;
  /** The secret key as 64 hex digits; else `<data-dir>/secret-key`. */
  readonly secretKey: string | undefined;
}

/** A positive number from the environment, or the default when it is unset; a bad value stops the start. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.MINIRELEASE_LOG_LEVEL || env.LOG_LEVEL || 'warn',
    checkConfig: env.MINIRELEASE_CHECK_CONFIG || undefined,
    eventRetentionDays: positive(env, 'MINIRELEASE_EVENT_RETENTION_DAYS', 30),
    grayTickSeconds: positive(env, 'MINIRELEASE_GRAY_TICK_SECONDS', 15),
    crashAt: env.MINIRELEASE_CRASH_AT || undefined,
    secretKey: env.MINIRELEASE_SECRET_KEY || undefined,
    requestLog: env.MINIRELEASE_REQUEST_LOG === '1' || env.MINIRELEASE_REQUEST_LOG === 'true',
  };
}
