import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFilePath, readSavedConfig, resolveConfig, saveConfig, serverForLogin } from './config.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-config-'));
  file = join(dir, 'minirelease', 'config.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('configFilePath', () => {
  it('uses XDG_CONFIG_HOME when set', () => {
    expect(configFilePath({ XDG_CONFIG_HOME: '/x', HOME: '/home/a' })).toBe('/x/minirelease/config.json');
  });

  it('falls back to ~/.config', () => {
    expect(configFilePath({ HOME: '/home/a' })).toBe('/home/a/.config/minirelease/config.json');
  });
});

describe('saveConfig', () => {
  it('writes the token readable by its owner only', async () => {
    await saveConfig(file, { server: 'http://s', token: 't1' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ server: 'http://s', token: 't1' });
  });

  it('tightens the mode of a file that already existed', async () => {
    await saveConfig(file, { server: 'http://s', token: 't1' });
    await writeFile(file, '{}', { mode: 0o644 });
    await saveConfig(file, { server: 'http://s', token: 't2' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('resolveConfig', () => {
  it('defaults to the local server with no token', () => {
    expect(resolveConfig({}, {}, file)).toEqual({ server: 'http://127.0.0.1:8080', token: undefined });
  });

  it('prefers flags over the environment over the saved login', async () => {
    await saveConfig(file, { server: 'http://saved', token: 'saved-token' });
    const env = { MINIRELEASE_SERVER: 'http://env/', MINIRELEASE_TOKEN: 'env-token' };
    expect(resolveConfig({}, {}, file)).toEqual({ server: 'http://saved', token: 'saved-token' });
    expect(resolveConfig({}, env, file)).toEqual({ server: 'http://env', token: 'env-token' });
    expect(resolveConfig({ server: 'http://flag', token: 'flag-token' }, env, file)).toEqual({
      server: 'http://flag',
      token: 'flag-token',
    });
  });

  it('treats empty environment values as unset', async () => {
    await saveConfig(file, { server: 'http://saved', token: 'saved-token' });
    const env = { MINIRELEASE_SERVER: '', MINIRELEASE_TOKEN: ' ' };
    expect(resolveConfig({}, env, file)).toEqual({ server: 'http://saved', token: 'saved-token' });
  });

  it('never sends the saved token to another server', async () => {
    await saveConfig(file, { server: 'http://saved', token: 'saved-token' });
    expect(resolveConfig({ server: 'http://elsewhere' }, {}, file).token).toBeUndefined();
    expect(resolveConfig({ server: 'http://saved/' }, {}, file).token).toBe('saved-token');
  });

  it('refuses a file that is not a config, naming it', async () => {
    await saveConfig(file, { server: 'http://s', token: 't' });
    await writeFile(file, 'not json');
    expect(() => resolveConfig({}, {}, file)).toThrow(/config\.json is not a minirelease config/);
    expect(() => readSavedConfig(file)).toThrow(expect.objectContaining({ code: 'CONFIG_UNREADABLE' }));
  });

  it('lets login replace a broken file', async () => {
    await saveConfig(file, { server: 'http://s', token: 't' });
    await writeFile(file, '{"server": 1}');
    expect(serverForLogin({}, {}, file)).toBe('http://127.0.0.1:8080');
    expect(serverForLogin({ server: 'http://flag/' }, {}, file)).toBe('http://flag');
  });
});
