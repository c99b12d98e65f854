import type { HealthCounts, HealthSeries } from '@minirelease/core/wire';
import type { EventMinuteRow } from '../storage/event-minute-store.js';

const MINUTE_MS = 60_000;

/** Bucket widths in minutes, each dividing a day, so buckets line up with the clock (…:00, …:15, 00:00). */
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440] as const;

/** A chart reads 180 points at a glance, and 30 days in 6-hour buckets is 120: the cap is never the limit. */
export const MAX_SERIES_POINTS = 180;

/**
 * The narrowest bucket that keeps `first` to `to` (epoch ms) within `maxPoints` points, counting the bucket
 * that `first` falls into from its aligned start.
 */
export function bucketMinutesFor(first: number, to: number, maxPoints = MAX_SERIES_POINTS): number {
  for (const b of BUCKET_MINUTES) {
    const width = b * MINUTE_MS;
    if (Math.ceil((to - (first - (first % width))) / width) <= maxPoints) return b;
  }
  return 1440;
}

const zero = (): HealthCounts => ({ launches: 0, errors: 0, crashes: 0, feedback: 0 });

/**
 * Gray (this version's rows) against stable (the app's stable rows, any version) over time (docs/gray-health.md,
 * "What the console and `health` show"): from the bucket of the first minute with data to `to` (exclusive), every
 * bucket present, zeros where nothing was reported, so a chart's time axis and a sparkline's columns are even.
 * Nothing before the first data: a day's window over ten minutes of gray is ten minutes wide, not a flat day.
 */
export function healthSeries(
  gray: readonly EventMinuteRow[],
  stable: readonly EventMinuteRow[],
  to: number,
  maxPoints = MAX_SERIES_POINTS,
): HealthSeries {
  let first = Number.POSITIVE_INFINITY;
  for (const r of gray) first = Math.min(first, Number(r.minute));
  for (const r of stable) first = Math.min(first, Number(r.minute));
  if (!Number.isFinite(first)) return { bucketMinutes: 1, points: [] };
  const bucketMinutes = bucketMinutesFor(first, to, maxPoints);
  const width = bucketMinutes * MINUTE_MS;
  const start = first - (first % width);
  const points = Array.from({ length: Math.ceil((to - start) / width) }, (_, i) => ({
    minute: new Date(start + i * width).toISOString(),
    gray: zero(),
    stable: zero(),
  }));
  const add = (side: 'gray' | 'stable', r: EventMinuteRow) => {
    const point = points[Math.floor((Number(r.minute) - start) / width)];
    if (point === undefined) return;
    const c = point[side];
    c.launches += r.launches;
    c.errors += r.errors;
    c.crashes += r.crashes;
    c.feedback += r.feedback;
  };
  for (const r of gray) add('gray', r);
  for (const r of stable) add('stable', r);
  return { bucketMinutes, points };
}
