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
}

// A reused scratch buffer: decisions allocate nothing. Grown on demand for long ids.
let scratch = new Uint8Array(256);

export function murmur3Prefix(prefix: string, seed = 0): Murmur3Prefix {
  const bytes = new TextEncoder().encode(prefix);
  const blocks = bytes.length - (bytes.length % 4);
  const h = hashBlocks(bytes, blocks, seed | 0);
  return { h, carry: Array.from(bytes.subarray(blocks)), length: bytes.length };
}

/** Hash of prefix + `s` (UTF-8), identical to hashing the concatenation's bytes. */
export function murmur3WithPrefix(prefix: Murmur3Prefix, s: string): number {
  const carried = prefix.carry.length;
  const needed = carried + s.length * 3;
  if (needed > scratch.length) scratch = new Uint8Array(Math.max(needed, scratch.length * 2));
  const buf = scratch;
  for (let i = 0; i < carried; i++) buf[i] = prefix.carry[i]!;
  const total = carried + encodeUtf8(s, buf, carried);
  const blocks = total - (total % 4);
  let h = hashBlocks(buf, blocks, prefix.h);
  h = hashTail(buf, blocks, total - blocks, h);
  return finalize(h, prefix.length - carried + total);
}

/** The plain hash of a whole string's UTF-8 bytes. */
export function murmur3(s: string, seed = 0): number {
  return murmur3WithPrefix({ h: seed | 0, carry: [], length: 0 }, s);
}

/** The plain hash of bytes, for test vectors given as bytes. */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  const blocks = bytes.length - (bytes.length % 4);
  const h = hashTail(bytes, blocks, bytes.length - blocks, hashBlocks(bytes, blocks, seed | 0));
  return finalize(h, bytes.length);
}

function hashBlocks(buf: Uint8Array, end: number, h: number): number {
  for (let i = 0; i < end; i += 4) {
    let k = buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return h;
}

function hashTail(buf: Uint8Array, at: number, rest: number, h: number): number {
  if (rest === 0) return h;
  let k = 0;
  if (rest === 3) k ^= buf[at + 2]! << 16;
  if (rest >= 2) k ^= buf[at + 1]! << 8;
  k ^= buf[at]!;
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  return h ^ k;
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

/** UTF-8 as TextEncoder writes it (lone surrogates become U+FFFD); ASCII straight from charCodeAt. */
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
