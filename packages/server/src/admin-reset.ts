import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readEnv } from './config.js';
import { TokenService } from './services/token-service.js';
import { keepAdminToken } from './start-server.js';
import { openDatabase } from './storage/database.js';

export interface AdminResetOptions {
  readonly dataDir: string;
  /** PostgreSQL instead of the data dir's SQLite; defaults to `DATABASE_URL`. */
  readonly databaseUrl?: string;
  /** Who runs the reset (OS user and host), kept in the new token's label. */
  readonly by: string;
  readonly now?: () => Date;
}

export interface AdminResetResult {
  readonly id: string;
  readonly token: string;
  readonly tokenFile: string;
  readonly label: string;
}

/**
 * `minirelease admin reset`: a new admin token made straight in the database, without the API (which may be
 * running or not: SQLite in WAL mode and PostgreSQL both take the write). Like the first start, the token file
 * is written before the token is committed.
 */
export async function resetAdmin(options: AdminResetOptions): Promise<AdminResetResult> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const databaseUrl = options.databaseUrl ?? readEnv().databaseUrl;
  const database = await openDatabase(
    databaseUrl ? { postgresUrl: databaseUrl } : { sqlitePath: join(dataDir, 'minirelease.db') },
  );
  const tokenFile = join(dataDir, 'admin-token');
  try {
    const tokens = new TokenService(database.db, options.now ?? (() => new Date()));
    const { row, secret } = await tokens.resetAdmin(options.by, (secret) =>
      keepAdminToken(tokenFile, secret),
    );
    return { id: row.id, token: secret, tokenFile, label: row.label };
  } finally {
    await database.close();
  }
}
