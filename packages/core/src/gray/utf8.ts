/**
 * A string's UTF-8 bytes, as TextEncoder writes them (a surrogate pair is one 4-byte sequence, a lone surrogate
 * U+FFFD). Core runs where TextEncoder may be missing (older mini-program runtimes, docs/architecture.md), so it
 * encodes by itself; this is only on the gray prefix's once-per-app path, never per decision.
 */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if ((c & 0xf800) !== 0xd800) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
        i++;
      } else out.push(0xef, 0xbf, 0xbd);
    }
  }
  return Uint8Array.from(out);
}
