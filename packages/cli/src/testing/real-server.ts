import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MiniReleaseClient } from '@minirelease/sdk';
import { BlobStore, createApp, type MiniReleaseApp, openDatabase } from '@minirelease/server';
import { main } from '../main.js';
import { type CapturedIo, captureIo } from './capture-io.js';

export const EXAMPLE_APP = { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' };
export const EXAMPLE_NOTES = '青禾读书首个版本：书架、图书详情与借阅记录，支持按书名搜索馆藏图书。';
const EXAMPLE_DIR = fileURLToPath(new URL('../../../../examples/alipay-qinghe-books', import.meta.url));

export interface RealServer {
  readonly url: string;
  readonly adminToken: string;
  /** The server's parts, for what no route does: driving the gray ticker. */
  readonly api: MiniReleaseApp;
  /** An admin client, to set the scene through the API as a person would. */
  readonly client: MiniReleaseClient;
  /** Runs the CLI against this server (admin token unless `token` is given). */
  cli(args: string[], options?: { token?: string }): Promise<{ code: number; io: CapturedIo }>;
  /** Uploads `version` of the example app (made on first use): INIT. */
  uploadedVersion(version: string): Promise<void>;
  /** Uploads `version`, submits and approves it: WAIT_RELEASE. */
  approvedVersion(version: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real API (SQLite in memory, blobs in a temp folder) on a loopback port, without its gray ticker loop so a
 * test sees the plan exactly as it set it. For command tests that need the server's real answers and refusals.
 */
export async function startRealServer(): Promise<RealServer> {
  const dir = await mkdtemp(join(tmpdir(), 'minirelease-cli-real-'));
  const api = await createApp({
    database: await openDatabase({ sqlitePath: ':memory:' }),
    blobs: new BlobStore(join(dir, 'blobs')),
    consoleDir: null,
    grayTickMs: null,
  });
  const adminToken = (await api.services.tokens.bootstrapAdmin()) ?? '';
  const url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  const client = new MiniReleaseClient({ baseUrl: url, token: adminToken });
  let appMade = false;
  const uploadedVersion = async (version: string) => {
    if (!appMade) await client.createApp(EXAMPLE_APP);
    appMade = true;
    const { zipDirectory } = await import('@minirelease/checks');
    const zip = await zipDirectory(EXAMPLE_DIR);
    await client.uploadVersion(EXAMPLE_APP.appId, { version, description: EXAMPLE_NOTES, zip });
  };
  return {
    url,
    adminToken,
    api,
    client,
    async cli(args, options = {}) {
      const io = captureIo({
        env: {
          MINIRELEASE_SERVER: url,
          MINIRELEASE_TOKEN: options.token ?? adminToken,
          XDG_CONFIG_HOME: join(dir, 'config'),
        },
      });
      const code = await main(['node', 'minirelease', ...args], io);
      return { code, io };
    },
    uploadedVersion,
    async approvedVersion(version) {
      await uploadedVersion(version);
      await client.submit(EXAMPLE_APP.appId, version, { testAccount: 'reviewer01', testPassword: 'pw' });
      await client.review(EXAMPLE_APP.appId, version, { decision: 'approve', reasons: [], comment: '' });
    },
    async close() {
      await api.app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
