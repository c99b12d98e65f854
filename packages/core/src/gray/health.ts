import type { Health, HealthSignal, HealthVerdict, SignalHealth } from '../wire/health.js';
import { foldUnexposed } from './fold-unexposed.js';
import {
  logEValueAtMost,
  logEValueWorse,
  ratioInterval,
  type SignalCounts,
  sidakThreshold,
} from './health-e-value.js';

/** The signals in the order they are reported; each is a rate per launch. */
export const HEALTH_SIGNALS = [
  'errorRate',
  'crashRate',
  'feedbackRate',
] as const satisfies readonly HealthSignal[];

/** What one side reported in one stretch of minutes. */
export interface SideCounts {
  launches: number;
  errors: number;
  crashes: number;
  feedback: number;
}

/**
 * One stretch of minutes with one gray share: a minute as stored, or consecutive minutes pooled (pooling
 * minutes with the same share keeps the test exact while rates are steady; docs/gray-health.md).
 */
export interface HealthStretch {
  /** The gray share the version had, in basis points (what the sample-ratio check expects). */
  grayBasisPoints: number;
  gray: SideCounts;
  stable: SideCounts;
}

export interface HealthOptions {
  /** Healthy needs the ratio's upper bound below this on every signal (DESIGN §10: default 2). */
  badRatio?: number;
  /** Healthy needs at least this many gray launches. */
  minLaunches?: number;
  /** The family-wise false-halt rate across the signals. */
  alpha?: number;
  /** Degraded needs the observed ratio above this... */
  floorRelative?: number;
  /** ...and the observed rate difference above this (per launch: 0.001 is 0.1 point). */
  floorAbsolute?: number;
  /** The time to stamp on the answer (core has no clock). */
  updatedAt: string;
}

export const HEALTH_DEFAULTS = {
  badRatio: 2,
  minLaunches: 0,
  alpha: 0.05,
  floorRelative: 1.2,
  floorAbsolute: 0.001,
} as const;

const FIELD: Record<HealthSignal, keyof Omit<SideCounts, 'launches'>> = {
  errorRate: 'errors',
  crashRate: 'crashes',
  feedbackRate: 'feedback',
};

/** Projections of launches needed stop here: beyond it the answer is "not at today's rates". */
const MAX_PROJECTION = 1e9;

interface Judged {
  signal: SignalHealth;
  healthy: boolean;
  degraded: boolean;
  /** More gray launches this signal needs to be healthy; undefined when no amount will do at today's rates. */
  needed: number | undefined;
}

/**
 * Gray against stable over the same minutes, per signal and as a whole (DESIGN §10). Degraded needs the
 * e-value over 1/α (Šidák) and both floors on some signal; healthy needs every signal bounded below
 * `badRatio` (or below what the absolute floor allows) and `minLaunches`; otherwise insufficient_data
 * with the launches still needed. A sample-ratio mismatch never lets the data count as healthy.
 */
