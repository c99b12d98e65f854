/**
 * The health of a gray version against stable over the same minutes (DESIGN §10; docs/gray-health.md).
 * Every verdict carries the numbers it was reached from, so a person (and the console's chart) can check it.
 */

export type HealthVerdict = 'healthy' | 'degraded' | 'insufficient_data';

/** The three signals, each a rate per launch. */
export type HealthSignal = 'errorRate' | 'crashRate' | 'feedbackRate';

/** One side (gray or stable) of one signal. `rate` is events per launch, 0 when there were no launches. */
export interface SignalSide {
  launches: number;
  events: number;
  rate: number;
}

export interface SignalHealth {
  gray: SignalSide;
  stable: SignalSide;
  /** gray rate / stable rate; null while either side has no launches or stable has no events. */
  ratio: number | null;
  /** Anytime-valid bounds on the ratio; the upper bound is null while it is unbounded. */
  ratioInterval: [number, number | null];
  /** The e-value against "gray is no worse than stable"; degraded needs it over 1/α of the signal. */
  eValue: number;
  /** 1/α of this signal (α = 0.05 split across the signals by Šidák). */
  eThreshold: number;
  floorRelative: number;
  /** In rate per launch: 0.001 is 0.1 point. */
  floorAbsolute: number;
  verdict: HealthVerdict;
}

export interface Health {
  verdict: HealthVerdict;
  signals: Record<HealthSignal, SignalHealth>;
  /** Gray launches still needed (as far as today's rates tell) before the verdict can be healthy. */
  launchesNeeded?: number;
  /** Observed gray share of launches (0..1) against the share the gray percentage implies. */
  grayShareObserved: number;
  grayShareExpected: number;
  /** A broken host integration (the gray share is far from the percentage): the data is not judged healthy. */
  sampleRatioMismatch: boolean;
  /** Distinct users over the window (HyperLogLog estimates, ~6.5 % error); the server fills it from its sketches. */
  distinctUsers?: { gray: number; stable: number };
  /** Gray and stable over time, for a chart or a sparkline; the server fills it from its minute rows. */
  series?: HealthSeries;
  /** Why the verdict is what it is, in words built from the numbers above. */
  explanation: string;
  updatedAt: string;
}

/** What one side reported in one point of the series: launches, and errors, crashes, feedback among them. */
export interface HealthCounts {
  launches: number;
  errors: number;
  crashes: number;
  feedback: number;
}

/** One point of the series: the bucket starting at `minute` (ISO), gray (this version) and stable side by side. */
export interface HealthPoint {
  minute: string;
  gray: HealthCounts;
  stable: HealthCounts;
}

/**
 * The window's minutes in buckets of `bucketMinutes` (1 for a short window, wider for a long one, so there are
 * at most a few hundred points), from the first minute with data to now; a bucket without data has zeros.
 */
export interface HealthSeries {
  bucketMinutes: number;
  points: HealthPoint[];
}
