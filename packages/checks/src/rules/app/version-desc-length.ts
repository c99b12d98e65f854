import { charCount } from '../../app/char-count.js';
import type { Rule } from '../rule.js';

/** VERSION_DESC_LENGTH: the release notes, trimmed, have `descriptionMinChars`–`descriptionMaxChars` characters. */
export const versionDescLength: Rule = {
  name: 'version-desc-length',
  needs: 'app',
  codes: ['VERSION_DESC_LENGTH'],
  run({ input, words, finding }) {
    if (input.description === undefined) return [];
    const count = charCount(input.description.trim());
    const [min, max] = [words.descriptionMinChars, words.descriptionMaxChars];
    if (count >= min && count <= max) return [];
    return [finding('VERSION_DESC_LENGTH', { params: { count, min, max } })];
  },
};
