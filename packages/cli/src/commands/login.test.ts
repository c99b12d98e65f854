import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiError, json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

let stub: StubServer;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-login-'));
});
afterEach(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const whoami = { principal: 'alice', roles: ['admin'], tokenId: 'tok_1' };
const configFile = () => join(dir, 'minirelease', 'config.json');

describe('login', () => {
  it('checks the token with whoami, then saves server and token (0600)', async () => {
    stub = await startStubServer(() => json(200, whoami));
    const io = captureIo({ env: { XDG_CONFIG_HOME: dir } });
    expect(
      await main(['node', 'minirelease', 'login', '--server', `${stub.url}/`, '--token', 'tok-secret'], io),
    ).toBe(0);
    expect(stub.last().headers.authorization).toBe('Bearer tok-secret');
    expect(JSON.parse(await readFile(configFile(), 'utf8'))).toEqual({
      server: stub.url,
      token: 'tok-secret',
    });
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect(io.stdoutText()).toContain(`logged in to ${stub.url} as alice (admin)`);
  });

  it('reads the token from stdin when none is given, and later commands use the saved login', async () => {
    stub = await startStubServer(() => json(200, whoami));
    const io = captureIo({ env: { XDG_CONFIG_HOME: dir }, stdin: 'tok-piped\n' });
    expect(await main(['node', 'minirelease', 'login', '--server', stub.url], io)).toBe(0);
    const later = captureIo({ env: { XDG_CONFIG_HOME: dir } });
    expect(await main(['node', 'minirelease', 'whoami', '--json'], later)).toBe(0);
    expect(stub.last().headers.authorization).toBe('Bearer tok-piped');
    expect(later.stdoutJson()).toEqual(whoami);
  });

  it('saves nothing when the server refuses the token', async () => {
    stub = await startStubServer(() => apiError(401, 'UNAUTHENTICATED', 'unknown token'));
    const io = captureIo({ env: { XDG_CONFIG_HOME: dir } });
    expect(await main(['node', 'minirelease', 'login', '--server', stub.url, '--token', 'bad'], io)).toBe(1);
    expect(io.stderrText()).toBe('error UNAUTHENTICATED: unknown token\n');
    await expect(stat(configFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is a usage error when no token comes at all', async () => {
    stub = await startStubServer(() => json(200, whoami));
    const io = captureIo({ env: { XDG_CONFIG_HOME: dir }, stdin: '' });
    expect(await main(['node', 'minirelease', 'login', '--server', stub.url], io)).toBe(2);
    expect(stub.requests).toHaveLength(0);
  });
});
