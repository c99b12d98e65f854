import { murmur3 } from './murmur3.js';

/**
 * Distinct users per minute as a HyperLogLog sketch (Flajolet et al. 2007): mergeable by register-wise max, so
 * minutes add up to any window without storing a user id (DESIGN §10: storage grows with minutes, not
 * events). 2^8 registers of one byte: 256 bytes a minute row, a standard error of 1.04/√256 ≈ 6.5 %, enough for
 * the sample-ratio check and the console; docs/gray-health.md.
 */
export const SKETCH_REGISTERS = 256;
const INDEX_BITS = 8;
/** A seed of its own, so the sketch's hash is independent of the gray bucket's (seed 0). */
const SKETCH_SEED = 0x5eed_0001;

export function newUserSketch(): Uint8Array {
  return new Uint8Array(SKETCH_REGISTERS);
}

export function addUser(sketch: Uint8Array, user: string): void {
  const h = murmur3(user, SKETCH_SEED) >>> 0;
  const index = h >>> (32 - INDEX_BITS);
  const rest = (h << INDEX_BITS) >>> 0;
  // Position of the first 1 bit in the remaining 24 bits, 1-based; 25 when they are all zero.
  const rank = rest === 0 ? 32 - INDEX_BITS + 1 : Math.clz32(rest) + 1;
  if (rank > (sketch[index] as number)) sketch[index] = rank;
}

/** Merges `from` into `into`: the sketch of the union of both sets of users. */
export function mergeUserSketch(into: Uint8Array, from: Uint8Array): void {
  for (let i = 0; i < SKETCH_REGISTERS; i++) {
    const v = from[i] as number;
    if (v > (into[i] as number)) into[i] = v;
  }
}

/** The estimated number of distinct users, with the small- and large-range corrections of the paper. */
export function estimateUsers(sketch: Uint8Array): number {
  const m = SKETCH_REGISTERS;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < m; i++) {
    const v = sketch[i] as number;
    sum += 2 ** -v;
    if (v === 0) zeros++;
  }
  const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  const two32 = 2 ** 32;
  if (raw > two32 / 30) return Math.round(-two32 * Math.log(1 - raw / two32));
  return Math.round(raw);
}

/** The sketch as hex text, for storage that must read the same on SQLite and PostgreSQL. */
export function userSketchToHex(sketch: Uint8Array): string {
  let s = '';
  for (const v of sketch) s += v.toString(16).padStart(2, '0');
  return s;
}

export function userSketchFromHex(hex: string): Uint8Array {
  const sketch = newUserSketch();
  for (let i = 0; i < SKETCH_REGISTERS && 2 * i + 1 < hex.length; i++) {
    sketch[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16) || 0;
  }
  return sketch;
}
