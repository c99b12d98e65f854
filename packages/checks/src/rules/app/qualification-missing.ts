import { qualificationStatus } from '../../app/qualification-status.js';
import type { Rule } from '../rule.js';

/**
 * QUALIFICATION_MISSING: the app holds every document its category and the category's ancestors need (one of
 * them where several will do). An expired document is not missing: QUALIFICATION_EXPIRED reports it.
 */
export const qualificationMissing: Rule = {
  name: 'qualification-missing',
  needs: 'app',
  codes: ['QUALIFICATION_MISSING'],
  run({ input, categories, finding }) {
    const status = input.app && qualificationStatus(categories, input.app);
    if (!status) return [];
    const missing = status.requirements.filter((r) => r.held.length === 0).map((r) => r.types);
    if (missing.length === 0) return [];
    const list = {
      zh: missing.map((types) => types.map((t) => t.name).join('或')).join('、'),
      en: missing.map((types) => types.map((t) => t.en).join(' or ')).join(', '),
    };
    const category = { zh: status.category.name, en: status.category.en };
    return [finding('QUALIFICATION_MISSING', { params: { category, missing: list } })];
  },
};
