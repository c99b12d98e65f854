import { describe, expect, it } from 'vitest';
import { manualTimers } from '../testing/manual-timers.js';
import { acceptAll, type PostedBatch, type Scripted, scriptedFetch } from '../testing/scripted-fetch.js';
import { createEventReporter, type EventDrop, type EventReporterOptions } from './event-reporter.js';
import type { HostResolveResult } from './host-result.js';

const T0 = Date.parse('2026-12-03T09:00:00Z');
const gray = {
  ok: true,
  appId: 'qinghe-books',
  version: '1.3.0',
  channel: 'gray',
  packageUrl: 'https://release.example.com/v1/packages/sha',
  sha256: 'sha',
  size: 1,
  stale: false,
} as const satisfies HostResolveResult;

function setup(
  script: (call: PostedBatch, n: number) => Scripted = acceptAll,
  options: Partial<EventReporterOptions> = {},
) {
  const timers = manualTimers(T0);
  const { fetch, posts } = scriptedFetch(script);
  const drops: EventDrop[] = [];
  const reporter = createEventReporter({
    baseUrl: 'https://release.example.com/',
    hostKey: 'hk_test',
    answerFor: (_app, user) => (user.startsWith('nobody') ? undefined : gray),
    fetch,
    now: timers.now,
    random: () => 0,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    onDrop: (d) => drops.push(d),
    batchSize: 3,
    ...options,
  });
  return { reporter, timers, posts, drops };
}

describe('event reporter: batching', () => {
  it('sends a batch as soon as batchSize events wait, with the answer held for each user', async () => {
    const { reporter, timers, posts } = setup();
    expect(reporter.launch('qinghe-books', 'u1')).toBe(true);
    reporter.error('qinghe-books', 'u2', { message: 'TypeError: x is undefined', page: 'pages/index' });
    expect(posts).toHaveLength(0);
    reporter.crash('qinghe-books', 'u3');
    await timers.advance(0);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.authorization).toBe('Bearer hk_test');
    expect(posts[0]?.events).toEqual([
      { app: 'qinghe-books', version: '1.3.0', channel: 'gray', user: 'u1', type: 'launch', at: T0 },
      {
        app: 'qinghe-books',
        version: '1.3.0',
        channel: 'gray',
        user: 'u2',
        type: 'error',
        at: T0,
        message: 'TypeError: x is undefined',
        page: 'pages/index',
      },
      { app: 'qinghe-books', version: '1.3.0', channel: 'gray', user: 'u3', type: 'crash', at: T0 },
    ]);
    expect(reporter.stats()).toMatchObject({ sent: 3, batches: 1, queued: 0 });
  });

  it('sends fewer events after flushMs, not before', async () => {
    const { reporter, timers, posts } = setup(acceptAll, { flushMs: 5_000 });
    reporter.launch('qinghe-books', 'u1');
    reporter.feedback('qinghe-books', 'u1', { message: '白屏' });
    await timers.advance(4_999);
    expect(posts).toHaveLength(0);
    await timers.advance(1);
    expect(posts.map((p) => p.events.length)).toEqual([2]);
    expect(timers.pending).toBe(0);
  });

  it('cuts batches under maxBatchBytes, counting UTF-8 bytes', async () => {
    const { reporter, posts } = setup(acceptAll, { batchSize: 100, maxBatchBytes: 4_096 });
    for (let i = 0; i < 10; i++) reporter.error('qinghe-books', `u${i}`, { message: '错'.repeat(500) });
    await reporter.flush();
    expect(posts.length).toBeGreaterThan(2);
    for (const p of posts) expect(new TextEncoder().encode(p.body).length).toBeLessThanOrEqual(4_096);
    expect(posts.flatMap((p) => p.events.map((e) => e.user))).toEqual(
      Array.from({ length: 10 }, (_, i) => `u${i}`),
    );
  });

  it('cuts message and page to the server limits, leaves empty ones out', async () => {
    const { reporter, posts } = setup(acceptAll, { batchSize: 1 });
    reporter.error('qinghe-books', 'u1', { message: 'x'.repeat(3_000), page: '' });
    await reporter.flush();
    expect(posts[0]?.events[0]?.message).toBe('x'.repeat(2_000));
    expect(posts[0]?.events[0]).not.toHaveProperty('page');
  });

  it('drops and counts an event of a user with no answer held', async () => {
    const { reporter, posts, drops } = setup();
    expect(reporter.launch('qinghe-books', 'nobody-1')).toBe(false);
    await reporter.flush();
    expect(posts).toHaveLength(0);
    expect(drops).toEqual([{ reason: 'NO_ANSWER', count: 1 }]);
    expect(reporter.stats().dropped.NO_ANSWER).toBe(1);
  });

  it('drops the oldest when the queue is full', async () => {
    const { reporter, posts, drops } = setup(acceptAll, { batchSize: 100, maxQueue: 3 });
    for (let i = 0; i < 5; i++) reporter.launch('qinghe-books', `u${i}`);
    await reporter.flush();
    expect(posts[0]?.events.map((e) => e.user)).toEqual(['u2', 'u3', 'u4']);
    expect(reporter.stats().dropped.QUEUE_FULL).toBe(2);
    expect(drops).toEqual([
      { reason: 'QUEUE_FULL', count: 1 },
      { reason: 'QUEUE_FULL', count: 1 },
    ]);
  });
});

