/**
 * Lines longer than this are compiled, one-line code: a line number alone does not find the spot there, so
 * the finding also gives the column and the code around it (docs/checker.md, "Compiled builds").
 */
const LONG_LINE = 200;
/** Characters of code shown on each side of the spot. */
const AROUND = 40;

export interface SourcePlace {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 units; only on long lines. */
  column?: number;
  /** The code around the spot, whitespace folded; only on long lines. */
  snippet?: string;
}

export function sourcePlace(source: string, line: (offset: number) => number, at: number): SourcePlace {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  let end = source.indexOf('\n', at);
  if (end < 0) end = source.length;
  if (end - start <= LONG_LINE) return { line: line(at) };
  const from = Math.max(start, at - AROUND);
  const to = Math.min(end, at + AROUND);
  const snippet = `${from > start ? '…' : ''}${source.slice(from, to).replace(/\s+/g, ' ')}${to < end ? '…' : ''}`;
  return { line: line(at), column: at - start + 1, snippet };
}
