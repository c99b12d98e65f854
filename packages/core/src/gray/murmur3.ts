/**
 * MurmurHash3 x86_32 over UTF-8 bytes, split so the bytes of a fixed prefix are hashed once.
 * The hash eats 4-byte blocks in order, so the state after a prefix is its running hash plus the 0–3 bytes
 * that did not fill a block yet; a decision then hashes only the user id's bytes.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The hash state after some bytes: running hash, carried bytes (little-endian, 0–3 of them) and length. */
export interface Murmur3Prefix {
  readonly h: number;
  readonly carry: readonly number[];
  readonly length: number;
  /** How many bytes are carried (`carry.length`), and those bytes packed little-endian as the next block starts. */
  readonly carried: number;
  readonly carryBits: number;
}

export function murmur3Prefix(prefix: string, seed = 0): Murmur3Prefix {
  const bytes = new TextEncoder().encode(prefix);
  const blocks = bytes.length - (bytes.length % 4);
  const h = hashBlocks(bytes, blocks, seed | 0);
  const carry = Array.from(bytes.subarray(blocks));
  const carryBits = carry.reduce((bits, b, i) => bits | (b << (8 * i)), 0);
  return { h, carry, length: bytes.length, carried: carry.length, carryBits };
}

/** Hash of prefix + `s` (UTF-8), identical to hashing the concatenation's bytes. Allocates nothing. */
export function murmur3WithPrefix(prefix: Murmur3Prefix, s: string): number {
  const h = hashAscii(prefix, s);
  if (h >= 0) return h;
  hashUtf8(prefix, s);
  return utf8Hash[0]!;
}

// hashUtf8 is too big to inline, and an unsigned 32-bit result returned from a call is a heap number (an
// allocation) for 3 in 4 hashes; written to a typed array it stays unboxed.
const utf8Hash = new Uint32Array(1);

/**
 * The hash when `s` is ASCII (its bytes are its char codes), else -1. Small enough for V8 to inline into
 * `decide`, so the unsigned result is never boxed: blocks of four `charCodeAt`, no key string, no buffer.
 */
function hashAscii(prefix: Murmur3Prefix, s: string): number {
  const n = s.length;
  let h = prefix.h;
  let i = 0;
  let or = 0; // every char code or-ed together: ASCII when below 0x80
  // Complete the block the prefix left open (0–3 bytes) with the first 4 - carried chars.
  const carried = prefix.carried;
  if (carried !== 0) {
    i = 4 - carried;
    if (n < i) return -1;
    let k = prefix.carryBits;
    for (let j = 0; j < i; j++) {
      const a = s.charCodeAt(j);
      or |= a;
      k |= a << ((carried + j) << 3);
    }
    if (or >= 0x80) return -1;
    h = mixBlock(h, k);
  }
  const end = n - ((n - i) & 3);
  for (; i < end && or < 0x80; i += 4) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const c = s.charCodeAt(i + 2);
    const d = s.charCodeAt(i + 3);
    or |= a | b | c | d;
    h = mixBlock(h, a | (b << 8) | (c << 16) | (d << 24));
  }
  if (or >= 0x80) return -1;
  let k = 0;
  for (let j = n - 1; j >= i; j--) {
    const a = s.charCodeAt(j);
    or |= a;
    k = (k << 8) | a;
  }
  if (i < n) h ^= mixK(k);
  return or < 0x80 ? finalize(h, prefix.length + n) : -1;
}

// A reused scratch buffer for ids that are not ASCII: decisions allocate nothing. Grown on demand.
let scratch = new Uint8Array(256);

/** Any string: the carried bytes and the UTF-8 of `s` written to the scratch buffer, hashed into `utf8Hash`. */
function hashUtf8(prefix: Murmur3Prefix, s: string): void {
  const carried = prefix.carried;
  const needed = carried + s.length * 3;
  if (needed > scratch.length) scratch = new Uint8Array(Math.max(needed, scratch.length * 2));
  const buf = scratch;
  for (let i = 0; i < carried; i++) buf[i] = prefix.carry[i]!;
  const total = carried + encodeUtf8(s, buf, carried);
  const blocks = total - (total % 4);
  let h = hashBlocks(buf, blocks, prefix.h);
  let k = 0;
  for (let i = total - 1; i >= blocks; i--) k = (k << 8) | buf[i]!;
  if (total > blocks) h ^= mixK(k);
  utf8Hash[0] = finalize(h, prefix.length - carried + total);
}

/** UTF-8 as TextEncoder writes it: a surrogate pair is one 4-byte code point, a lone surrogate is U+FFFD. */
function encodeUtf8(s: string, buf: Uint8Array, at: number): number {
  let p = at;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < len ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (c >> 18);
          buf[p++] = 0x80 | ((c >> 12) & 63);
          buf[p++] = 0x80 | ((c >> 6) & 63);
          buf[p++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    }
  }
  return p - at;
}

const EMPTY: Murmur3Prefix = { h: 0, carry: [], length: 0, carried: 0, carryBits: 0 };

/** The plain hash of a whole string's UTF-8 bytes. */
export function murmur3(s: string, seed = 0): number {
  return murmur3WithPrefix(seed === 0 ? EMPTY : { ...EMPTY, h: seed | 0 }, s);
}

/** The plain hash of bytes, for test vectors given as bytes. */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  const blocks = bytes.length - (bytes.length % 4);
  let h = hashBlocks(bytes, blocks, seed | 0);
  let k = 0;
  for (let i = bytes.length - 1; i >= blocks; i--) k = (k << 8) | bytes[i]!;
  if (bytes.length > blocks) h ^= mixK(k);
  return finalize(h, bytes.length);
}

function hashBlocks(buf: Uint8Array, end: number, h: number): number {
  for (let i = 0; i < end; i += 4) {
    h = mixBlock(h, buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
  }
  return h;
}

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixBlock(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
