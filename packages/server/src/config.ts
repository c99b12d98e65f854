/** The only file that reads the environment. */
export interface EnvConfig {
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
  /** A checker configuration file (severities, word lists, categories, limits). */
  readonly checkConfig: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.MINIRELEASE_LOG_LEVEL || env.LOG_LEVEL || 'warn',
    checkConfig: env.MINIRELEASE_CHECK_CONFIG || undefined,
  };
}
