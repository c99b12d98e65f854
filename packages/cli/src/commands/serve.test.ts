import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore, createApp, type MiniReleaseApp, openDatabase } from '@minirelease/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedResolver } from '../embedded-server.js';
import { main } from '../main.js';
import { createOutput } from '../output.js';
import { captureIo } from '../testing/capture-io.js';
import { serveResolverCommand } from './serve-resolver.js';

describe('serve --role resolver', () => {
  let dir: string;
  let api: MiniReleaseApp;
  let upstream: string;
  let token: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-serve-'));
    api = await createApp({
      database: await openDatabase({ sqlitePath: ':memory:' }),
      blobs: new BlobStore(join(dir, 'blobs')),
    });
    upstream = await api.app.listen({ port: 0, host: '127.0.0.1' });
    token = (
      await api.services.tokens.create({ principal: 'resolver-1', roles: ['resolver'], label: 'test' })
    ).secret;
  });
  afterAll(async () => {
    await api.app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['no --upstream', ['--token', 't'], '--upstream'],
    ['an --upstream that is no URL', ['--upstream', 'api.internal', '--token', 't'], 'not a URL'],
    ['an --upstream that is not http', ['--upstream', 'ftp://api.internal', '--token', 't'], 'http(s)'],
    ['no token', ['--upstream', 'http://127.0.0.1:9'], 'platform role resolver'],
  ])('exits 2 with %s', async (_, args, message) => {
    const io = captureIo({ env: { XDG_CONFIG_HOME: '/nonexistent' } });
    expect(await main(['node', 'minirelease', 'serve', '--role', 'resolver', ...args], io)).toBe(2);
    expect(io.stderrText()).toContain(message);
  });

  it('reads its token from --token-file, refusing a file it cannot read', async () => {
    const io = captureIo({ env: { XDG_CONFIG_HOME: '/nonexistent' } });
    const args = ['--upstream', 'http://127.0.0.1:9', '--token-file', join(dir, 'no-such-token')];
    expect(await main(['node', 'minirelease', 'serve', '--role', 'resolver', ...args], io)).toBe(2);
    expect(io.stderrText()).toContain('cannot read --token-file');
    expect(io.stderrText()).toContain('ENOENT');
  });

  it('warns that --token shows in ps', async () => {
    const io = captureIo({ env: { XDG_CONFIG_HOME: '/nonexistent' } });
    const args = ['--upstream', 'ftp://api.internal', '--token', 't'];
    expect(await main(['node', 'minirelease', 'serve', '--role', 'resolver', ...args], io)).toBe(2);
    expect(io.stderrText()).toContain('--token shows in `ps`');
  });

  it('prints its URL, follows the API until it is ready, and stops cleanly when told', async () => {
    const io = captureIo();
    let stop!: (signal: string) => void;
    const running = serveResolverCommand(
      { port: 0, host: '127.0.0.1', dataDir: join(dir, 'resolver'), upstream, logLevel: 'silent' },
      {
        out: createOutput(io, true),
        token,
        startResolver: startEmbeddedResolver,
        untilStopped: () => new Promise((resolve) => (stop = resolve)),
      },
    );
    while (!io.stdoutText().endsWith('}\n')) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = io.stdoutJson<{ role: string; url: string; upstream: string; dataDir: string }>();
    expect(started).toMatchObject({ role: 'resolver', upstream, dataDir: join(dir, 'resolver') });
    // Ready comes from the snapshot join; the stream may connect a moment later, so poll for both.
    const readiness = async () => {
      const answer = await fetch(`${started.url}/readyz`);
      return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
    };
    let ready = await readiness();
    for (let i = 0; i < 500 && (ready.status !== 200 || ready.body['upstream'] !== 'connected'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ready = await readiness();
    }
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ seq: 0, upstream: 'connected' });
    stop('SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow();
  });
});
