/**
 * The naive decision, the limit ours is measured against (DESIGN §8): build the key string, encode it to UTF-8,
 * MurmurHash3 x86_32 the bytes, mod 10000. Written here from the reference algorithm, independent of core.
 */
import murmur from 'murmurhash3js-revisited';

const encoder = new TextEncoder();
let buf = new Uint8Array(1024);

function encode(key) {
  if (key.length * 3 > buf.length) buf = new Uint8Array(key.length * 3);
  return encoder.encodeInto(key, buf).written;
}

/** MurmurHash3_x86_32 of buf[0..len), seed 0, as an unsigned int. */
export function murmur3x86(bytes, len) {
  let h = 0;
  const blocks = len & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = len & 3;
  if (rest > 0) {
    let k = 0;
    if (rest === 3) k ^= bytes[blocks + 2] << 16;
    if (rest >= 2) k ^= bytes[blocks + 1] << 8;
    k ^= bytes[blocks];
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The naive decision with the hash above: a reused buffer, TextEncoder.encodeInto. */
export function bareInGray(appId, version, userId, basisPoints) {
  const len = encode(`${appId}:${version}:${userId}`);
  return murmur3x86(buf, len) % 10000 < basisPoints;
}

// The npm package, at its best: its per-call byte validation off.
murmur.inputValidation = false;

/** The naive decision with `murmurhash3js-revisited` (the reference port the vectors were made with). */
export function bareInGrayPackage(appId, version, userId, basisPoints) {
  const len = encode(`${appId}:${version}:${userId}`);
  return murmur.x86.hash32(buf.subarray(0, len), 0) % 10000 < basisPoints;
}
