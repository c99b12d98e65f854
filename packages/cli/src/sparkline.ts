import type { HealthCounts, HealthPoint } from '@minirelease/sdk';

const BARS = '▁▂▃▄▅▆▇█';
/** A column with no launches has no rate: a dot, so a gap is not read as a rate of zero. */
const NO_DATA = '·';

/**
 * Merges adjacent points so the series fits `columns` terminal columns: counts add up (a rate over merged
 * buckets is events over launches, never an average of rates).
 */
export function mergePoints(points: readonly HealthPoint[], columns: number): HealthPoint[] {
  const per = Math.max(1, Math.ceil(points.length / columns));
  const merged: HealthPoint[] = [];
  for (let i = 0; i < points.length; i += per) {
    const group = points.slice(i, i + per);
    merged.push({
      minute: group[0]!.minute,
      gray: sum(group.map((p) => p.gray)),
      stable: sum(group.map((p) => p.stable)),
    });
  }
  return merged;
}

function sum(counts: readonly HealthCounts[]): HealthCounts {
  const total = { launches: 0, errors: 0, crashes: 0, feedback: 0 };
  for (const c of counts) {
    total.launches += c.launches;
    total.errors += c.errors;
    total.crashes += c.crashes;
    total.feedback += c.feedback;
  }
  return total;
}

/**
 * Unicode bars for rates on one scale from 0 to `max`, so two sparklines drawn with the same `max` (gray and
 * stable) compare by height; `null` (no launches) is a dot. A rate above 0 never draws as the lowest bar's
 * zero: it gets at least the second bar, so one error in a quiet minute stays visible.
 */
export function sparkline(rates: readonly (number | null)[], max: number): string {
  return rates
    .map((r) => {
      if (r === null) return NO_DATA;
      if (max <= 0 || r <= 0) return BARS[0];
      const i = Math.round((r / max) * (BARS.length - 1));
      return BARS[Math.min(BARS.length - 1, Math.max(1, i))];
    })
    .join('');
}
