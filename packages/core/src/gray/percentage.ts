import { DomainError } from '../errors.js';

/** Alipay's named gray steps; WeChat and our own API take plain numbers. */
const NAMED_STEPS: Readonly<Record<string, number>> = { p10: 1000, p30: 3000, p50: 5000 };

const DECIMAL = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/;

/**
 * Parses a gray share — `10`, `12.5`, `"0.01"`, `"30%"`, `"p10"` — into whole basis points (1..10000).
 * Decimal strings are parsed digit by digit so `0.29` is exactly 29, never 28.999….
 */
export function parsePercentage(input: unknown): number {
  const bp = toBasisPoints(input);
  if (bp === undefined || bp < 1 || bp > 10_000) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `percentage must be a number in (0, 100] with at most two decimals, or p10/p30/p50; got ${JSON.stringify(input)}`,
      { field: 'percentage' },
    );
  }
  return bp;
}

function toBasisPoints(input: unknown): number | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    const bp = Math.round(input * 100);
    return Math.abs(bp - input * 100) < 1e-6 ? bp : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const named = NAMED_STEPS[input.trim().toLowerCase()];
  if (named !== undefined) return named;
  const m = DECIMAL.exec(input.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Basis points back to a percentage number for the wire: 1250 → 12.5. */
export function basisPointsToPercentage(bp: number): number {
  return bp / 100;
}
