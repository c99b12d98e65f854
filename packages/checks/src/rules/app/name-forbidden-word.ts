import { findForbiddenWords } from '../../app/forbidden-words.js';
import type { Rule } from '../rule.js';

/** NAME_FORBIDDEN_WORD: no absolute or official-sounding word (全国, 官方, 最…) and no platform brand (支付宝). */
export const nameForbiddenWord: Rule = {
  name: 'name-forbidden-word',
  needs: 'app',
  codes: ['NAME_FORBIDDEN_WORD'],
  run({ input, words, finding }) {
    const name = input.app?.name;
    if (name === undefined) return [];
    const found = findForbiddenWords(name, words);
    if (found.length === 0) return [];
    const list = { zh: found.map((w) => `“${w}”`).join('、'), en: found.map((w) => `"${w}"`).join(', ') };
    return [finding('NAME_FORBIDDEN_WORD', { params: { words: list } })];
  },
};
