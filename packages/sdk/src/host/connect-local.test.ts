import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppRelease } from '@minirelease/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLocal, type LocalConnection } from './connect-local.js';
import { parseHostDocument } from './host-document.js';
import { memoryStore } from './host-store.js';

const app = (over: Partial<AppRelease> = {}): AppRelease => ({
  appId: 'qinghe-books',
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 1,
  live: { version: '1.3.0', sha256: 'sha-1.3.0', size: 1 },
  gray: null,
  experience: null,
  insiders: [],
  ...over,
});

const sse = (event: string, seq: number, body: object) =>
  `event: ${event}\ndata: ${JSON.stringify({ seq, ...body })}\nid: ${seq}\n\n`;

/** A stand-in for `/v1/stream`: each connection is handed to the test, which writes what it likes. */
async function streamServer(onConnect: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer((req, res) => onConnect(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { url, close };
}

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

describe('connectLocal', () => {
  it('answers from the snapshot, follows changes, and resumes after a drop from the last seq', async () => {
    const seen: IncomingMessage[] = [];
    let current: ServerResponse | undefined;
    const server = await streamServer((req, res) => {
      seen.push(req);
      current = res;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (seen.length === 1) {
        // The snapshot cut in two writes, mid-JSON.
        const first = sse('snapshot', 3, { apps: [app()] });
        res.write(first.slice(0, 20));
        setTimeout(() => res.write(first.slice(20)), 10);
      }
    });
    cleanup.push(server.close);
    const conn: LocalConnection = await connectLocal({
      baseUrl: server.url,
      token: 'res-token',
      reconnectMs: 20,
    });
    cleanup.push(() => conn.close());
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({ ok: true, version: '1.3.0' });
    expect(seen[0]!.headers.authorization).toBe('Bearer res-token');
    expect(seen[0]!.url).toBe('/v1/stream');

    current!.write(
      sse('change', 4, { appId: 'qinghe-books', type: 'offline', app: app({ visibility: 'offline' }) }),
    );
    await vi.waitFor(() => expect(conn.resolver.seq).toBe(4));
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({ ok: false, code: 'APP_OFFLINE' });

    current!.destroy(); // the stream drops; the last state keeps answering
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({ code: 'APP_OFFLINE' });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.headers['last-event-id']).toBe('4');
    expect(seen[1]!.url).toBe('/v1/stream?after=4');
    current!.write(sse('change', 5, { appId: 'qinghe-books', type: 'online', app: app() }));
    await vi.waitFor(() => expect(conn.resolver.seq).toBe(5));
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({ ok: true });
  });

  it('puts a snapshot sent in parts together, and drops the parts of a stream cut before its snapshot', async () => {
    const part = (seq: number, apps: AppRelease[]) =>
      `event: snapshot-part\ndata: ${JSON.stringify({ seq, apps })}\n\n`;
    const books = (appId: string) => app({ appId });
    let connections = 0;
    let current: ServerResponse | undefined;
    const server = await streamServer((_req, res) => {
      connections++;
      current = res;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (connections === 1) {
        res.write(part(3, [books('a-1'), books('a-2')]) + part(3, [books('a-3')]));
        res.write(sse('snapshot', 3, { apps: [books('a-4')] }));
      } else if (connections === 2) {
        // The server's log was replaced: a new snapshot, cut off after its first part.
        res.write(part(9, [books('b-1')]));
        setTimeout(() => res.destroy(), 10);
      } else {
        res.write(sse('snapshot', 9, { apps: [books('c-1')] }));
      }
    });
    cleanup.push(server.close);
    const conn = await connectLocal({ baseUrl: server.url, token: 't', reconnectMs: 20 });
    cleanup.push(() => conn.close());
    expect(conn.resolver.seq).toBe(3);
    for (const id of ['a-1', 'a-2', 'a-3', 'a-4']) {
      expect(conn.resolver.resolve(id, 'u1')).toMatchObject({ ok: true, appId: id });
    }

    current!.end();
    await vi.waitFor(() => expect(conn.resolver.seq).toBe(9));
    expect(connections).toBe(3);
    expect(conn.resolver.resolve('c-1', 'u1')).toMatchObject({ ok: true });
    expect(conn.resolver.resolve('b-1', 'u1')).toMatchObject({ ok: false, code: 'APP_NOT_FOUND' });
    expect(conn.resolver.resolve('a-1', 'u1')).toMatchObject({ ok: false, code: 'APP_NOT_FOUND' });
  });

  it('rejects when the first connection is refused by the server or cannot be made', async () => {
    const server = await streamServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'needs the resolver role' } }));
    });
    await expect(connectLocal({ baseUrl: server.url, token: 't' })).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    await server.close();
    await expect(connectLocal({ baseUrl: server.url, token: 't' })).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
  });

  it('rejects when the stream ends before its snapshot', async () => {
    const server = await streamServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(': nothing here\n\n');
    });
    cleanup.push(server.close);
    await expect(connectLocal({ baseUrl: server.url, token: 't' })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });
});

