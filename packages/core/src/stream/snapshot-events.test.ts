import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppRelease } from '../wire/stream.js';
import { snapshotEvents } from './snapshot-events.js';
import { SseParser } from './sse-parser.js';

const app = (i: number): AppRelease => ({
  appId: `app-${i}`,
  name: `青禾读书${i}`,
  brand: '青禾',
  visibility: 'online',
  revision: i,
  live: null,
  gray: null,
  experience: null,
  insiders: [`张三${i}`],
});

describe('snapshotEvents', () => {
  it('is one snapshot event with the id when the apps fit in one part', () => {
    expect([...snapshotEvents(4, [app(1), app(2)], 2)]).toEqual([
      `event: snapshot\nid: 4\ndata: ${JSON.stringify({ seq: 4, apps: [app(1), app(2)] })}\n\n`,
    ]);
    expect([...snapshotEvents(0, [])]).toEqual(['event: snapshot\nid: 0\ndata: {"seq":0,"apps":[]}\n\n']);
  });

  it('parses back to every app in order: full parts without an id, the snapshot last with it', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.integer({ min: 1, max: 7 }), fc.nat(1e6), (count, partApps, seq) => {
        const apps = Array.from({ length: count }, (_, i) => app(i));
        const got: Array<{ event: string; id: string | undefined; apps: AppRelease[] }> = [];
        const parser = new SseParser((m) => got.push({ ...m, apps: JSON.parse(m.data).apps }));
        for (const text of snapshotEvents(seq, apps, partApps)) parser.push(text);
        expect(got.flatMap((e) => e.apps)).toEqual(apps);
        expect(got.at(-1)).toMatchObject({ event: 'snapshot', id: String(seq) });
        for (const e of got.slice(0, -1)) {
          expect(e).toMatchObject({ event: 'snapshot-part', id: undefined });
          expect(e.apps).toHaveLength(partApps);
        }
        expect(got.at(-1)!.apps.length).toBeLessThanOrEqual(partApps);
        expect(got).toHaveLength(Math.max(1, Math.ceil(count / partApps)));
      }),
    );
  });
});
