import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetAdmin } from './admin-reset.js';
import { AdminTokenFileError, type RunningServer, startServer } from './start-server.js';

const whoami = (server: RunningServer, token: string) =>
  server.instance.app.inject({
    method: 'GET',
    url: '/v1/whoami',
    headers: { authorization: `Bearer ${token}` },
  });

describe('admin recovery', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'minirelease-admin-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));
  const start = () => startServer({ dataDir, port: 0, logLevel: 'silent', databaseUrl: '' });

  it('writes the first admin token file with mode 0600 before the token works', async () => {
    const server = await start();
    try {
      const file = await readFile(join(dataDir, 'admin-token'), 'utf8');
      expect(file).toBe(`${server.adminToken}\n`);
      expect((await stat(join(dataDir, 'admin-token'))).mode & 0o777).toBe(0o600);
      expect((await whoami(server, server.adminToken!)).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('fails the start on an unwritable token file, with a clear message, and commits no token', async () => {
    // A non-empty directory where the file should go: nothing can rename over it, whoever runs the test.
    await mkdir(join(dataDir, 'admin-token'));
    await writeFile(join(dataDir, 'admin-token', 'blocker'), '');
    const failed = await start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(AdminTokenFileError);
    expect((failed as Error).message).toContain(
      `cannot write the admin token file ${join(dataDir, 'admin-token')}`,
    );
    expect((failed as Error).message).toContain('no admin token was made');

    await rm(join(dataDir, 'admin-token'), { recursive: true });
    const server = await start();
    try {
      expect(
        server.adminToken,
        'the platform was still empty: the next start makes the first token',
      ).not.toBeNull();
      expect(await readFile(join(dataDir, 'admin-token'), 'utf8')).toBe(`${server.adminToken}\n`);
    } finally {
      await server.close();
    }
  });

  it('admin reset makes a new admin token offline, written to the token file and listed with who made it', async () => {
    const first = await start();
    const firstToken = first.adminToken!;
    await first.close();
    // The file is lost, as an operator would lose it.
    await rm(join(dataDir, 'admin-token'));

    const reset = await resetAdmin({ dataDir, by: 'ops@host-1', databaseUrl: '' });
    expect(reset.token).toMatch(/^mr_/);
    expect(await readFile(reset.tokenFile, 'utf8')).toBe(`${reset.token}\n`);
    expect((await stat(reset.tokenFile)).mode & 0o777).toBe(0o600);

    const again = await start();
    try {
      expect(again.adminToken, 'a later start makes no token of its own').toBeNull();
      expect((await whoami(again, reset.token)).json()).toMatchObject({
        principal: 'admin',
        roles: ['admin'],
      });
      expect((await whoami(again, firstToken)).statusCode, 'the old token is left to the new admin').toBe(
        200,
      );
      const tokens = (
        await again.instance.app.inject({
          method: 'GET',
          url: '/v1/tokens',
          headers: { authorization: `Bearer ${reset.token}` },
        })
      ).json().items as { id: string; label: string }[];
      expect(tokens.find((t) => t.id === reset.id)?.label).toBe('admin reset by ops@host-1 (offline)');
    } finally {
      await again.close();
    }
  });
});
