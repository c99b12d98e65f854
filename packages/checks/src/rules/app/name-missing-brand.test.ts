import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { nameMissingBrand } from './name-missing-brand.js';

describe('NAME_MISSING_BRAND', () => {
  it('passes a name carrying the brand, Latin in any case and spacing', async () => {
    expect(await runAppRule(nameMissingBrand, { name: '青禾读书', brand: '青禾' })).toEqual([]);
    expect(await runAppRule(nameMissingBrand, { name: 'QINGHE读书', brand: 'Qing He' })).toEqual([]);
    expect(await runAppRule(nameMissingBrand, { name: '青禾读书', brand: ' ' })).toEqual([]);
  });

  it('warns when the brand is absent, suggesting brand + service', async () => {
    expect(await runAppRule(nameMissingBrand, { name: '书香读书', brand: '青禾' })).toEqual([
      expect.objectContaining({
        code: 'NAME_MISSING_BRAND',
        severity: 'warning',
        message: {
          zh: '名称“书香读书”不含品牌“青禾”',
          en: 'The name "书香读书" does not contain the brand "青禾"',
        },
        hint: expect.objectContaining({ zh: expect.stringContaining('如“青禾外卖”') }),
      }),
    ]);
  });
});