describe('connectLocal: kept state and bootstrap', () => {
  const kept = (seq: number, version: string) =>
    memoryStore(
      JSON.stringify({ format: 1, answers: [], state: { seq, apps: [app({ live: ref(version) })] } }),
    );
  const ref = (version: string) => ({ version, sha256: `sha-${version}`, size: 1 });

  it('keeps the streamed state in the store: the snapshot at once, a change within persistMs', async () => {
    let current: ServerResponse | undefined;
    const server = await streamServer((_req, res) => {
      current = res;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse('snapshot', 3, { apps: [app()] }));
    });
    cleanup.push(server.close);
    const store = memoryStore();
    const conn = await connectLocal({ baseUrl: server.url, token: 't', store, persistMs: 10 });
    cleanup.push(() => conn.close());
    await vi.waitFor(() => expect(parseHostDocument(store.text).state?.seq).toBe(3));
    current!.write(sse('change', 4, { appId: 'qinghe-books', type: 'x', app: app({ live: ref('1.4.0') }) }));
    await vi.waitFor(() =>
      expect(parseHostDocument(store.text).state).toEqual({ seq: 4, apps: [app({ live: ref('1.4.0') })] }),
    );
  });

  it('starts from the kept state while the stream is down, then resumes after its seq', async () => {
    const seen: IncomingMessage[] = [];
    const server = await streamServer((req, res) => {
      seen.push(req);
      if (seen.length === 1) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse('change', 8, { appId: 'qinghe-books', type: 'x', app: app({ live: ref('1.5.0') }) }));
    });
    cleanup.push(server.close);
    const errors: unknown[] = [];
    const conn = await connectLocal({
      baseUrl: server.url,
      token: 't',
      store: kept(7, '1.4.0'),
      reconnectMs: 20,
      onError: (e) => errors.push(e),
    });
    cleanup.push(() => conn.close());
    expect(conn.live).toBe(false);
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({
      version: '1.4.0',
      packageUrl: `${server.url}/v1/packages/sha-1.4.0`,
    });
    expect(errors).toMatchObject([{ status: 503 }]);
    await vi.waitFor(() => expect(conn.resolver.seq).toBe(8));
    expect(conn.live).toBe(true);
    expect(seen[1]!.url).toBe('/v1/stream?after=7');
  });

  it('starts from a bootstrap newer than the kept state, and asks the stream for a whole snapshot', async () => {
    const seen: IncomingMessage[] = [];
    const server = await streamServer((req, res) => {
      seen.push(req);
      res.writeHead(503).end();
    });
    cleanup.push(server.close);
    const bootstrap = { seq: 9, apps: [app({ live: ref('1.6.0') })] };
    const conn = await connectLocal({ baseUrl: server.url, token: 't', store: kept(7, '1.4.0'), bootstrap });
    cleanup.push(() => conn.close());
    expect(conn.resolver.resolve('qinghe-books', 'u1')).toMatchObject({ version: '1.6.0' });
    expect(seen[0]!.url).toBe('/v1/stream');
  });

  it('still rejects a refusal (403) with a kept state: a revoked token is not an outage', async () => {
    const server = await streamServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'needs the resolver role' } }));
    });
    cleanup.push(server.close);
    await expect(
      connectLocal({ baseUrl: server.url, token: 't', store: kept(7, '1.4.0') }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});
