/** The only file that reads the environment. */
export interface EnvConfig {
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  /** A checker configuration file (severities, word lists, categories, limits). */
  readonly checkConfig: string | undefined;
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

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.MINIRELEASE_LOG_LEVEL || env.LOG_LEVEL || 'warn',
    checkConfig: env.MINIRELEASE_CHECK_CONFIG || undefined,
    crashAt: env.MINIRELEASE_CRASH_AT || undefined,
    secretKey: env.MINIRELEASE_SECRET_KEY || undefined,
    requestLog: env.MINIRELEASE_REQUEST_LOG === '1' || env.MINIRELEASE_REQUEST_LOG === 'true',
  };
}
