/**
 * The exact, count-based anytime-valid test of DESIGN §10 (docs/gray-health.md).
 *
 * Within one stretch of minutes, if errors arrive at the same rate per launch in gray and in stable, the gray
 * count given the total is Binomial(total, q) with q = grayLaunches / (grayLaunches + stableLaunches); if gray is
 * r times worse, the share is r·q / (r·q + 1 − q). The product over stretches, in time order, of the likelihood
 * ratio "ratio r against ratio ρ" is a non-negative martingale under ρ, and a mixture over several r is one too:
 * an e-process. By Ville's inequality it exceeds 1/α with probability at most α however often it is looked at,
 * which is what lets the ticker look every minute (a repeated z-test halts a healthy version ~47 % of the time).
 *
 * Pure and allocation-light: it runs on every `/health` answer and every ticker pass.
 */

/** Counts of one signal in one stretch of minutes (a minute, or several with the same gray share). */
export interface SignalCounts {
  grayLaunches: number;
  stableLaunches: number;
  grayEvents: number;
  stableEvents: number;
}

/** The mixture: relative alternatives and their prior weights (sum 1). Tuned in health.simulation.test.ts. */
const MIXTURE: readonly (readonly [factor: number, weight: number])[] = [
  [0.75, 0.6],
  [1, 0.35],
  [2, 0.05],
];

/** Smallest alternative ratio tested against "no worse": the mixture must sit strictly above the null. */
const MIN_ALTERNATIVE = 1.05;

function grayShare(ratio: number, grayLaunches: number, stableLaunches: number): number {
  const g = ratio * grayLaunches;
  return g / (g + stableLaunches);
}

/** log of the likelihood ratio of "gray is `alt`× stable" against "gray is `nul`× stable" over the stretches. */
export function logLikelihoodRatio(stretches: readonly SignalCounts[], alt: number, nul: number): number {
  let sum = 0;
  for (const s of stretches) {
    // A stretch with launches on one side only says nothing about the ratio: all its events are on that side.
    if (s.grayLaunches <= 0 || s.stableLaunches <= 0) continue;
    const q0 = grayShare(nul, s.grayLaunches, s.stableLaunches);
    const q1 = grayShare(alt, s.grayLaunches, s.stableLaunches);
    if (s.grayEvents > 0) sum += s.grayEvents * Math.log(q1 / q0);
    if (s.stableEvents > 0) sum += s.stableEvents * Math.log((1 - q1) / (1 - q0));
  }
  return sum;
}

function logMixture(
  stretches: readonly SignalCounts[],
  alternatives: readonly number[],
  nul: number,
): number {
  const logs = alternatives.map(
    (alt, i) => Math.log(MIXTURE[i]?.[1] ?? 0) + logLikelihoodRatio(stretches, alt, nul),
  );
  const max = Math.max(...logs);
  if (max === Number.NEGATIVE_INFINITY) return max;
  return max + Math.log(logs.reduce((acc, l) => acc + Math.exp(l - max), 0));
}

/**
 * The e-value against "gray is no worse than stable" (ratio ≤ 1), mixing alternatives around `badRatio`
 * (¾, 1 and 2 times it), so that both a 1.5× and a 2× regression are caught early at the default of 2.
 */
export function logEValueWorse(stretches: readonly SignalCounts[], badRatio: number): number {
  const alts = MIXTURE.map(([f]) => Math.max(MIN_ALTERNATIVE, f * badRatio));
  return logMixture(stretches, alts, 1);
}

/** The e-value against "the ratio is at least ρ" (alternatives below ρ): large when gray is clearly better. */
export function logEValueAtMost(stretches: readonly SignalCounts[], rho: number): number {
  const alts = MIXTURE.map(([f]) => rho / (1 + f));
  return logMixture(stretches, alts, rho);
}

/** The e-value against "the ratio is at most ρ" (alternatives above ρ). */
function logEValueAtLeast(stretches: readonly SignalCounts[], rho: number): number {
  const alts = MIXTURE.map(([f]) => rho * (1 + f));
  return logMixture(stretches, alts, rho);
}

const LOG_LOWEST = Math.log(1e-3);
const LOG_HIGHEST = Math.log(1e3);

/**
 * The anytime-valid interval of the ratio: the ratios no e-process has rejected at `logThreshold`.
 * The upper end is null while no ratio up to 10³ is rejected (too few events to bound it).
 */
export function ratioInterval(
  stretches: readonly SignalCounts[],
  logThreshold: number,
): [number, number | null] {
  const rejectsHigh = (logRho: number) => logEValueAtMost(stretches, Math.exp(logRho)) >= logThreshold;
  const rejectsLow = (logRho: number) => logEValueAtLeast(stretches, Math.exp(logRho)) >= logThreshold;
  const hi = rejectsHigh(LOG_HIGHEST) ? Math.exp(boundary(rejectsHigh, LOG_LOWEST, LOG_HIGHEST, true)) : null;
  const lo = rejectsLow(LOG_LOWEST) ? Math.exp(boundary(rejectsLow, LOG_LOWEST, LOG_HIGHEST, false)) : 0;
  return [lo, hi];
}

/**
 * Bisection for the point where a monotone predicate flips (16 halvings of ln 10⁶: a relative error below 3·10⁻⁴, finer than any display). `risingToTrue`: false below, true above
 * (the upper bound); otherwise true below, false above (the lower bound).
 */
function boundary(pred: (x: number) => boolean, lo: number, hi: number, risingToTrue: boolean): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 16; i++) {
    const m = (a + b) / 2;
    if (pred(m) === risingToTrue) b = m;
    else a = m;
  }
  return risingToTrue ? b : a;
}

/** 1/α per signal when α is split across `signals` by Šidák: 1 − (1 − α)^(1/k). */
export function sidakThreshold(alpha: number, signals: number): number {
  return 1 / (1 - (1 - alpha) ** (1 / signals));
}
