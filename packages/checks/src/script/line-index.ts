/**
 * Turns offsets into 1-based line numbers. oxc reports UTF-16 offsets, the same unit as JavaScript strings, so
 * they index `source` directly. Line starts are found once, on the first question, then searched.
 */
export function lineIndex(source: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      let at = source.indexOf('\n');
      while (at >= 0) {
        starts.push(at + 1);
        at = source.indexOf('\n', at + 1);
      }
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
