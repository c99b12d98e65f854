import { createHostClient, type HostClient } from '@minirelease/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const USERS = Array.from({ length: 120 }, (_, i) => `读者-${i}`);

/**
 * The SDK's event reporter against a real server on a loopback port (issue 14): what a host reports lands as
 * counts in `/health` under the channel each user was answered, and a batch re-sent because its 202 was lost
 * is counted once.
 */
describe('host events from the SDK into a real server', () => {
  let s: TestServer;
  let baseUrl: string;
  let hostKey: string;

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const steps = publishSteps(s);
    await steps.liveAndApproved();
    await steps.gray('1.1.0', 30);
    hostKey = (await s.call('POST', '/v1/host-keys', { body: { name: 'super-app' } })).json().key;
    baseUrl = await s.listen();
  }, 60_000);
  afterAll(() => s?.close());

  const health = async () => {
    const r = await s.call('GET', `/v1/apps/${APP}/versions/1.1.0/health?window=1h`);
    const { gray, stable } = r.json().signals.errorRate;
    return { gray: [gray.launches, gray.events], stable: [stable.launches, stable.events] };
  };

  /** Every user resolved and launched; every third reports an error. Answers what each channel reported. */
  async function traffic(client: HostClient) {
    const sent = { gray: [0, 0], stable: [0, 0] };
    for (const [i, user] of USERS.entries()) {
      const answer = await client.resolve(APP, user);
      if (!answer.ok || (answer.channel !== 'gray' && answer.channel !== 'stable'))
        throw new Error('no answer');
      const side = sent[answer.channel] as number[];
      expect(client.events.launch(APP, user)).toBe(true);
      side[0] = (side[0] ?? 0) + 1;
      if (i % 3 === 0) {
        client.events.error(APP, user, { message: 'TypeError', page: 'pages/index' });
        side[1] = (side[1] ?? 0) + 1;
      }
    }
    await client.flush();
    return sent;
  }

  it("lands a reporter's batches as counts in /health, gray and stable as the resolver split them", async () => {
    const client = createHostClient({ baseUrl, events: { hostKey, batchSize: 50 } });
    const sent = await traffic(client);
    // 30 % gray: both sides have users, so a mix-up of channels would show.
    expect(sent.gray[0]).toBeGreaterThan(10);
    expect(sent.stable[0]).toBeGreaterThan(10);
    expect(await health()).toEqual(sent);
    expect(client.events.stats()).toMatchObject({ sent: USERS.length + 40, retries: 0, queued: 0 });
    await client.close();
  });

  it('counts a batch re-sent after its 202 was lost once, under the same Idempotency-Key', async () => {
    const before = await health();
    const keys: string[] = [];
    let lost = 0;
    // The network loses the first answer after the server has counted the batch.
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).endsWith('/v1/events')) {
        keys.push(((init?.headers ?? {}) as Record<string, string>)['idempotency-key'] as string);
        if (lost++ === 0) throw new TypeError('socket hang up');
      }
      return res;
    };
    const client = createHostClient({
      baseUrl,
      fetch: lossy,
      events: { hostKey, batchSize: 1_000, retry: { baseMs: 10, maxMs: 20 } },
    });
    const sent = await traffic(client);
    const after = await health();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const plus = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] ?? 0));
    expect(after).toEqual({ gray: plus(before.gray, sent.gray), stable: plus(before.stable, sent.stable) });
    expect(client.events.stats()).toMatchObject({ sent: USERS.length + 40, retries: 1, batches: 1 });
    await client.close();
  });
});
