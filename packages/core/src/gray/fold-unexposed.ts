import type { HealthStretch, SideCounts } from './health.js';

/**
 * Folds a stretch whose events have no launches to weigh them against into its neighbour of the same share
 * (docs/gray-health.md, "Pooling"). The test compares gray's share of a signal's events with gray's share of
 * launches *in the same stretch*, and a stretch without launches on a side has no share to compare with, so its
 * events would be skipped. Yet such minutes are ordinary: a session launched at 10:00:58 crashes at 10:01:03,
 * and at 1 % gray most minutes of a small app have no gray launch at all. Skipping them would hide exactly the
 * crashes of a bad gray from the test. Pooling consecutive minutes of one share is exact for the binomial test
 * (its likelihood ratio depends only on the pooled counts when the share is the same), so the events join the
 * stretch before them, or, when there is none of that share yet, the next one. A stretch without events is
 * left alone: it carries no evidence and keeping it keeps every other answer as it was.
 */
export function foldUnexposed(stretches: readonly HealthStretch[]): HealthStretch[] {
  const out: HealthStretch[] = [];
  let pending: HealthStretch | undefined;
  for (const s of stretches) {
    if (pending && pending.grayBasisPoints !== s.grayBasisPoints) {
      // The share moved before any launches came to weigh them: nothing of that share to join, kept as it is.
      out.push(pending);
      pending = undefined;
    }
    if (isExposed(s) || !hasEvents(s)) {
      if (pending && isExposed(s)) {
        out.push(pooled(pending, s));
        pending = undefined;
      } else out.push(s);
      continue;
    }
    const last = out.at(-1);
    if (last && last.grayBasisPoints === s.grayBasisPoints && isExposed(last))
      out[out.length - 1] = pooled(last, s);
    else pending = pending ? pooled(pending, s) : s;
  }
  if (pending) out.push(pending);
  return out;
}

function isExposed(s: HealthStretch): boolean {
  return s.gray.launches > 0 && s.stable.launches > 0;
}

function hasEvents(s: HealthStretch): boolean {
  const any = (c: SideCounts) => c.errors > 0 || c.crashes > 0 || c.feedback > 0;
  return any(s.gray) || any(s.stable);
}

function pooled(a: HealthStretch, b: HealthStretch): HealthStretch {
  const add = (x: SideCounts, y: SideCounts): SideCounts => ({
    launches: x.launches + y.launches,
    errors: x.errors + y.errors,
    crashes: x.crashes + y.crashes,
    feedback: x.feedback + y.feedback,
  });
  return { grayBasisPoints: a.grayBasisPoints, gray: add(a.gray, b.gray), stable: add(a.stable, b.stable) };
}
