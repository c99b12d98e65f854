import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppRelease, Change } from '../wire/stream.js';
import { snapshotEvents } from './snapshot-events.js';
import { type SseMessage, SseParser } from './sse-parser.js';
import { createStreamReader, StreamFormatError } from './stream-reader.js';

const app = (i: number): AppRelease => ({
  appId: `app-${i}`,
  name: `青禾读书${i}`,
  brand: '青禾',
  visibility: 'online',
  revision: i,
  live: { version: '1.0.0', sha256: 'a'.repeat(64), size: i },
  gray: null,
  experience: null,
  insiders: [],
});

/** A reader that records what it hands on; gatherings are arrays tagged with their seq. */
function recorder() {
  const snapshots: Array<{ seq: number; apps: AppRelease[] }> = [];
  const changes: Change[] = [];
  const reader = createStreamReader<{ seq: number; apps: AppRelease[] }>({
    startSnapshot: (seq) => ({ seq, apps: [] }),
    addApps: (gathering, apps) => gathering.apps.push(...apps),
    snapshot: (gathering, seq) => snapshots.push({ seq, apps: gathering.apps }),
    change: (change) => changes.push(change),
  });
  const feed = (...texts: string[]) => {
    const messages: SseMessage[] = [];
    const parser = new SseParser((m) => messages.push(m));
    for (const text of texts) parser.push(text);
    for (const m of messages) reader.read(m);
  };
  return { reader, feed, snapshots, changes };
}

describe('createStreamReader', () => {
  it('joins any snapshot sent in parts back to every app in order, once, at its seq', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.integer({ min: 1, max: 6 }), fc.nat(1e6), (count, partApps, seq) => {
        const apps = Array.from({ length: count }, (_, i) => app(i));
        const { feed, snapshots } = recorder();
        feed(...snapshotEvents(seq, apps, partApps));
        expect(snapshots).toEqual([{ seq, apps }]);
      }),
    );
  });

  it('never applies a snapshot cut off in its parts, and starts over on a part of another seq', () => {
    const { reader, feed, snapshots } = recorder();
    const [first] = snapshotEvents(5, [app(1), app(2), app(3)], 1);
    feed(first!);
    reader.reset();
    expect(snapshots).toEqual([]);
    feed(...snapshotEvents(6, [app(7)], 1));
    expect(snapshots).toEqual([{ seq: 6, apps: [app(7)] }]);
    // Parts of seq 8 then a snapshot of seq 9: the 8's apps are not in the 9's.
    const [eight] = snapshotEvents(8, [app(1), app(2)], 1);
    feed(eight!, ...snapshotEvents(9, [app(3)], 1));
    expect(snapshots.at(-1)).toEqual({ seq: 9, apps: [app(3)] });
  });

  it('hands on changes, removal included, and ignores events it does not know', () => {
    const { feed, changes } = recorder();
    feed(
      'event: heartbeat\ndata: {}\n\n',
      `event: change\nid: 3\ndata: ${JSON.stringify({ seq: 3, appId: 'app-1', type: 'publish', app: app(1) })}\n\n`,
      `event: change\nid: 4\ndata: ${JSON.stringify({ seq: 4, appId: 'app-2', type: 'delete', app: null })}\n\n`,
    );
    expect(changes).toEqual([
      { seq: 3, appId: 'app-1', type: 'publish', app: app(1) },
      { seq: 4, appId: 'app-2', type: 'delete', app: null },
    ]);
  });

  it.each([
    ['snapshot', 'not json'],
    ['snapshot', '[]'],
    ['snapshot', '{"apps":[]}'],
    ['snapshot', '{"seq":-1,"apps":[]}'],
    ['snapshot-part', '{"seq":1}'],
    ['change', '{"seq":1,"app":null}'],
    ['change', '{"seq":1.5,"appId":"a","app":null}'],
    ['change', '{"seq":1,"appId":"a","app":"x"}'],
  ])('refuses a malformed %s event (%s)', (event, data) => {
    const { feed } = recorder();
    expect(() => feed(`event: ${event}\ndata: ${data}\n\n`)).toThrow(StreamFormatError);
  });
});
