import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventMinuteRow } from '../storage/event-minute-store.js';
import { bucketMinutesFor, healthSeries, MAX_SERIES_POINTS } from './health-series.js';

const M = 60_000;
const T0 = Date.parse('2026-12-03T08:00:00.000Z');

function row(channel: 'gray' | 'stable', minute: number, launches: number, errors = 0): EventMinuteRow {
  return {
    app_id: 'qinghe-books',
    version: channel === 'gray' ? '1.1.0' : '1.0.0',
    channel,
    minute,
    launches,
    errors,
    crashes: 0,
    feedback: 0,
    users: '',
  };
}

describe('bucketMinutesFor', () => {
  it('keeps minutes for three hours, then widens to clock-aligned buckets', () => {
    expect([10, 180, 181, 360, 1440, 30 * 1440].map((n) => bucketMinutesFor(T0, T0 + n * M))).toEqual([
      1, 1, 2, 2, 10, 360,
    ]);
  });

  it('counts the bucket the first minute falls into from its aligned start', () => {
    // 1,800 minutes are 180 buckets of 10 from 08:00, but 181 from 07:50 when the data starts at 07:55.
    expect(bucketMinutesFor(T0, T0 + 1800 * M)).toBe(10);
    expect(bucketMinutesFor(T0 - 5 * M, T0 + 1795 * M)).toBe(15);
  });
});

describe('healthSeries', () => {
  it('has no points without data', () => {
    expect(healthSeries([], [], T0)).toEqual({ bucketMinutes: 1, points: [] });
  });

  it('runs minute by minute from the first minute with data to now, zeros where nothing came', () => {
    const s = healthSeries(
      [row('gray', T0, 10, 2), row('gray', T0 + 2 * M, 5)],
      [row('stable', T0 + M, 100, 1)],
      T0 + 4 * M,
    );
    expect(s.bucketMinutes).toBe(1);
    expect(
      s.points.map((p) => [p.minute.slice(11, 16), p.gray.launches, p.gray.errors, p.stable.launches]),
    ).toEqual([
      ['08:00', 10, 2, 0],
      ['08:01', 0, 0, 100],
      ['08:02', 5, 0, 0],
      ['08:03', 0, 0, 0],
    ]);
  });

  it('adds up the stable rows of several versions in one minute', () => {
    const other = { ...row('stable', T0, 7), version: '0.9.0' };
    const s = healthSeries([], [row('stable', T0, 3), other], T0 + M);
    expect(s.points[0]?.stable.launches).toBe(10);
  });

  it('puts a day of minutes into 10-minute buckets aligned to the clock', () => {
    const first = T0 + 7 * M;
    const s = healthSeries([row('gray', first, 1), row('gray', first + 2 * M, 1)], [], first + 1440 * M);
    expect(s.bucketMinutes).toBe(10);
    expect(s.points[0]).toMatchObject({ minute: '2026-12-03T08:00:00.000Z', gray: { launches: 2 } });
    expect(s.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
  });

  it('loses and invents no count, and never exceeds the cap, however the minutes fall', () => {
    const minutes = fc.array(
      fc.record({
        gray: fc.boolean(),
        minute: fc.integer({ min: 0, max: 30 * 1440 - 1 }),
        launches: fc.integer({ min: 0, max: 1000 }),
        errors: fc.integer({ min: 0, max: 50 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(minutes, (rs) => {
        const rows = rs.map((r) => row(r.gray ? 'gray' : 'stable', T0 + r.minute * M, r.launches, r.errors));
        const s = healthSeries(
          rows.filter((r) => r.channel === 'gray'),
          rows.filter((r) => r.channel === 'stable'),
          T0 + 30 * 1440 * M,
        );
        const sum = (f: (r: EventMinuteRow) => number) => rows.reduce((a, r) => a + f(r), 0);
        const got = (side: 'gray' | 'stable') =>
          s.points.reduce((a, p) => a + p[side].launches + p[side].errors, 0);
        expect(got('gray')).toBe(sum((r) => (r.channel === 'gray' ? r.launches + r.errors : 0)));
        expect(got('stable')).toBe(sum((r) => (r.channel === 'stable' ? r.launches + r.errors : 0)));
        expect(s.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
      }),
    );
  });
});
