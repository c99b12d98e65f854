/** Seeded user ids, so every run (and every contestant) decides on the same users. */

/** mulberry32: a tiny, well-mixed 32-bit PRNG; deterministic for a seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/*
 * Ids are built as flat strings, as a server gets them from a parsed query: appending char by char would give
 * V8 ropes (cons strings) past 12 characters, which every contestant reads more slowly than real input.
 */

/** `u-` and 6–14 random lowercase letters and digits, like the ids host apps send. */
export function asciiIds(n, seed = 1) {
  const rnd = prng(seed);
  const ids = new Array(n);
  for (let i = 0; i < n; i++) {
    const codes = [0x75, 0x2d]; // u-
    const len = 6 + Math.floor(rnd() * 9);
    for (let j = 0; j < len; j++) codes.push(ALNUM.charCodeAt(Math.floor(rnd() * ALNUM.length)));
    ids[i] = String.fromCharCode(...codes);
  }
  return ids;
}

/** 2–4 CJK characters (U+4E00–U+9FA5), half of them followed by 1–4 digits: 张三, 李四1988. */
export function chineseIds(n, seed = 2) {
  const rnd = prng(seed);
  const ids = new Array(n);
  for (let i = 0; i < n; i++) {
    const codes = [];
    const len = 2 + Math.floor(rnd() * 3);
    for (let j = 0; j < len; j++) codes.push(0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00)));
    if (rnd() < 0.5) for (const d of String(Math.floor(rnd() * 10_000))) codes.push(d.charCodeAt(0));
    ids[i] = String.fromCharCode(...codes);
  }
  return ids;
}