export function assessHealth(stretches: readonly HealthStretch[], options: HealthOptions): Health {
  const o = { ...HEALTH_DEFAULTS, ...stripUndefined(options), updatedAt: options.updatedAt };
  const threshold = sidakThreshold(o.alpha, HEALTH_SIGNALS.length);
  const logThreshold = Math.log(threshold);
  const share = observedShare(stretches);
  const lastBp = stretches.at(-1)?.grayBasisPoints ?? 0;

  // Events of minutes without launches to weigh them against join a neighbour of their share, not skipped.
  const weighed = foldUnexposed(stretches);
  const judged = {} as Record<HealthSignal, Judged>;
  for (const name of HEALTH_SIGNALS) {
    const counts = weighed.map((s) => toCounts(s, FIELD[name]));
    judged[name] = judgeSignal(counts, lastBp / 10_000, o, threshold, logThreshold);
  }
  const signals = Object.fromEntries(HEALTH_SIGNALS.map((n) => [n, judged[n].signal])) as Record<
    HealthSignal,
    SignalHealth
  >;
  const grayLaunches = stretches.reduce((acc, s) => acc + s.gray.launches, 0);
  const degraded = HEALTH_SIGNALS.filter((n) => judged[n].degraded);
  const short = HEALTH_SIGNALS.filter((n) => !judged[n].healthy);
  const base = {
    signals,
    grayShareObserved: share.observed,
    grayShareExpected: share.expected,
    sampleRatioMismatch: share.mismatch,
    updatedAt: o.updatedAt,
  };

  if (degraded.length > 0) {
    // Evidence of harm counts even when the integration looks broken: a version that crashes before it
    // reports its launch skews the share too, and must still be stopped.
    return { verdict: 'degraded', ...base, explanation: explainDegraded(degraded, signals) };
  }
  if (share.mismatch) {
    return {
      verdict: 'insufficient_data',
      ...base,
      explanation:
        `sample ratio mismatch: gray has ${pct(share.observed)} of launches but its share is ${pct(share.expected)}; ` +
        'check the host integration (channel and version come from the resolve answer)',
    };
  }
  const launchesShort = Math.max(0, o.minLaunches - grayLaunches);
  if (short.length === 0 && launchesShort === 0) {
    return {
      verdict: 'healthy',
      ...base,
      explanation: `healthy: after ${grayLaunches} gray launches every signal is below ${o.badRatio}× stable with ${pct(1 - o.alpha)} confidence`,
    };
  }
  const needs = short.map((n) => judged[n].needed);
  const unbounded = needs.some((n) => n === undefined);
  const needed = Math.max(launchesShort, ...needs.map((n) => n ?? 0));
  const why = short.length > 0 ? `${short.join(', ')} not yet bounded below ${o.badRatio}× stable` : '';
  const min = launchesShort > 0 ? `${grayLaunches} of ${o.minLaunches} gray launches` : '';
  return {
    verdict: 'insufficient_data',
    ...base,
    ...(unbounded ? {} : { launchesNeeded: needed }),
    explanation: `insufficient data: ${[min, why].filter(Boolean).join('; ')}${unbounded ? '; no estimate at today’s rates' : `; about ${needed} more gray launches needed`}`,
  };
}

function judgeSignal(
  counts: readonly SignalCounts[],
  currentShare: number,
  o: Required<Omit<HealthOptions, 'updatedAt'>>,
  threshold: number,
  logThreshold: number,
): Judged {
  const t = totals(counts);
  const grayRate = rate(t.grayEvents, t.grayLaunches);
  const stableRate = rate(t.stableEvents, t.stableLaunches);
  const ratio = t.grayLaunches > 0 && t.stableLaunches > 0 && stableRate > 0 ? grayRate / stableRate : null;
  const logE = logEValueWorse(counts, o.badRatio);
  const interval = ratioInterval(counts, logThreshold);
  const degraded =
    logE >= logThreshold &&
    ratio !== null &&
    ratio > o.floorRelative &&
    grayRate - stableRate > o.floorAbsolute;

  let healthy: boolean;
  let needed: number | undefined;
  if (stableRate > 0) {
    // A rise the absolute floor would forgive is no reason to wait: bound the ratio below whichever is larger.
    const target = Math.max(o.badRatio, 1 + o.floorAbsolute / stableRate);
    healthy = logEValueAtMost(counts, target) >= logThreshold;
    needed = healthy ? 0 : projectNeeded(counts, target, stableRate, currentShare, logThreshold);
  } else {
    // Stable has seen none of these events: no ratio exists, so bound gray's own rate below the absolute floor
    // (a Poisson bound: after n launches with k events the rate is below (k + ln(1/α)) / n).
    const bound = (t.grayEvents + logThreshold) / Math.max(t.grayLaunches, 1);
    healthy = t.grayLaunches > 0 && bound < o.floorAbsolute;
    needed = healthy
      ? 0
      : Math.max(0, Math.ceil((t.grayEvents + logThreshold) / o.floorAbsolute) - t.grayLaunches);
  }
  const verdict: HealthVerdict = degraded ? 'degraded' : healthy ? 'healthy' : 'insufficient_data';
  return {
    signal: {
      gray: { launches: t.grayLaunches, events: t.grayEvents, rate: grayRate },
      stable: { launches: t.stableLaunches, events: t.stableEvents, rate: stableRate },
      ratio,
      ratioInterval: interval,
      eValue: Math.exp(Math.min(logE, 700)),
      eThreshold: threshold,
      floorRelative: o.floorRelative,
      floorAbsolute: o.floorAbsolute,
      verdict,
    },
    healthy,
    degraded,
    needed,
  };
}

