import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addUser,
  estimateUsers,
  mergeUserSketch,
  newUserSketch,
  userSketchFromHex,
  userSketchToHex,
} from './user-sketch.js';

function sketchOf(users: readonly string[]) {
  const s = newUserSketch();
  for (const u of users) addUser(s, u);
  return s;
}

describe('the distinct-user sketch', () => {
  it('counts nobody in an empty sketch', () => {
    expect(estimateUsers(newUserSketch())).toBe(0);
  });

  it('counts a user reported many times once', () => {
    expect(estimateUsers(sketchOf(Array(1_000).fill('张三')))).toBe(1);
  });

  it('estimates 100,000 users within 20 % (three standard errors)', () => {
    const n = estimateUsers(sketchOf(Array.from({ length: 100_000 }, (_, i) => `user-${i}`)));
    expect(Math.abs(n - 100_000) / 100_000).toBeLessThan(0.2);
  });

  it('merging is the sketch of the union: commutative, idempotent, and order-free', () => {
    const users = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 200 });
    fc.assert(
      fc.property(users, users, (a, b) => {
        const ab = sketchOf(a);
        mergeUserSketch(ab, sketchOf(b));
        const ba = sketchOf(b);
        mergeUserSketch(ba, sketchOf(a));
        expect(ab).toEqual(ba);
        expect(ab).toEqual(sketchOf([...a, ...b]));
        const again = ab.slice();
        mergeUserSketch(again, ab);
        expect(again).toEqual(ab);
      }),
    );
  });

  it('survives hex storage unchanged', () => {
    const s = sketchOf(['a', 'b', '👍', '张三']);
    expect(userSketchFromHex(userSketchToHex(s))).toEqual(s);
    expect(userSketchToHex(s)).toHaveLength(512);
  });
});
