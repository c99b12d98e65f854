import type { Rule } from '../rule.js';

/** NAME_MISSING_BRAND: the brand appears in the name, ignoring case and spaces (Qinghe ≈ QINGHE, Qing He). */
export const nameMissingBrand: Rule = {
  name: 'name-missing-brand',
  needs: 'app',
  codes: ['NAME_MISSING_BRAND'],
  run({ input, finding }) {
    const app = input.app;
    if (app === undefined || normalize(app.brand) === '') return [];
    if (normalize(app.name).includes(normalize(app.brand))) return [];
    return [finding('NAME_MISSING_BRAND', { params: { name: app.name, brand: app.brand.trim() } })];
  },
};

function normalize(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
