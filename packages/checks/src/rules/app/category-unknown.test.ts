import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { categoryUnknown } from './category-unknown.js';

describe('CATEGORY_UNKNOWN', () => {
  it('passes a catalog id or a Chinese name', async () => {
    expect(await runAppRule(categoryUnknown, { category: '图书' })).toEqual([]);
    expect(await runAppRule(categoryUnknown, { category: 'medical.hospital' })).toEqual([]);
    expect(await runAppRule(categoryUnknown, { category: ' 医院 ' })).toEqual([]);
  });

  it('reports anything else, by what was given', async () => {
    expect(await runAppRule(categoryUnknown, { category: '彩票' })).toEqual([
      expect.objectContaining({
        code: 'CATEGORY_UNKNOWN',
        severity: 'error',
        message: { zh: '类目“彩票”不在类目表中', en: 'The category "彩票" is not in the catalog' },
      }),
    ]);
    expect(await runAppRule(categoryUnknown, { category: 'Hospital' })).toHaveLength(1);
  });

  it('follows a platform’s catalog', async () => {
    const categories = {
      categories: [{ id: 'lottery', name: '彩票', en: 'Lottery', qualifications: [] }],
      qualificationTypes: [],
    };
    expect(await runAppRule(categoryUnknown, { category: '彩票' }, {}, { categories })).toEqual([]);
    expect(await runAppRule(categoryUnknown, { category: '图书' }, {}, { categories })).toHaveLength(1);
  });
});