describe('event reporter: retries', () => {
  it('re-sends the same batch with the same Idempotency-Key after failures, then counts it once', async () => {
    const replies: Scripted[] = [
      { throws: new TypeError('fetch failed') },
      { status: 503, json: { error: { code: 'DATABASE_UNAVAILABLE', message: 'down' } } },
      { status: 429, json: { error: { code: 'RATE_LIMITED', message: 'slow down' } } },
      { status: 408 },
    ];
    const { reporter, timers, posts } = setup((call, n) => replies[n - 1] ?? acceptAll(call));
    for (let i = 0; i < 3; i++) reporter.launch('qinghe-books', `u${i}`);
    await timers.advance(0);
    await timers.advance(60_000);
    expect(posts).toHaveLength(5);
    expect(new Set(posts.map((p) => p.key)).size).toBe(1);
    expect(new Set(posts.map((p) => p.body)).size).toBe(1);
    expect(reporter.stats()).toMatchObject({ sent: 3, retries: 4, batches: 1, queued: 0 });
  });

  it('waits longer before each retry, up to maxMs, and honours Retry-After', async () => {
    const { reporter, timers } = setup(
      (_c, n) => (n === 6 ? { status: 503, headers: { 'retry-after': '20' } } : { status: 500 }),
      { batchSize: 1, timeoutMs: 1, retry: { baseMs: 1_000, maxMs: 8_000, maxAttempts: 8 } },
    );
    reporter.launch('qinghe-books', 'u1');
    await timers.advance(120_000);
    // random() = 0: half of each step. The timeouts' own 1 ms timers are left out.
    const waits = timers.requested.filter((ms) => ms !== 1);
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000, 8_000, 4_000]);
    expect(reporter.stats().dropped.RETRIES_EXHAUSTED).toBe(1);
  });

  it('counts a post that never answers within timeoutMs as failed, and re-sends it', async () => {
    const { reporter, timers, posts } = setup((call, n) => (n === 1 ? { hang: true } : acceptAll(call)), {
      batchSize: 1,
      timeoutMs: 10_000,
    });
    reporter.launch('qinghe-books', 'u1');
    await timers.advance(9_999);
    expect(posts).toHaveLength(1);
    await timers.advance(2_000);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.key).toBe(posts[0]?.key);
    expect(reporter.stats().sent).toBe(1);
  });

  it.each([
    [400, 'VALIDATION_FAILED'],
    [401, 'UNAUTHENTICATED'],
    [403, 'HOST_KEY_REQUIRED'],
    [409, 'CONFLICT'],
    [413, 'BODY_TOO_LARGE'],
  ])('drops a batch refused with %i, never re-sent, and says why', async (status, code) => {
    const { reporter, posts, drops } = setup(() => ({ status, json: { error: { code, message: 'no' } } }));
    for (let i = 0; i < 3; i++) reporter.launch('qinghe-books', `u${i}`);
    await reporter.flush();
    expect(posts).toHaveLength(1);
    expect(drops).toEqual([
      { reason: 'REFUSED', count: 3, error: expect.objectContaining({ status, code }) },
    ]);
    expect(reporter.stats()).toMatchObject({ sent: 0, retries: 0, dropped: { REFUSED: 3 } });
  });

  it('counts per-event refusals of a 202 by code, without re-sending', async () => {
    const { reporter, posts } = setup(() => ({
      status: 202,
      json: {
        accepted: 1,
        rejected: [
          { index: 0, code: 'EVENT_OUT_OF_WINDOW' },
          { index: 2, code: 'VERSION_NOT_FOUND' },
        ],
      },
    }));
    for (let i = 0; i < 3; i++) reporter.launch('qinghe-books', `u${i}`);
    await reporter.flush();
    expect(posts).toHaveLength(1);
    expect(reporter.stats()).toMatchObject({
      sent: 1,
      rejected: { EVENT_OUT_OF_WINDOW: 1, VERSION_NOT_FOUND: 1 },
    });
  });
});

describe('event reporter: never in the host’s way', () => {
  it('never throws nor rejects when fetch throws synchronously, answerFor throws or onDrop throws', async () => {
    const { reporter, timers } = setup(() => ({ throws: new Error('no network stack'), sync: true }), {
      batchSize: 1,
      retry: { maxAttempts: 2 },
      answerFor: (_a, user) => {
        if (user === 'boom') throw new Error('host bug');
        return gray;
      },
      onDrop: () => {
        throw new Error('monitoring bug');
      },
    });
    expect(reporter.launch('qinghe-books', 'boom')).toBe(false);
    expect(reporter.launch('qinghe-books', 'u1')).toBe(true);
    const flushed = reporter.flush();
    await timers.advance(60_000);
    await expect(flushed).resolves.toBeUndefined();
    expect(reporter.stats().dropped).toMatchObject({ NO_ANSWER: 1, RETRIES_EXHAUSTED: 1 });
  });

  it('without a host key or fetch, drops every event (CLOSED) and never calls out', async () => {
    const { reporter, posts } = setup(acceptAll, { hostKey: undefined });
    expect(reporter.launch('qinghe-books', 'u1')).toBe(false);
    await reporter.close();
    expect(posts).toHaveLength(0);
    expect(reporter.stats().dropped.CLOSED).toBe(1);
  });

  it('close sends what waits, leaves no timer, and drops what comes after', async () => {
    const { reporter, timers, posts } = setup(acceptAll, { batchSize: 100 });
    reporter.launch('qinghe-books', 'u1');
    await reporter.close();
    expect(posts.map((p) => p.events.length)).toEqual([1]);
    expect(timers.pending).toBe(0);
    expect(reporter.launch('qinghe-books', 'u2')).toBe(false);
    expect(reporter.stats().dropped.CLOSED).toBe(1);
  });
});
