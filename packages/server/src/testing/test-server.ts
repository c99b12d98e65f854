import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Limits } from '@minirelease/checks';
import type { LightMyRequestResponse } from 'fastify';
import { createApp, type MiniReleaseApp } from '../create-app.js';
import { BlobStore } from '../storage/blob-store.js';
import { openTestDatabase, type TestDialect } from './test-database.js';

export interface TestServer extends MiniReleaseApp {
  readonly adminToken: string;
  /** A token for a new principal with the given platform roles. */
  tokenFor(principal: string, roles?: Array<'admin' | 'reviewer'>): Promise<string>;
  call(
    method: string,
    url: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A real server (real database, real blob directory) answered through `inject`, without a port. */
export async function startTestServer(
  dialect: TestDialect,
  options: { limits?: Partial<Limits> } = {},
): Promise<TestServer> {
  const database = await openTestDatabase(dialect);
  const dir = await mkdtemp(join(tmpdir(), 'minirelease-test-'));
  const instance = await createApp({
    database,
    blobs: new BlobStore(join(dir, 'blobs')),
    limits: options.limits,
  });
  const adminToken = (await instance.services.tokens.bootstrapAdmin())!;
  return {
    ...instance,
    adminToken,
    async tokenFor(principal, roles = []) {
      return (await instance.services.tokens.create({ principal, roles, label: 'test' })).secret;
    },
    call(method, url, opts = {}) {
      const token = opts.token === undefined ? adminToken : opts.token;
      const headers: Record<string, string> = { ...opts.headers };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const isBinary = Buffer.isBuffer(opts.body);
      if (isBinary && !headers['content-type']) headers['content-type'] = 'application/zip';
      return instance.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(opts.body === undefined
          ? {}
          : isBinary
            ? { payload: opts.body as Buffer }
            : { payload: opts.body as object }),
      });
    },
    async close() {
      await instance.app.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
