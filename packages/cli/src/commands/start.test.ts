import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
