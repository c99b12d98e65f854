/**
 * Synthetic host traffic for the gray simulations: a seeded generator (mulberry32, so every run is the same)
 * and binomial draws per minute. Core has no randomness of its own (docs/architecture.md); tests bring it.
 */
import type { HealthSignal } from '../wire/health.js';

export type Random = () => number;

/** mulberry32: small, fast, and good enough for traffic; the seed fixes the whole run. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Binomial(n, p): exact inversion while the mean is small (where the test's power lives), a normal draw
 * with continuity otherwise (stable's thousands of events, where the shape no longer matters).
 */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  if (mean < 40) {
    const q = 1 - p;
    let x = 0;
    let term = q ** n;
    let cumulative = term;
    const u = random();
    while (u > cumulative && x < n) {
      term *= ((n - x) / (x + 1)) * (p / q);
      x++;
      cumulative += term;
    }
    return x;
  }
  const u1 = random() || 1e-12;
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(0, Math.min(n, Math.round(mean + z * Math.sqrt(mean * (1 - p)))));
}

/** Rates per launch of the three signals. */
export type SignalRates = Record<HealthSignal, number>;

/** What stable users report in the simulations: 1 % errors per launch (the figure), rarer crashes. */
export const STABLE_RATES: SignalRates = { errorRate: 0.01, crashRate: 0.002, feedbackRate: 0.005 };

export function scaled(rates: SignalRates, factors: Partial<SignalRates>): SignalRates {
  return {
    errorRate: rates.errorRate * (factors.errorRate ?? 1),
    crashRate: rates.crashRate * (factors.crashRate ?? 1),
    feedbackRate: rates.feedbackRate * (factors.feedbackRate ?? 1),
  };
}

/** Percentile of a sorted-on-demand list; Infinity for runs that never reached the event. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}
