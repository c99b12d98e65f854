import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StartServerOptions } from '../embedded-server.js';
import { startEmbeddedServer } from '../embedded-server.js';
import { createOutput } from '../output.js';
import { captureIo } from '../testing/capture-io.js';
import { startCommand } from './start.js';

function fakeServer(adminToken: string | null) {
  const calls: StartServerOptions[] = [];
  let closed = false;
  const startServer = async (options: StartServerOptions) => {
    calls.push(options);
    return {
      url: 'http://127.0.0.1:8080/',
      adminToken,
      close: async () => {
        closed = true;
      },
    };
  };
  return { calls, startServer, closed: () => closed };
}

const flags = { port: 8080, host: '127.0.0.1', dataDir: '/srv/minirelease' };

describe('startCommand', () => {
  it('prints the API and docs URLs and, on first start, the admin token and its file', async () => {
    const server = fakeServer('mr_first');
    const io = captureIo();
    let stop!: (signal: string) => void;
    const running = startCommand(flags, {
      out: createOutput(io, false),
      startServer: server.startServer,
      untilStopped: () => new Promise((resolve) => (stop = resolve)),
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.calls).toEqual([{ port: 8080, host: '127.0.0.1', dataDir: '/srv/minirelease' }]);
    expect(io.stdoutText()).toContain('console  http://127.0.0.1:8080/\n');
    expect(io.stdoutText()).toContain('API      http://127.0.0.1:8080\n');
    expect(io.stdoutText()).toContain('docs     http://127.0.0.1:8080/docs\n');
    expect(io.stdoutText()).toContain('admin token  mr_first');
    expect(io.stdoutText()).toContain('/srv/minirelease/admin-token');
    expect(server.closed()).toBe(false);
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(server.closed()).toBe(true);
  });

  it('with --json prints one JSON object, and no token after the first start', async () => {
    const server = fakeServer(null);
    const io = captureIo();
    const out = createOutput(io, true);
    await startCommand(flags, { out, startServer: server.startServer, untilStopped: async () => 'SIGINT' });
    expect(io.stdoutJson()).toEqual({
      url: 'http://127.0.0.1:8080',
      docsUrl: 'http://127.0.0.1:8080/docs',
      dataDir: '/srv/minirelease',
      adminToken: null,
      adminTokenFile: '/srv/minirelease/admin-token',
    });
    expect(io.stderrText()).toBe('');
  });

  it('names where the admin token file is on a later start too', async () => {
    const io = captureIo();
    const deps = { out: createOutput(io, false), startServer: fakeServer(null).startServer };
    await startCommand(flags, { ...deps, untilStopped: async () => 'SIGINT' });
    expect(io.stdoutText()).toContain('admin token file  /srv/minirelease/admin-token\n');
    expect(io.stdoutText()).not.toContain('admin token  ');
  });

  it('refuses a port in use with PORT_IN_USE naming the port and the fix, exit 1 (not INTERNAL)', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const dataDir = await mkdtemp(join(tmpdir(), 'minirelease-busy-'));
    try {
      const run = startCommand(
        { port, host: '127.0.0.1', dataDir, logLevel: 'silent' },
        {
          out: createOutput(captureIo(), false),
          startServer: startEmbeddedServer,
          untilStopped: async () => 'SIGINT',
        },
      );
      await expect(run).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        exitCode: 1,
        message: expect.stringContaining(`port ${port} on 127.0.0.1 is in use`),
      });
      await expect(run).rejects.toThrow('--port <another port>');
    } finally {
      busy.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('as a real process, prints the banner alone and last on stdout: request logs never reach it', async () => {
    const bin = fileURLToPath(new URL('../../bin/minirelease.js', import.meta.url));
    const dataDir = await mkdtemp(join(tmpdir(), 'minirelease-banner-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: join(dataDir, 'cfg') };
    delete env.FORCE_COLOR;
    delete env.MINIRELEASE_LOG_LEVEL;
    // Port 0: the banner names the port the kernel chose, so no probe can race another test for it.
    const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--data-dir', dataDir], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const seen = () => /API\s+(http:\/\/\S+)/.exec(stdout)?.[1];
        child.stdout.on('data', () => {
          const found = seen();
          if (found && stdout.includes('Press Ctrl+C to stop.')) resolve(found);
        });
        child.on('close', (code) => reject(new Error(`start exited ${code}:\n${stdout}\n${stderr}`)));
      });
      const banner = stdout;
      // Requests that an `info` request log would print, a refusal and a miss among them.
      for (const path of ['/v1/whoami', '/v1/apps', '/healthz', '/nope', '/docs']) await fetch(url + path);
      await fetch(`${url}/v1/tokens`, { headers: { authorization: 'Bearer mr_wrong' } });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toBe(banner);
      expect(stdout.split('\n')).toEqual([
        'minirelease is running',
        `  console  ${url}/`,
        `  API      ${url}`,
        `  docs     ${url}/docs`,
        expect.stringMatching(/^ {2}admin token {2}mr_\S+$/),
        `  admin token file  ${join(dataDir, 'admin-token')} (first start)`,
        'Press Ctrl+C to stop.',
        '',
      ]);
      expect(stderr).not.toMatch(/"reqId"|\/v1\/whoami/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
