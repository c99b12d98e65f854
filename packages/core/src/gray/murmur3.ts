import { utf8Encode } from './utf8.js';

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
  const bytes = utf8Encode(prefix);
  const blocks = bytes.length - (bytes.length % 4);
  const h = hashBlocks(bytes, blocks, seed | 0);
  const carry = Array.from(bytes.subarray(blocks));
  const carryBits = carry.reduce((bits, b, i) => bits | (b << (8 * i)), 0);
  return { h, carry, length: bytes.length, carried: carry.length, carryBits };
}

/**
 * Hash of prefix + `s` (UTF-8), identical to hashing the prefix's bytes followed by those of `s`: the
 * concatenation's bytes, unless a surrogate pair is split between the two. Allocates nothing.
 */
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

/**
 * Any string, hashed into `utf8Hash`. Each code point's UTF-8 bytes (as TextEncoder writes them: a surrogate
 * pair is one 4-byte sequence, a lone surrogate U+FFFD) are packed little-endian and or-ed straight into the
 * open block, so there is no buffer to fill and read back.
 */
function hashUtf8(prefix: Murmur3Prefix, s: string): void {
  const n = s.length;
  let h = prefix.h;
  let k = prefix.carryBits; // the open block: its low `open` bytes are filled
  let open = prefix.carried;
  let length = prefix.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let bytes: number; // this code point's UTF-8, first byte lowest
    let size: number;
    if (c < 0x80) {
      bytes = c;
      size = 1;
    } else if (c < 0x800) {
      bytes = 0x80c0 | (c >> 6) | ((c & 63) << 8);
      size = 2;
    } else if ((c & 0xf800) !== 0xd800) {
      // Not a surrogate: CJK ids land here.
      bytes = 0x8080e0 | (c >> 12) | (((c >> 6) & 63) << 8) | ((c & 63) << 16);
      size = 3;
    } else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        bytes =
          0x808080f0 | (cp >> 18) | (((cp >> 12) & 63) << 8) | (((cp >> 6) & 63) << 16) | ((cp & 63) << 24);
        size = 4;
        i++;
      } else {
        bytes = 0xbdbfef; // a lone surrogate is U+FFFD, EF BF BD
        size = 3;
      }
    }
    length += size;
    k |= bytes << (open << 3);
    open += size;
    if (open >= 4) {
      h = mixBlock(h, k);
      open -= 4;
      // The bytes that did not fit start the next block (a shift by 32 would be a shift by 0).
      k = open === 0 ? 0 : bytes >>> ((size - open) << 3);
    }
  }
  if (open !== 0) h ^= mixK(k);
  utf8Hash[0] = finalize(h, length);
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
