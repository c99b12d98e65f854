import { segmentGeneric } from '../../app/generic-segments.js';
import type { Rule } from '../rule.js';

/** NAME_TOO_GENERIC: a name covered entirely by generic words (杭州 + 外卖) names no one's service. */
export const nameTooGeneric: Rule = {
  name: 'name-too-generic',
  needs: 'app',
  codes: ['NAME_TOO_GENERIC'],
  run({ input, words, finding }) {
    const name = input.app?.name;
    if (name === undefined) return [];
    const segments = segmentGeneric(name, words.generic);
    if (!segments) return [];
    return [finding('NAME_TOO_GENERIC', { params: { name, words: segments.join(' + ') } })];
  },
};
