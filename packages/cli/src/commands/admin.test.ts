import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEmbeddedAdmin, startEmbeddedServer } from '../embedded-server.js';
import { createOutput } from '../output.js';
import { captureIo } from '../testing/capture-io.js';
import { adminResetCommand } from './admin.js';

describe('admin reset', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'minirelease-reset-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('prints a new admin token once (--json), writes it to the token file, and the API takes it', async () => {
    const first = await startEmbeddedServer({ dataDir, port: 0, logLevel: 'silent', databaseUrl: '' });
    await first.close();
    const io = captureIo();
    const code = await adminResetCommand(
      { dataDir },
      { out: createOutput(io, true), resetAdmin: resetEmbeddedAdmin, by: 'ops@box' },
    );
    expect(code).toBe(0);
    const made = io.stdoutJson() as { id: string; token: string; tokenFile: string; label: string };
    expect(made).toMatchObject({
      tokenFile: join(dataDir, 'admin-token'),
      label: 'admin reset by ops@box (offline)',
    });
    expect(await readFile(made.tokenFile, 'utf8')).toBe(`${made.token}\n`);

    const server = await startEmbeddedServer({ dataDir, port: 0, logLevel: 'silent', databaseUrl: '' });
    try {
      const r = await fetch(`${server.url}/v1/whoami`, {
        headers: { authorization: `Bearer ${made.token}` },
      });
      expect(await r.json()).toMatchObject({ principal: 'admin', roles: ['admin'], tokenId: made.id });
    } finally {
      await server.close();
    }
  });

  it('says why when the token file cannot be written: ADMIN_TOKEN_FILE_UNWRITABLE, exit 1', async () => {
    const io = captureIo();
    const failing = async () => {
      throw Object.assign(
        new Error('cannot write the admin token file /x (EISDIR); no admin token was made'),
        {
          code: 'ADMIN_TOKEN_FILE_UNWRITABLE',
        },
      );
    };
    await expect(
      adminResetCommand({ dataDir }, { out: createOutput(io, true), resetAdmin: failing, by: 'ops@box' }),
    ).rejects.toMatchObject({ code: 'ADMIN_TOKEN_FILE_UNWRITABLE', exitCode: 1 });
  });
});
