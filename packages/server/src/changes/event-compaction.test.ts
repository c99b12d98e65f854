import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { openStream } from '../testing/sse-reader.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { eventLog } from './event-log.js';

const APP = 'qinghe-books';

/** Growth (issue 10, defect 11): the events table was never compacted. */
describe.each(TEST_DIALECTS)('compacting the event log on %s', (dialect) => {
  let s: TestServer;
  let base: string;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer(dialect, { stream: { keepEvents: 100 }, eventPollMs: 20 });
    base = await s.listen();
    await publishSteps(s).create();
    token = await s.tokenFor('resolver-c', ['resolver']);
  });
  afterAll(() => s.close());

  const rows = async () =>
    Number(
      (
        await s.services.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('leaves 10,000 changes bounded once every reader has read them; a reader from before gets a snapshot', async () => {
    const payload = JSON.stringify(s.resolver.snapshot.apps.get(APP)!.source);
    let last = 0;
    await s.services.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 10_000; i++) {
        last = await eventLog.append(tx, {
          appId: APP,
          type: 'update',
          payload,
          at: new Date().toISOString(),
        });
      }
    });
    while (s.resolver.snapshot.seq < last) await new Promise((r) => setTimeout(r, 20));
    expect(await rows()).toBeGreaterThan(10_000);

    await s.streams.compact();
    expect(await rows()).toBeLessThanOrEqual(100);

    const fromCompacted = await openStream(base, token, { query: '?after=5&follow=false' });
    const first = await fromCompacted.next();
    expect(first.event).toBe('snapshot');
    expect(first.id).toBe(String(last));

    const fromKept = await openStream(base, token, { query: `?after=${last - 50}&follow=false` });
    const replayed = await fromKept.take(50);
    expect(replayed.map((m) => m.event)).toEqual(Array(50).fill('change'));
    expect(Number(replayed[0]!.id)).toBe(last - 49);
  });

  it('keeps what a live reader has not been sent yet', async () => {
    const stream = await openStream(base, token);
    expect((await stream.next()).event).toBe('snapshot');
    expect(s.streams.size).toBe(1);
    await s.streams.compact();
    // Nothing this reader lacks was deleted: the newest 100 behind its position stay.
    expect(await rows()).toBeGreaterThan(0);
    expect(await eventLog.oldestSeq(s.services.db)).toBeLessThanOrEqual(s.resolver.snapshot.seq - 99);
    stream.close();
  });
});
