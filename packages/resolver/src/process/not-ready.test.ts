import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRelease, buildReleaseState } from '@minirelease/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeSnapshot } from '../embedded/snapshot-codec.js';
import { type RunningResolver, startResolverServer } from './resolver-server.js';
import { SNAPSHOT_FILE } from './snapshot-file.js';

const published: AppRelease = {
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 3,
  live: { version: '1.0.0', sha256: 'a'.repeat(64), size: 10 },
  gray: null,
  experience: null,
  insiders: [],
};
const snapshotBytes = () => Buffer.concat([...encodeSnapshot(buildReleaseState(5, [published]))]);

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** A real upstream serving the binary snapshot (after `delayMs`) and an SSE stream that stays open. */
function upstream(port = 0, delayMs = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/v1/stream/snapshot') {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(snapshotBytes());
      }, delayMs);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': hello\n\n');
  });
  cleanup.push(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return new Promise((r) =>
    server.listen(port, '127.0.0.1', () =>
      r({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** A port nothing listens on yet: taken from the OS, then released. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function resolver(upstreamUrl: string, dataDir?: string): Promise<RunningResolver> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'minirelease-not-ready-')));
  const running = await startResolverServer({
    upstream: upstreamUrl,
    dataDir: dir,
    port: 0,
    stream: { backoff: { initialMs: 20, maxMs: 50 } },
  });
  cleanup.push(async () => {
    await running.close();
    await rm(dir, { recursive: true, force: true });
  });
  return running;
}

const ask = async (base: string) => {
  const resolve = await fetch(`${base}/v1/resolve?app=qinghe-books&user=u1`);
  const batch = await fetch(`${base}/v1/resolve/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ app: 'qinghe-books', user: 'u1' }]),
  });
  const search = await fetch(`${base}/v1/search?user=u1&q=qinghe`);
  return Promise.all(
    [resolve, batch, search].map(async (r) => ({
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      body: (await r.json()) as { error?: { code: string } },
    })),
  );
};

describe('a resolver without a snapshot', () => {
  it('answers 503 RESOLVER_NOT_READY to resolve, batch and search with an empty data dir and the API down, 200 once loaded', async () => {
    const port = await freePort();
    const { url } = await resolver(`http://127.0.0.1:${port}`);
    for (const answer of await ask(url)) {
      expect(answer).toMatchObject({
        status: 503,
        retryAfter: '1',
        body: { error: { code: 'RESOLVER_NOT_READY' } },
      });
    }
    await upstream(port);
    await vi.waitFor(async () => expect((await ask(url)).map((a) => a.status)).toEqual([200, 200, 200]), {
      timeout: 5000,
    });
  });

  it('treats a truncated snapshot file as no snapshot: 503, never an empty state that answers 404', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minirelease-not-ready-'));
    const whole = snapshotBytes();
    await writeFile(join(dir, SNAPSHOT_FILE), whole.subarray(0, Math.floor(whole.length / 2)));
    const { url, server } = await resolver(`http://127.0.0.1:${await freePort()}`, dir);
    expect(server.ready).toBe(false);
    expect((await ask(url)).map((a) => a.status)).toEqual([503, 503, 503]);
  });

  it('gives no 404 under load during a cold join with the API up', async () => {
    const { url: api } = await upstream(0, 300);
    const { url } = await resolver(api);
    const statuses = new Map<number, number>();
    let ok = 0;
    while (ok < 50) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${url}/v1/resolve?app=qinghe-books&user=u1`)),
      );
      for (const r of answers) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) ok++;
        await r.arrayBuffer();
      }
    }
    expect(statuses.get(404) ?? 0).toBe(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
  });
});
