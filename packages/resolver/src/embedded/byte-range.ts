/** One byte range of a representation, both ends inclusive (RFC 9110 §14.1.2). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** What to send for a request's Range: the whole body, one part (206), or 416. */
export type RangeDecision =
  | { readonly kind: 'whole' }
  | ({ readonly kind: 'part' } & ByteRange)
  | { readonly kind: 'unsatisfiable' };

const WHOLE: RangeDecision = { kind: 'whole' };
const UNSATISFIABLE: RangeDecision = { kind: 'unsatisfiable' };
/** `bytes=a-b`, `bytes=a-`, `bytes=-n`; 15 digits keep every number exact in a double. */
const SINGLE = /^bytes=(?:(\d{1,15})-(\d{1,15})?|-(\d{1,15}))$/i;

/**
 * Reads a Range header for a body of `size` bytes. One range is served; anything else a server may ignore
 * (RFC 9110 §14.2) is ignored and the whole body is sent: several ranges, another unit, a malformed or
 * reversed range. A well-formed range that starts past the end is unsatisfiable (416).
 */
export function parseByteRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return WHOLE;
  const match = SINGLE.exec(header.trim());
  if (!match) return WHOLE;
  const [, first, last, suffix] = match;
  if (suffix !== undefined) {
    const length = Number(suffix);
    if (length === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== undefined && Number(last) < start) return WHOLE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'part', start, end: last === undefined ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * The range to serve, honouring If-Range: when it names another validator than the current ETag, the client's
 * partial copy is stale and it gets the whole body instead of a part that would not fit.
 */
export function rangeFor(
  headers: { range?: string | undefined; 'if-range'?: string | undefined },
  size: number,
  etag: string,
): RangeDecision {
  const ifRange = headers['if-range'];
  if (ifRange !== undefined && ifRange.trim() !== etag) return WHOLE;
  return parseByteRange(headers.range, size);
}

/** The Content-Range of a part, or of a 416 answer (`bytes *\/size`). */
export function contentRange(range: ByteRange | null, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}

/** Whether an If-None-Match header names `etag` (a list, weak forms, or `*`) — RFC 9110 §13.1.2. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strong = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === strong;
  });
}
