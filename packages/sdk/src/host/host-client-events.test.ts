import { afterEach, describe, expect, it } from 'vitest';
import { json, type RecordedRequest, type StubServer, startStubServer } from '../testing/stub-server.js';
import { createHostClient, type HostClientOptions } from './host-client.js';

const answerFor = (req: RecordedRequest) => {
  const experience = req.query.get('channel') === 'experience';
  return {
    appId: 'qinghe-books',
    version: experience ? '1.5.0' : '1.4.0',
    channel: experience ? 'experience' : 'gray',
    packageUrl: '/v1/packages/sha',
    sha256: 'sha',
    size: 1,
  };
};

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** A host client on a real loopback server that resolves and counts events like the platform would. */
async function setup(options: Partial<HostClientOptions> = {}) {
  stub = await startStubServer((req) => {
    if (req.path === '/v1/resolve') return json(200, answerFor(req));
    const events = (req.json as { events: unknown[] }).events;
    return json(202, { accepted: events.length, rejected: [] });
  });
  const server = stub;
  const client = createHostClient({
    baseUrl: server.url,
    now: () => Date.parse('2026-12-03T09:00:00Z'),
    events: { hostKey: 'hk_host' },
    ...options,
  });
  const posted = () =>
    server.requests
      .filter((r) => r.path === '/v1/events')
      .flatMap((r) => (r.json as { events: Record<string, unknown>[] }).events);
  return { client, server, posted };
}

describe('host client: events', () => {
  it('counts each event under the version and channel of the last answer resolve gave the user', async () => {
    const { client, server, posted } = await setup();
    await client.resolve('qinghe-books', 'u1');
    client.events.launch('qinghe-books', 'u1');
    await client.resolve('qinghe-books', 'u1', { channel: 'experience' });
    client.events.error('qinghe-books', 'u1', { message: 'boom' });
    await client.flush();
    expect(posted().map((e) => [e.type, e.version, e.channel])).toEqual([
      ['launch', '1.4.0', 'gray'],
      ['error', '1.5.0', 'experience'],
    ]);
    const post = server.requests.find((r) => r.path === '/v1/events');
    expect(post?.headers.authorization).toBe('Bearer hk_host');
    expect(post?.headers['idempotency-key']).toMatch(/.+-1$/);
    expect(client.events.stats()).toMatchObject({ sent: 2, dropped: { NO_ANSWER: 0 } });
  });

  it('drops, and counts, the events of a user it never answered', async () => {
    const { client, posted } = await setup();
    expect(client.events.crash('qinghe-books', 'u2')).toBe(false);
    await client.flush();
    expect(posted()).toEqual([]);
    expect(client.events.stats().dropped.NO_ANSWER).toBe(1);
  });

  it('sends events to events.baseUrl when the resolver is another server', async () => {
    const { server: api } = await setup();
    // The API stub stays open for this test; afterEach closes the resolver's.
    stub = await startStubServer(() =>
      json(200, answerFor({ query: new URLSearchParams() } as RecordedRequest)),
    );
    const resolver = stub;
    const client = createHostClient({
      baseUrl: resolver.url,
      events: { hostKey: 'hk_host', baseUrl: api.url },
    });
    await client.resolve('qinghe-books', 'u1');
    client.events.launch('qinghe-books', 'u1');
    await client.close();
    expect(api.requests.map((r) => r.path)).toEqual(['/v1/events']);
    expect(client.events.launch('qinghe-books', 'u1')).toBe(false);
    await api.close();
  });

  it('reports on, and never throws, when the store cannot be read nor written', async () => {
    const store = {
      get: () => {
        throw new Error('bridge gone');
      },
      set: () => Promise.reject(new Error('disk full')),
    };
    const errors: unknown[] = [];
    const { client, posted } = await setup({ store, onStoreError: (e) => errors.push(e) });
    await client.resolve('qinghe-books', 'u1');
    expect(client.events.launch('qinghe-books', 'u1')).toBe(true);
    await expect(client.flush()).resolves.toBeUndefined();
    expect(posted()).toHaveLength(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});
