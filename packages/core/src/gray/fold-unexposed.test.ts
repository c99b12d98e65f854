import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUnexposed } from './fold-unexposed.js';
import { assessHealth, type HealthStretch, type SideCounts } from './health.js';

const at = '2026-12-02T10:00:00.000Z';
type Counts = [launches: number, errors: number, crashes: number, feedback: number];
const side = ([launches, errors, crashes, feedback]: Counts): SideCounts => ({
  launches,
  errors,
  crashes,
  feedback,
});
const stretch = (bp: number, gray: Counts, stable: Counts): HealthStretch => ({
  grayBasisPoints: bp,
  gray: side(gray),
  stable: side(stable),
});

function totals(stretches: readonly HealthStretch[]) {
  const sum = { gray: side([0, 0, 0, 0]), stable: side([0, 0, 0, 0]) };
  for (const s of stretches) {
    for (const k of ['gray', 'stable'] as const) {
      sum[k].launches += s[k].launches;
      sum[k].errors += s[k].errors;
      sum[k].crashes += s[k].crashes;
      sum[k].feedback += s[k].feedback;
    }
  }
  return sum;
}

const counts = fc.tuple(fc.nat(50), fc.nat(5), fc.nat(5), fc.nat(5)) as fc.Arbitrary<Counts>;
const stretches = fc.array(
  fc
    .record({ bp: fc.constantFrom(100, 500), gray: counts, stable: counts })
    .map((r) => stretch(r.bp, r.gray, r.stable)),
  { maxLength: 12 },
);

describe('foldUnexposed', () => {
  it('a minute of crashes after the launches of the minute before is weighed with them, not skipped', () => {
    // The gray-halt bench's case: healthy launches in one minute, the crashes of a bad gray in the next.
    const launches = stretch(100, [300, 0, 0, 0], [29_700, 0, 60, 0]);
    const crashes = stretch(100, [0, 0, 60, 0], [0, 0, 0, 0]);
    expect(foldUnexposed([launches, crashes])).toEqual([stretch(100, [300, 0, 60, 0], [29_700, 0, 60, 0])]);
    const h = assessHealth([launches, crashes], { updatedAt: at });
    expect(h.signals.crashRate.verdict).toBe('degraded');
    expect(h.verdict).toBe('degraded');
  });

  it('events before any launch of their share wait for the next stretch of that share', () => {
    const early = stretch(100, [0, 0, 3, 0], [0, 0, 0, 0]);
    const next = stretch(100, [100, 0, 0, 0], [9_900, 0, 10, 0]);
    expect(foldUnexposed([early, next])).toEqual([stretch(100, [100, 0, 3, 0], [9_900, 0, 10, 0])]);
  });

  it('never joins stretches of different shares', () => {
    const one = stretch(100, [100, 1, 0, 0], [9_900, 99, 0, 0]);
    const crashesAfterWidening = stretch(500, [0, 0, 2, 0], [0, 0, 0, 0]);
    expect(foldUnexposed([one, crashesAfterWidening])).toEqual([one, crashesAfterWidening]);
  });

  it('never loses or invents a count, and keeps stretches without events as they are', () => {
    fc.assert(
      fc.property(stretches, (ss) => {
        const out = foldUnexposed(ss);
        expect(totals(out)).toEqual(totals(ss));
        // Only stretches that carried unweighed events disappear into others.
        const eventless = (s: HealthStretch) =>
          s.gray.launches === 0 || s.stable.launches === 0
            ? [s.gray, s.stable].every((c) => c.errors + c.crashes + c.feedback === 0)
            : true;
        if (ss.every(eventless)) expect(out).toEqual(ss);
      }),
    );
  });

  it('leaves stretches with launches on both sides as they are', () => {
    const exposed = fc.array(
      fc
        .record({ bp: fc.constantFrom(100, 500), gray: counts, stable: counts })
        .map((r) =>
          stretch(
            r.bp,
            [r.gray[0] + 1, ...r.gray.slice(1)] as Counts,
            [r.stable[0] + 1, ...r.stable.slice(1)] as Counts,
          ),
        ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(exposed, (ss) => {
        expect(foldUnexposed(ss)).toEqual(ss);
      }),
    );
  });
});
