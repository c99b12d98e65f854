/** The only file that reads the environment. */
export interface EnvConfig {
  readonly databaseUrl: string | undefined;
  readonly logLevel: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.MINIRELEASE_LOG_LEVEL || env.LOG_LEVEL || 'info',
  };
}