/**
 * Gray launches still needed for the upper bound to fall below `target`, if gray goes on exactly as good as
 * stable at today's rate and share: the expected counts are added as one more stretch and the smallest
 * sufficient number is found by doubling and bisection.
 */
function projectNeeded(
  counts: readonly SignalCounts[],
  target: number,
  stableRate: number,
  share: number,
  logThreshold: number,
): number | undefined {
  if (share <= 0 || share >= 1) return undefined;
  const enough = (n: number) => {
    const stable = (n * (1 - share)) / share;
    const extra: SignalCounts = {
      grayLaunches: n,
      stableLaunches: stable,
      grayEvents: n * stableRate,
      stableEvents: stable * stableRate,
    };
    return logEValueAtMost([...counts, extra], target) >= logThreshold;
  };
  let hi = 1;
  while (!enough(hi)) {
    hi *= 2;
    if (hi > MAX_PROJECTION) return undefined;
  }
  let lo = hi / 2;
  if (hi === 1) return 1;
  while (hi - lo > 1) {
    const m = Math.floor((lo + hi) / 2);
    if (enough(m)) hi = m;
    else lo = m;
  }
  return hi;
}

/**
 * The sample-ratio check: the observed gray share of launches against the share the percentages imply.
 * Launches cluster by user, so the z bound is loose (5) and the share must also be off by 2× either way.
 */
function observedShare(stretches: readonly HealthStretch[]): {
  observed: number;
  expected: number;
  mismatch: boolean;
} {
  let gray = 0;
  let all = 0;
  let expected = 0;
  let variance = 0;
  for (const s of stretches) {
    const n = s.gray.launches + s.stable.launches;
    const p = s.grayBasisPoints / 10_000;
    gray += s.gray.launches;
    all += n;
    expected += p * n;
    variance += p * (1 - p) * n;
  }
  if (all === 0)
    return { observed: 0, expected: (stretches.at(-1)?.grayBasisPoints ?? 0) / 10_000, mismatch: false };
  const z = variance > 0 ? Math.abs(gray - expected) / Math.sqrt(variance) : 0;
  const off = expected > 0 && (gray / expected > 2 || gray / expected < 0.5);
  return { observed: gray / all, expected: expected / all, mismatch: z > 5 && off };
}

function explainDegraded(
  names: readonly HealthSignal[],
  signals: Record<HealthSignal, SignalHealth>,
): string {
  const parts = names.map((n) => {
    const s = signals[n];
    return `${n} gray ${pct(s.gray.rate)} vs stable ${pct(s.stable.rate)} (ratio ${fmt(s.ratio ?? 0)}, e-value ${fmt(s.eValue)} ≥ ${fmt(s.eThreshold)})`;
  });
  return `degraded: ${parts.join('; ')}`;
}

function toCounts(s: HealthStretch, field: keyof Omit<SideCounts, 'launches'>): SignalCounts {
  return {
    grayLaunches: s.gray.launches,
    stableLaunches: s.stable.launches,
    grayEvents: s.gray[field],
    stableEvents: s.stable[field],
  };
}

function totals(counts: readonly SignalCounts[]): SignalCounts {
  const t = { grayLaunches: 0, stableLaunches: 0, grayEvents: 0, stableEvents: 0 };
  for (const c of counts) {
    t.grayLaunches += c.grayLaunches;
    t.stableLaunches += c.stableLaunches;
    t.grayEvents += c.grayEvents;
    t.stableEvents += c.stableEvents;
  }
  return t;
}

function rate(events: number, launches: number): number {
  return launches > 0 ? events / launches : 0;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function fmt(x: number): string {
  return x >= 1000 ? x.toExponential(2) : x.toFixed(2);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
