import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, grayBucketer, inShare } from './bucket.js';
import { murmur3, murmur3Bytes, murmur3Prefix, murmur3WithPrefix } from './murmur3.js';

interface Vector {
  appId: string;
  version: string;
  userId: string;
  hash: string;
  bucket: number;
}
const vectors: { cases: Vector[] } = JSON.parse(
  readFileSync(new URL('../../vectors/bucket.json', import.meta.url), 'utf8'),
);

describe('gray bucket', () => {
  it('matches DESIGN §3: qinghe-books:1.4.0:张三 hashes to 0xb593c46b and :👍 to 0xa836d420', () => {
    expect(murmur3('qinghe-books:1.4.0:张三')).toBe(0xb593c46b);
    expect(murmur3('qinghe-books:1.4.0:👍')).toBe(0xa836d420);
  });

  it.each(vectors.cases)('vector $appId:$version:$userId → $hash', (v) => {
    expect(murmur3(`${v.appId}:${v.version}:${v.userId}`)).toBe(Number(v.hash));
    expect(bucketOf(v.appId, v.version, v.userId)).toBe(v.bucket);
    expect(grayBucketer(v.appId, v.version).bucket(v.userId)).toBe(v.bucket);
  });

  it('prefix hashing equals hashing the whole UTF-8 key, for any prefix and suffix', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (p, s) => {
          const whole = murmur3Bytes(new TextEncoder().encode(p + s));
          expect(murmur3WithPrefix(murmur3Prefix(p), s)).toBe(whole);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('widening never drops a user: in at p stays in at any q ≥ p', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (user, a, b) => {
          const [p, q] = a <= b ? [a, b] : [b, a];
          const bucket = bucketOf('qinghe-books', '1.4.0', user);
          if (inShare(bucket, p)) expect(inShare(bucket, q)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([1000, 3000, 5000, 1250, 100])(
    '%i basis points hold that share of 100k users within ±1 point',
    (bp) => {
      const bucketer = grayBucketer('qinghe-books', '2.3.4');
      let hit = 0;
      for (let i = 0; i < 100_000; i++) if (inShare(bucketer.bucket(`user-${i}`), bp)) hit++;
      expect(Math.abs(hit / 1000 - bp / 100)).toBeLessThanOrEqual(1);
    },
  );

  it('each version draws a fresh set of users', () => {
    const a = grayBucketer('qinghe-books', '1.4.0');
    const b = grayBucketer('qinghe-books', '1.5.0');
    let both = 0;
    for (let i = 0; i < 20_000; i++) {
      if (inShare(a.bucket(`u${i}`), 1000) && inShare(b.bucket(`u${i}`), 1000)) both++;
    }
    // Independent 10 % draws overlap on about 1 % of users, not 10 %.
    expect(both / 20_000).toBeLessThan(0.02);
  });
});
