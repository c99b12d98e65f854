import type { WordLists } from './word-lists.js';

/**
 * The forbidden and platform words a name contains, in order of appearance, each once. A superlative prefix
 * (最) is reported with the character after it (最好, 最佳); alone at the end it claims nothing. Latin words
 * match case-insensitively (ALIPAY, WeChat).
 */
export function findForbiddenWords(
  name: string,
  words: Pick<WordLists, 'forbidden' | 'forbiddenPrefixes' | 'platform'>,
) {
  const lower = name.toLowerCase();
  const found: { word: string; at: number }[] = [];
  for (const word of [...words.forbidden, ...words.platform]) {
    if (word === '') continue;
    const at = lower.indexOf(word.toLowerCase());
    if (at >= 0) found.push({ word: name.slice(at, at + word.length), at });
  }
  for (const prefix of words.forbiddenPrefixes) {
    if (prefix === '') continue;
    for (
      let at = lower.indexOf(prefix.toLowerCase());
      at >= 0;
      at = lower.indexOf(prefix.toLowerCase(), at + 1)
    ) {
      const next = String.fromCodePoint(name.codePointAt(at + prefix.length) ?? 0);
      if (at + prefix.length < name.length)
        found.push({ word: name.slice(at, at + prefix.length) + next, at });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.word))];
}
