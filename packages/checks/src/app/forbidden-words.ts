import type { WordLists } from './word-lists.js';

/** One forbidden or platform word where it stands in the name (`at`, a UTF-16 offset). */
export interface ForbiddenOccurrence {
  word: string;
  at: number;
}

/**
 * The forbidden and platform words a name contains, in order of appearance, each once. A superlative prefix
 * (最) is reported with the character after it (最好, 最佳); alone at the end it claims nothing. Latin words
 * match case-insensitively (ALIPAY, WeChat).
 */
export function findForbiddenWords(
  name: string,
  words: Pick<WordLists, 'forbidden' | 'forbiddenPrefixes' | 'platform'>,
): string[] {
  return [...new Set(forbiddenOccurrences(name, words).map((f) => f.word))];
}

/** Every occurrence of a forbidden or platform word, in order: the same word twice is two occurrences. */
export function forbiddenOccurrences(
  name: string,
  words: Pick<WordLists, 'forbidden' | 'forbiddenPrefixes' | 'platform'>,
): ForbiddenOccurrence[] {
  const lower = name.toLowerCase();
  const found: ForbiddenOccurrence[] = [];
  const each = (needle: string, add: (at: number) => void) => {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) add(at);
  };
  for (const word of [...words.forbidden, ...words.platform]) {
    if (word === '') continue;
    each(word.toLowerCase(), (at) => found.push({ word: name.slice(at, at + word.length), at }));
  }
  for (const prefix of words.forbiddenPrefixes) {
    if (prefix === '') continue;
    each(prefix.toLowerCase(), (at) => {
      const next = String.fromCodePoint(name.codePointAt(at + prefix.length) ?? 0);
      if (at + prefix.length < name.length)
        found.push({ word: name.slice(at, at + prefix.length) + next, at });
    });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The occurrences that lie wholly inside the brand where the name carries it (中国 in 中国银行信用卡 when the
 * brand is 中国银行): words of the app's own brand rather than claims the name makes. Case-insensitive, as
 * NAME_MISSING_BRAND matches brands.
 */
export function insideBrand(name: string, brand: string): (found: ForbiddenOccurrence) => boolean {
  const needle = brand.trim().toLowerCase();
  const ranges: [number, number][] = [];
  if (needle !== '') {
    const lower = name.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      ranges.push([at, at + needle.length]);
    }
  }
  return (f: ForbiddenOccurrence) => ranges.some(([from, to]) => f.at >= from && f.at + f.word.length <= to);
}
