import { connect } from 'node:net';
import type { AppRelease, Change } from '@minirelease/core';
import { decodeSnapshot, toSnapshot } from '@minirelease/resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { openStream } from '../testing/sse-reader.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const sources = (s: TestServer) => [...s.resolver.snapshot.apps.values()].map((a) => a.source);

describe.each(TEST_DIALECTS)('GET /v1/stream on %s', (dialect) => {
  let s: TestServer;
  let base: string;
  let token: string;
  let steps: ReturnType<typeof publishSteps>;
  beforeAll(async () => {
    s = await startTestServer(dialect, { stream: { heartbeatMs: 50 } });
    base = await s.listen();
    token = await s.tokenFor('resolver-1', ['resolver']);
    steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
  });
  afterAll(() => s.close());

  it('opens with a snapshot of every app at the current seq, then sends each change in seq order', async () => {
    const seq = s.resolver.snapshot.seq;
    const stream = await openStream(base, token);
    expect(stream.status).toBe(200);
    const first = await stream.next();
    expect(first).toMatchObject({ event: 'snapshot', id: String(seq) });
    expect(JSON.parse(first.data)).toEqual({ seq, apps: sources(s) });

    await steps.approve('1.0.0');
    await steps.gray('1.0.0', 10);
    const changes = (await stream.take(3)).map((m) => ({ ...m, change: JSON.parse(m.data) as Change }));
    expect(changes.map((m) => [m.event, m.id, m.change.seq, m.change.type])).toEqual([
      ['change', String(seq + 1), seq + 1, 'submit'],
      ['change', String(seq + 2), seq + 2, 'review'],
      ['change', String(seq + 3), seq + 3, 'gray'],
    ]);
    // A gray step carries no insiders (docs/adr/0008); the follower keeps the ones it has.
    const { insiders, ...rest } = s.resolver.snapshot.apps.get('qinghe-books')!.source;
    expect(changes[2]!.change.app).toEqual(rest);
    expect(insiders).toEqual(['admin']);
    expect(changes[2]!.change.app?.gray).toMatchObject({ version: '1.0.0', basisPoints: 1000 });
    stream.close();
  });

  it('keeps a quiet stream alive with `: hb` comment lines', async () => {
    const stream = await openStream(base, token, { query: `?after=${s.resolver.snapshot.seq}` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.comments.filter((c) => c === 'hb').length).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it('resumes with Last-Event-ID with exactly the missed changes, the header winning over ?after', async () => {
    const from = s.resolver.snapshot.seq;
    await steps.experiencers(['tester-1']);
    await steps.gray('1.0.0', 20);
    await steps.experiencers(['tester-1', 'tester-2']);
    const stream = await openStream(base, token, {
      query: '?after=1&follow=false',
      headers: { 'last-event-id': String(from) },
    });
    await stream.ended;
    const got = await stream.take(3);
    expect(got.map((m) => [m.event, Number(m.id)])).toEqual([
      ['change', from + 1],
      ['change', from + 2],
      ['change', from + 3],
    ]);
    expect(got.map((m) => (JSON.parse(m.data) as Change).type)).toEqual([
      'experiencers',
      'gray',
      'experiencers',
    ]);
    await expect(stream.next(100)).rejects.toThrow('no event');
  });

  it('answers a seq this log never reached with a fresh snapshot', async () => {
    const stream = await openStream(base, token, { query: '?after=999999&follow=false' });
    await stream.ended;
    const only = await stream.next();
    expect(only.event).toBe('snapshot');
    expect(JSON.parse(only.data).seq).toBe(s.resolver.snapshot.seq);
  });

  it('is described in /openapi.json as a text/event-stream for resolvers', async () => {
    const doc = (await s.call('GET', '/openapi.json', { token: null })).json();
    const get = doc.paths['/v1/stream'].get;
    expect(Object.keys(get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(['after', 'follow', 'last-event-id']);
    expect(get.description).toContain('event: snapshot');
  });

  it('refuses a Last-Event-ID that is not a seq with 400 VALIDATION_FAILED', async () => {
    const r = await s.call('GET', '/v1/stream', { token, headers: { 'last-event-id': 'abc' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'headers.last-event-id' },
    });
  });

  it('joins subscribers racing with writes without a gap or a duplicate', async () => {
    const start = s.resolver.snapshot.seq;
    const writes = (async () => {
      for (let i = 0; i < 40; i++) await steps.experiencers([`racer-${i}`]);
    })();
    const streams = [];
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, i * 3));
      const after = start + Math.floor(i / 2);
      streams.push({ after, stream: await openStream(base, token, { query: `?after=${after}` }) });
    }
    await writes;
    const end = s.resolver.snapshot.seq;
    expect(end).toBe(start + 40);
    for (const { after, stream } of streams) {
      const seqs = (await stream.take(end - after)).map((m) => Number(m.id));
      expect(seqs).toEqual(Array.from({ length: end - after }, (_, k) => after + 1 + k));
      await expect(stream.next(100)).rejects.toThrow('no event');
      stream.close();
    }
  });
});

describe('GET /v1/stream with a slow consumer and at shutdown', () => {
  let s: TestServer;
  let base: string;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { stream: { maxBufferedBytes: 64 * 1024 } });
    base = await s.listen();
    token = await s.tokenFor('resolver-1', ['resolver']);
    await publishSteps(s).create();
  });
  afterAll(() => s.close());

  it('drops a subscriber that does not read once its backlog passes the limit', async () => {
    // A raw socket that sends the request and then never reads a byte.
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(`GET /v1/stream?after=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    socket.pause();
    const closed = new Promise((resolve) => socket.on('close', resolve));
    while (s.streams.size === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // ~6 KB per change (50 long experiencer ids); the kernel's buffers fill first, then ours.
    const ids = (i: number) => Array.from({ length: 50 }, (_, k) => `${'x'.repeat(100)}-${i}-${k}`);
    let writes = 0;
    while (s.streams.size > 0 && writes < 2000) {
      await s.services.apps.setExperiencers('admin', 'qinghe-books', ids(writes++));
      // SQLite answers synchronously: let the event loop run its socket callbacks.
      await new Promise(setImmediate);
    }
    expect(s.streams.size).toBe(0);
    socket.resume();
    await closed;
  });

  it('ends every open stream when the server closes', async () => {
    const stream = await openStream(base, token, { query: `?after=${s.resolver.snapshot.seq}` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.streams.size).toBe(1);
    await s.app.close();
    await stream.ended;
    expect(s.streams.size).toBe(0);
  });
});

describe('GET /v1/stream of a state larger than one event', () => {
  let s: TestServer;
  let base: string;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer('sqlite', { stream: { snapshotPartApps: 2 } });
    base = await s.listen();
    token = await s.tokenFor('resolver-1', ['resolver']);
    for (const n of [1, 2, 3, 4, 5]) {
      const r = await s.call('POST', '/v1/apps', {
        body: { appId: `app-${n}`, name: `青禾读书${n}号`, brand: '青禾', category: '图书' },
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(() => s.close());

  it('sends it in parts without an id, then the snapshot with the last apps and the id', async () => {
    const seq = s.resolver.snapshot.seq;
    const stream = await openStream(base, token, { query: '?follow=false' });
    await stream.ended;
    const events = await stream.take(3);
    expect(events.map((e) => [e.event, e.id])).toEqual([
      ['snapshot-part', undefined],
      ['snapshot-part', undefined],
      ['snapshot', String(seq)],
    ]);
    const bodies = events.map((e) => JSON.parse(e.data) as { seq: number; apps: AppRelease[] });
    expect(bodies.map((b) => [b.seq, b.apps.length])).toEqual([
      [seq, 2],
      [seq, 2],
      [seq, 1],
    ]);
    const sent = bodies.flatMap((b) => b.apps);
    expect(sent.map((a) => a.appId).sort()).toEqual(['app-1', 'app-2', 'app-3', 'app-4', 'app-5']);
    expect(new Set(sent)).toEqual(new Set(sources(s)));
  });

  it('sends the same state as one binary snapshot, its seq in a header, to the resolver role only', async () => {
    const seq = s.resolver.snapshot.seq;
    const res = await fetch(`${base}/v1/stream/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-minirelease-seq')).toBe(String(seq));
    const decoded = decodeSnapshot(Buffer.from(await res.arrayBuffer()));
    expect(toSnapshot(decoded)).toEqual(toSnapshot(s.resolver.snapshot));

    expect((await fetch(`${base}/v1/stream/snapshot`)).status).toBe(401);
    const developer = await s.tokenFor('dev-1', []);
    const refused = await fetch(`${base}/v1/stream/snapshot`, {
      headers: { authorization: `Bearer ${developer}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
