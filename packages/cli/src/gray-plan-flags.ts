import { basisPointsToPercentage, isDomainError, parsePercentage } from '@minirelease/core';
import { InvalidArgumentError } from 'commander';

/** The server's bounds on a plan (DESIGN §10): at most 20 steps, a soak of at most 7 days. */
const MAX_STEPS = 20;
const MAX_SOAK_MINUTES = 10_080;

/**
 * `--plan 1,5,20,50,100`: the gray percentages a plan widens through, each read with the rule `gray --percent`
 * uses, strictly increasing since gray never narrows. Anything else is a usage error (exit 2).
 */
export function parseSteps(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length > MAX_STEPS) throw new InvalidArgumentError(`at most ${MAX_STEPS} steps`);
  const steps = parts.map((part) => {
    try {
      return basisPointsToPercentage(parsePercentage(part));
    } catch (err) {
      if (isDomainError(err)) {
        throw new InvalidArgumentError(`${JSON.stringify(part)} is no percentage in (0, 100]`);
      }
      throw err;
    }
  });
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (before !== undefined && step <= before) {
      throw new InvalidArgumentError(`steps must increase (gray never narrows): ${before} then ${step}`);
    }
  });
  return steps;
}

const MINUTES_PER = { m: 1, h: 60, d: 1440 } as const;

/**
 * `--soak 30m`: a duration in seconds, minutes, hours or days (`90s` is refused: the server keeps whole
 * minutes, and rounding a soak silently would shorten or lengthen it). Answers minutes.
 */
export function parseSoak(value: string): number {
  const match = /^(\d{1,7})([smhd])$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a duration such as 30m, 2h, 1d or 120s');
  const n = Number(match[1]);
  const unit = match[2] as 's' | keyof typeof MINUTES_PER;
  if (unit === 's' && n % 60 !== 0) {
    throw new InvalidArgumentError(`a soak is whole minutes: ${value} is ${n / 60} min`);
  }
  const minutes = unit === 's' ? n / 60 : n * MINUTES_PER[unit];
  if (minutes > MAX_SOAK_MINUTES) throw new InvalidArgumentError('a soak is at most 7 days (10080m)');
  return minutes;
}

/** `--bad-ratio 2`: how many times stable's rate counts as degraded, from 1.25 to 10 as the server takes. */
export function parseBadRatio(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n < 1.25 || n > 10) {
    throw new InvalidArgumentError('expected a ratio from 1.25 to 10, e.g. 2');
  }
  return n;
}
