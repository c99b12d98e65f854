/** Separators that join words without adding meaning (杭州-外卖 is as generic as 杭州外卖). */
const SEPARATORS = /[\s_+-]/g;

/**
 * The generic words the whole name splits into, longest words first, or undefined when some part of it is
 * not a generic word (it carries a brand). A name that is only separators is not judged here.
 *
 * Greedy longest-match alone misses covers such as 二手房产 (二手房 + 产 fails, 二手 + 房产 covers): the
 * search backtracks to shorter words when the longest leaves a remainder nothing covers.
 */
export function segmentGeneric(name: string, generic: readonly string[]): string[] | undefined {
  const chars = [...name.replace(SEPARATORS, '').toLowerCase()];
  if (chars.length === 0) return undefined;
  const words = new Set(generic.map((w) => w.toLowerCase()).filter((w) => w !== ''));
  const longest = Math.max(0, ...[...words].map((w) => [...w].length));
  const memo = new Map<number, string[] | undefined>();
  const from = (start: number): string[] | undefined => {
    if (start === chars.length) return [];
    if (memo.has(start)) return memo.get(start);
    let result: string[] | undefined;
    for (let end = Math.min(chars.length, start + longest); end > start && !result; end--) {
      const word = chars.slice(start, end).join('');
      if (!words.has(word)) continue;
      const rest = from(end);
      if (rest) result = [word, ...rest];
    }
    memo.set(start, result);
    return result;
  };
  return from(0);
}
