import { describe, expect, it } from 'vitest';
import { shareHistory } from './health-service.js';

const M = 60_000;

describe('shareHistory', () => {
  it('answers the share now for every minute when no move was recorded', () => {
    const at = shareHistory([], 500);
    expect([at(0), at(10 * M)]).toEqual([500, 500]);
  });

  it('gives each minute the share in effect at its end: a widening inside a minute counts for all of it', () => {
    const at = shareHistory(
      [
        { atMs: 2 * M + 30_000, bp: 100 },
        { atMs: 5 * M, bp: 500 },
        { atMs: 9 * M + 1, bp: 0 },
      ],
      0,
    );
    expect([0, 1, 2, 3, 4, 5, 8, 9, 10].map((m) => at(m * M))).toEqual([0, 0, 100, 100, 100, 500, 500, 0, 0]);
  });
});
