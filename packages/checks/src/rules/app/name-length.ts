import { charCount } from '../../app/char-count.js';
import type { Rule } from '../rule.js';

/** NAME_LENGTH: the name has `nameMinChars`–`nameMaxChars` characters, a Chinese character counting one. */
export const nameLength: Rule = {
  name: 'name-length',
  needs: 'app',
  codes: ['NAME_LENGTH'],
  run({ input, words, finding }) {
    const name = input.app?.name;
    if (name === undefined) return [];
    const count = charCount(name);
    if (count >= words.nameMinChars && count <= words.nameMaxChars) return [];
    return [
      finding('NAME_LENGTH', { params: { name, count, min: words.nameMinChars, max: words.nameMaxChars } }),
    ];
  },
};
