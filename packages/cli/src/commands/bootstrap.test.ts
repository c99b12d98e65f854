import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostClient } from '@minirelease/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { publishSteps } from '../../../server/src/testing/publish-steps.js';
import { startTestServer, type TestServer } from '../../../server/src/testing/test-server.js';
import { createOutput } from '../output.js';
import { captureIo } from '../testing/capture-io.js';
import { bootstrapCommand } from './bootstrap.js';

let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function setup() {
  const server: TestServer = await startTestServer('sqlite');
  cleanup.push(() => server.close());
  const steps = publishSteps(server);
  await steps.create();
  await steps.upload('1.0.0');
  await steps.approve('1.0.0');
  await steps.publish('1.0.0');
  await steps.experiencers(['体验者甲']);
  const url = await server.listen();
  const dir = await mkdtemp(join(tmpdir(), 'mr-bootstrap-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const token = await server.tokenFor('ci', ['resolver']);
  return { url, dir, token };
}

describe('bootstrapCommand', () => {
  it('writes the host’s apps without insiders, which a host client answers from while cut off', async () => {
    const { url, dir, token } = await setup();
    const io = captureIo();
    const out = join(dir, 'bootstrap.json');
    const deps = { server: url, token, out: createOutput(io, true) };
    expect(await bootstrapCommand({ app: ['qinghe-books'], out }, deps)).toBe(0);
    const bootstrap = JSON.parse(await readFile(out, 'utf8'));
    expect(bootstrap.apps).toMatchObject([
      { appId: 'qinghe-books', insiders: [], live: { version: '1.0.0' } },
    ]);
    expect(io.stdoutJson()).toEqual({ file: out, seq: bootstrap.seq, apps: ['qinghe-books'] });
    const host = createHostClient({ baseUrl: 'http://127.0.0.1:9', bootstrap, retryAfterMs: 0 });
    expect(await host.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.0.0', stale: true });
  });

  it('refuses, writing nothing, when an app has no release state', async () => {
    const { url, dir, token } = await setup();
    const out = join(dir, 'bootstrap.json');
    const deps = { server: url, token, out: createOutput(captureIo(), true) };
    await expect(bootstrapCommand({ app: ['qinghe-books', 'nope'], out }, deps)).rejects.toMatchObject({
      code: 'APP_NOT_FOUND',
      exitCode: 1,
    });
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is refused by the server without a token that may follow the stream', async () => {
    const { url, dir } = await setup();
    const deps = { server: url, token: 'mr_nope', out: createOutput(captureIo(), true) };
    await expect(
      bootstrapCommand({ app: ['qinghe-books'], out: join(dir, 'b.json') }, deps),
    ).rejects.toMatchObject({
      status: 401,
    });
  });
});
