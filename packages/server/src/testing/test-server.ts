import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Limits } from '@minirelease/checks';
import type { LightMyRequestResponse } from 'fastify';
import type { PlatformRole } from '../auth/principal.js';
import { type CreateAppOptions, createApp, type MiniReleaseApp } from '../create-app.js';
import { BlobStore } from '../storage/blob-store.js';
import { answerCheck } from './answer-check.js';
import { openTestDatabase, type TestDialect } from './test-database.js';

export interface TestServer extends MiniReleaseApp {
  readonly adminToken: string;
  /** The database it runs on, for a second instance on the same one. */
  readonly database: CreateAppOptions['database'];
  /** A token for a new principal with the given platform roles. */
  tokenFor(principal: string, roles?: PlatformRole[]): Promise<string>;
  call(
    method: string,
    url: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Listens on an ephemeral loopback port (for resolvers and stream clients); answers the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** A real server (real database, real blob directory) answered through `inject`, without a port. */
export async function startTestServer(
  dialect: TestDialect,
  options: { limits?: Partial<Limits> } & Pick<
    CreateAppOptions,
    | 'stream'
    | 'eventPollMs'
    | 'check'
    | 'now'
    | 'consoleDir'
    | 'eventRetentionDays'
    | 'grayTickMs'
    | 'grayTickerHolder'
    | 'timeouts'
  > & { database?: (CreateAppOptions['database'] & { drop(): Promise<void> }) | undefined } = {},
): Promise<TestServer> {
  const database = options.database ?? (await openTestDatabase(dialect));
  const dir = await mkdtemp(join(tmpdir(), 'minirelease-test-'));
  const instance = await createApp({
    database,
    blobs: new BlobStore(join(dir, 'blobs')),
    limits: options.limits,
    stream: options.stream,
    eventPollMs: options.eventPollMs,
    check: options.check,
    now: options.now,
    consoleDir: options.consoleDir,
    eventRetentionDays: options.eventRetentionDays,
    // Tests drive the ticker with `ticker.tick()` and their own clock unless they ask for its loop.
    grayTickMs: options.grayTickMs ?? null,
    grayTickerHolder: options.grayTickerHolder,
    timeouts: options.timeouts,
  });
  // A database that had a server before (a restart test) has its admin already: the test gets a new admin token.
  const adminToken =
    (await instance.services.tokens.bootstrapAdmin()) ??
    (await instance.services.tokens.create({ principal: 'admin', roles: ['admin'], label: 'test' })).secret;
  const check = answerCheck(instance.app.swagger() as unknown as Parameters<typeof answerCheck>[0]);
  return {
    ...instance,
    adminToken,
    database,
    async tokenFor(principal, roles = []) {
      return (await instance.services.tokens.create({ principal, roles, label: 'test' })).secret;
    },
    async call(method, url, opts = {}) {
      const token = opts.token === undefined ? adminToken : opts.token;
      const headers: Record<string, string> = { ...opts.headers };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const isBinary = Buffer.isBuffer(opts.body);
      if (isBinary && !headers['content-type']) headers['content-type'] = 'application/zip';
      const response = await instance.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(opts.body === undefined
          ? {}
          : isBinary
            ? { payload: opts.body as Buffer }
            : { payload: opts.body as object }),
      });
      if (response.headers['content-type']?.toString().startsWith('application/json')) {
        const problems = check(method, url, response.statusCode, response.json());
        if (problems.length > 0) {
          throw new Error(
            `${method} ${url} → ${response.statusCode}: the answer is not what /openapi.json says: ${problems.join('; ')}`,
          );
        }
      }
      return response;
    },
    listen() {
      return instance.app.listen({ port: 0, host: '127.0.0.1' });
    },
    async close() {
      await instance.app.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
