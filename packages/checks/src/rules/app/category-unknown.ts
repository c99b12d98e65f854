import { findCategory } from '../../app/category-catalog.js';
import type { Rule } from '../rule.js';

/** CATEGORY_UNKNOWN: the category is a catalog id (`medical.hospital`) or a Chinese name (医院). */
export const categoryUnknown: Rule = {
  name: 'category-unknown',
  needs: 'app',
  codes: ['CATEGORY_UNKNOWN'],
  run({ input, categories, finding }) {
    const category = input.app?.category;
    if (category === undefined || findCategory(categories, category)) return [];
    return [finding('CATEGORY_UNKNOWN', { params: { category } })];
  },
};
