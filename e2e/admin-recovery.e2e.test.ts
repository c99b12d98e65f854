/**
 * `kill -9` at the worst points of a first start: the only admin token must survive (issue 10, defect 5).
 * Real `minirelease start` processes on one data dir; the start kills itself where `MINIRELEASE_CRASH_AT`
 * says, as a `kill -9` landing exactly there would.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, freePort, root, waitForUrl } from './cli-process.js';

const bin = join(root, 'packages/cli/bin/minirelease.js');

describe('the first admin token across a kill -9', () => {
  let tmp: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    if (!existsSync(join(root, 'packages/cli/dist/main.js'))) throw new Error('build first: npm run build');
    tmp = await mkdtemp(join(tmpdir(), 'minirelease-crash-'));
    dataDir = join(tmp, 'data');
    env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: join(tmp, 'config') };
    delete env.DATABASE_URL;
    delete env.MINIRELEASE_CRASH_AT;
  });
  afterEach(() => rm(tmp, { recursive: true, force: true }));

  const start = async (crashAt?: string) =>
    spawn(process.execPath, [bin, 'start', '--port', String(await freePort()), '--data-dir', dataDir], {
      cwd: root,
      env: crashAt ? { ...env, MINIRELEASE_CRASH_AT: crashAt } : env,
    });

  /** Starts without a crash, asks whoami with the token file's token, stops. */
  const restartAndAsk = async () => {
    const child = await start();
    const done = collect(child);
    try {
      const url = await waitForUrl(child, 30_000);
      const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
      const r = await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });
      return { status: r.status, body: (await r.json()) as { roles?: string[] } };
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  };

  for (const point of ['admin-token-written', 'admin-token-committed']) {
    it(`killed at ${point}: the next start leaves a token file whose token is an admin`, async () => {
      const crashed = await collect(await start(point));
      expect(crashed.code, crashed.stderr).toBeNull();
      expect(existsSync(join(dataDir, 'admin-token')), 'the file is written before the token').toBe(true);
      const answer = await restartAndAsk();
      expect(answer.status).toBe(200);
      expect(answer.body.roles).toEqual(['admin']);
    });
  }
});
