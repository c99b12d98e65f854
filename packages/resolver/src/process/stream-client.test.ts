import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppRelease, buildReleaseState, type ReleaseState } from '@minirelease/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResolverState } from '../embedded/resolver-state.js';
import { encodeSnapshot } from '../embedded/snapshot-codec.js';
import { StreamClient } from './stream-client.js';

const app = (appId: string, revision = 1): AppRelease => ({
  appId,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision,
  live: { version: '1.0.0', sha256: 'a'.repeat(64), size: 1 },
  gray: null,
  experience: null,
  insiders: [],
});
const part = (seq: number, apps: AppRelease[]) =>
  `event: snapshot-part\ndata: ${JSON.stringify({ seq, apps })}\n\n`;
const snapshot = (seq: number, apps: AppRelease[]) =>
  `event: snapshot\nid: ${seq}\ndata: ${JSON.stringify({ seq, apps })}\n\n`;
const change = (seq: number, app: AppRelease) =>
  `event: change\nid: ${seq}\ndata: ${JSON.stringify({ seq, appId: app.appId, type: 'gray', app })}\n\n`;

/**
 * A stand-in upstream: the test writes each stream connection's events; the Last-Event-ID each one sent is kept.
 * `binary` answers `/v1/stream/snapshot` (else 404, as an API without it).
 */
async function upstream(onConnect: (res: ServerResponse, n: number) => void, binary?: ReleaseState) {
  const resumedFrom: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    if (req.url === '/v1/stream/snapshot') {
      if (!binary) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end(Buffer.concat([...encodeSnapshot(binary)]));
    }
    resumedFrom.push(req.headers['last-event-id'] as string | undefined);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    onConnect(res, resumedFrom.length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanup.push(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return { url, resumedFrom };
}

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

const follow = (url: string, state: ResolverState) => {
  const client = new StreamClient({ upstream: url, state, backoff: { initialMs: 10, maxMs: 20 } });
  client.start();
  cleanup.push(() => client.stop());
  return client;
};
const ids = (state: ResolverState) => [...state.snapshot.apps.entries()].map(([id]) => id).sort();

describe('StreamClient', () => {
  it('applies a snapshot sent in parts only once its last event came, then follows changes', async () => {
    let first: ServerResponse | undefined;
    const { url } = await upstream((res) => {
      first = res;
      res.write(part(7, [app('a-1'), app('a-2')]));
    });
    const state = new ResolverState();
    const client = follow(url, state);
    await vi.waitFor(() => expect(client.connected).toBe(true));
    await new Promise((r) => setTimeout(r, 30));
    expect(state.snapshot.seq).toBe(0); // half a snapshot is not a state

    first!.write(part(7, [app('a-3')]) + snapshot(7, [app('a-4')]) + change(8, app('a-2', 2)));
    await vi.waitFor(() => expect(state.snapshot.seq).toBe(8));
    expect(ids(state)).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
    expect(state.snapshot.apps.toRelease('a-2')?.revision).toBe(2);
    expect(client.stats).toMatchObject({ snapshots: 1, changes: 1 });
  });

  it('drops the parts of a connection cut before its snapshot, and asks for a whole one again', async () => {
    const { url, resumedFrom } = await upstream((res, n) => {
      if (n === 1) {
        res.write(part(5, [app('old-1')]));
        setTimeout(() => res.destroy(), 10);
      } else {
        res.write(snapshot(5, [app('new-1')]));
      }
    });
    const state = new ResolverState();
    follow(url, state);
    await vi.waitFor(() => expect(state.snapshot.seq).toBe(5));
    expect(ids(state)).toEqual(['new-1']);
    expect(resumedFrom).toEqual([undefined, undefined]);
  });

  it('joins from the binary snapshot, then follows the stream from its seq', async () => {
    const { url, resumedFrom } = await upstream(
      (res) => res.write(change(12, app('bin-2', 3))),
      buildReleaseState(11, [app('bin-1'), app('bin-2', 2)]),
    );
    const state = new ResolverState();
    const client = follow(url, state);
    await vi.waitFor(() => expect(state.snapshot.seq).toBe(12));
    expect(resumedFrom).toEqual(['11']);
    expect(ids(state)).toEqual(['bin-1', 'bin-2']);
    expect(state.snapshot.apps.toRelease('bin-2')?.revision).toBe(3);
    expect(client.stats).toMatchObject({ connects: 1, snapshots: 1, changes: 1 });
  });
});
