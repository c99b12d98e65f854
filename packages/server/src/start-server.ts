import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadCheckConfig } from '@minirelease/checks';
import { readEnv } from './config.js';
import { createApp, type MiniReleaseApp } from './create-app.js';
import { BlobStore } from './storage/blob-store.js';
import { openDatabase } from './storage/database.js';
import { loadSecretKey, SecretBox } from './storage/secret-box.js';
import { writeSecretFile } from './storage/secret-file.js';

export interface StartOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataDir: string;
  /** PostgreSQL instead of the embedded SQLite; defaults to `DATABASE_URL`. */
  readonly databaseUrl?: string;
  readonly logLevel?: string;
  /** A checker configuration file; defaults to `MINIRELEASE_CHECK_CONFIG`. */
  readonly checkConfig?: string;
}

export interface RunningServer {
  readonly url: string;
  /** The first admin token, on the first start only; also written to `<dataDir>/admin-token`. */
  readonly adminToken: string | null;
  readonly adminTokenPath: string;
  readonly instance: MiniReleaseApp;
  close(): Promise<void>;
}

/** `minirelease start`: API, resolver and docs in one process, SQLite under the data dir unless told otherwise. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const env = readEnv();
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const databaseUrl = options.databaseUrl ?? env.databaseUrl;
  const database = await openDatabase(
    databaseUrl ? { postgresUrl: databaseUrl } : { sqlitePath: join(dataDir, 'minirelease.db') },
  );
  const blobs = new BlobStore(join(dataDir, 'blobs'));
  const logLevel = options.logLevel ?? env.logLevel;
  const checkConfig = options.checkConfig ?? env.checkConfig;
  const instance = await createApp({
    database,
    blobs,
    // A broken file stops the start with its message: a platform must not run with rules it did not mean.
    ...(checkConfig ? { check: await loadCheckConfig(checkConfig) } : {}),
    // Logs go to stderr: stdout stays the CLI's (`start --json`).
    logger: logLevel === 'silent' ? false : { level: logLevel, stream: process.stderr },
    eventRetentionDays: env.eventRetentionDays,
    grayTickMs: env.grayTickSeconds * 1000,
    requestLog: env.requestLog,
    secretBox: new SecretBox(await loadSecretKey(dataDir, env.secretKey)),
  });
  const adminTokenPath = join(dataDir, 'admin-token');
  const crashAt = (point: string) => {
    if (env.crashAt === point) process.kill(process.pid, 'SIGKILL');
  };
  let adminToken: string | null;
  try {
    // The file first, the token after (docs/architecture.md, Roles): the only admin is never lost.
    adminToken = await instance.services.tokens.bootstrapAdmin(async (secret) => {
      await keepAdminToken(adminTokenPath, secret);
      crashAt('admin-token-written');
    });
  } catch (err) {
    await instance.app.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  if (adminToken) crashAt('admin-token-committed');
  let address: string;
  try {
    address = await instance.app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  } catch (err) {
    // A busy port leaves nothing open behind it; the caller names the port and the fix (EADDRINUSE kept).
    await instance.app.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  return {
    url: address,
    adminToken,
    adminTokenPath,
    instance,
    async close() {
      await instance.app.close();
      await database.close();
    },
  };
}

/** An admin token file that cannot be written stops the start before any token is made. */
export class AdminTokenFileError extends Error {
  override readonly name = 'AdminTokenFileError';
  readonly code = 'ADMIN_TOKEN_FILE_UNWRITABLE';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `cannot write the admin token file ${path} (${(cause as NodeJS.ErrnoException).code ?? cause}); no admin token was made: make the path writable and start again`,
      { cause },
    );
  }
}

/** Writes the admin token file whole (temp file, fsync, rename; mode 0600), or fails with AdminTokenFileError. */
export async function keepAdminToken(path: string, secret: string): Promise<void> {
  try {
    await writeSecretFile(path, `${secret}\n`);
  } catch (err) {
    throw new AdminTokenFileError(path, err);
  }
}
