import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualTimers } from '../testing/manual-timers.js';
import { type Scripted, scriptedFetch } from '../testing/scripted-fetch.js';
import { createEventReporter } from './event-reporter.js';
import { backoffDelay } from './event-sender.js';

const answer = {
  ok: true,
  appId: 'a',
  version: '1.0.0',
  channel: 'stable',
  packageUrl: '/p',
  sha256: 's',
  size: 1,
  stale: false,
} as const;

/** What the network does to one post: answers, loses the 202 after counting, fails, or refuses. */
const FATES = ['ok', 'lost', 'throws', '500', '400'] as const;
type Fate = (typeof FATES)[number];

describe('event reporter: laws', () => {
  it('every reported event is accounted once (sent, rejected or dropped); the server never counts one twice; a key always carries the same body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...FATES), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 20 }),
        async (fates, reports, batchSize, maxQueue) => {
          const timers = manualTimers(0);
          const bodies = new Map<string, string>();
          const counted: string[] = [];
          let conflicts = 0;
          const { fetch } = scriptedFetch((call, n): Scripted => {
            const fate: Fate = fates[(n - 1) % fates.length] ?? 'ok';
            const seen = bodies.get(call.key);
            if (seen !== undefined && seen !== call.body) {
              conflicts++;
              return { status: 409 };
            }
            const replay = seen !== undefined;
            if (fate === 'throws') return { throws: new TypeError('fetch failed') };
            if (fate === '500') return { status: 500 };
            if (fate === '400') return { status: 400 };
            // The server's side: the batch id claimed with its events, a replay counting nothing.
            if (!replay) {
              bodies.set(call.key, call.body);
              counted.push(...call.events.map((e) => e.user as string));
            }
            if (fate === 'lost') return { throws: new TypeError('socket hang up') };
            return { status: 202, json: { accepted: call.events.length, rejected: [] } };
          });
          const reporter = createEventReporter({
            baseUrl: 'http://h',
            hostKey: 'hk_x',
            answerFor: () => answer,
            fetch,
            batchSize,
            maxQueue,
            retry: { baseMs: 10, maxMs: 100, maxAttempts: 3 },
            now: timers.now,
            random: () => 0.5,
            setTimeout: timers.setTimeout,
            clearTimeout: timers.clearTimeout,
          });
          for (let i = 0; i < reports; i++) reporter.launch('a', `u${i}`);
          const done = reporter.flush();
          await timers.advance(10_000);
          await done;
          const s = reporter.stats();
          const dropped = Object.values(s.dropped).reduce((a, b) => a + b, 0);
          const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
          expect(s.sent + rejected + dropped).toBe(reports);
          expect(s.queued).toBe(0);
          expect(conflicts).toBe(0);
          expect(new Set(counted).size).toBe(counted.length);
          // What the reporter calls sent, the server counted; a lost 202 may count more than it knows.
          expect(counted.length).toBeGreaterThanOrEqual(s.sent);
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });

  it('a backoff wait grows with the attempt, never beyond maxMs, and within half a step of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (baseMs, maxMs, attempt, r) => {
          const o = { baseMs, maxMs };
          const step = Math.min(maxMs, baseMs * 2 ** attempt);
          const d = backoffDelay(attempt, o, () => r);
          expect(d).toBeGreaterThanOrEqual(step / 2);
          expect(d).toBeLessThanOrEqual(Math.min(step, maxMs));
          // The least of the next wait is at least the least of this one.
          expect(backoffDelay(attempt + 1, o, () => 0)).toBeGreaterThanOrEqual(
            backoffDelay(attempt, o, () => 0),
          );
        },
      ),
      { seed: 14 },
    );
  });
});
