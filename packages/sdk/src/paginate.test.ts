import { describe, expect, it } from 'vitest';
import { paginate } from './paginate.js';

describe('paginate', () => {
  it('follows nextCursor until the last page', async () => {
    const pages: Record<string, { items: number[]; nextCursor?: string }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [] },
    };
    const asked: (string | undefined)[] = [];
    const seen: number[] = [];
    for await (const n of paginate(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'start']!;
    })) {
      seen.push(n);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });
});
