import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATEGORIES,
  findCategory,
  findQualificationType,
  requiredQualifications,
} from './category-catalog.js';
import { checkCategoryCatalog } from './category-catalog-validation.js';

const names = (catalog = DEFAULT_CATEGORIES, category = '') =>
  requiredQualifications(catalog, findCategory(catalog, category)!).map((types) => types.map((t) => t.name));

describe('DEFAULT_CATEGORIES', () => {
  it('is a tree of at least 25 categories with unique ids and names, parents and documents that exist', () => {
    expect(DEFAULT_CATEGORIES.categories.length).toBeGreaterThanOrEqual(25);
    expect(() => checkCategoryCatalog(DEFAULT_CATEGORIES, 'default')).not.toThrow();
    for (const c of DEFAULT_CATEGORIES.categories)
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)?$/);
  });

  it('finds a category by id or Chinese name', () => {
    expect(findCategory(DEFAULT_CATEGORIES, 'medical.hospital')?.name).toBe('医院');
    expect(findCategory(DEFAULT_CATEGORIES, '医院')?.id).toBe('medical.hospital');
    expect(findCategory(DEFAULT_CATEGORIES, 'Hospital')).toBeUndefined();
  });

  it('finds a qualification type by id or Chinese name', () => {
    expect(findQualificationType(DEFAULT_CATEGORIES, '金融许可证')?.id).toBe('financial-license');
    expect(findQualificationType(DEFAULT_CATEGORIES, 'icp-license')?.name).toBe('增值电信业务经营许可证');
  });

  it('asks nothing of 图书 (the examples), 工具 and 社交', () => {
    for (const category of ['图书', '工具', '社交']) expect(names(DEFAULT_CATEGORIES, category)).toEqual([]);
  });

  it('asks the documents of the industry, with the parent’s', () => {
    expect(names(DEFAULT_CATEGORIES, '医院')).toEqual([['医疗机构执业许可证']]);
    expect(names(DEFAULT_CATEGORIES, 'finance.bank')).toEqual([['金融许可证']]);
    expect(names(DEFAULT_CATEGORIES, '外卖')).toEqual([['食品经营许可证']]);
    expect(names(DEFAULT_CATEGORIES, '公安')).toEqual([['政府机关证明', '事业单位法人证书']]);
  });

  it('stops at a parent cycle in a platform’s catalog instead of looping', () => {
    const catalog = {
      categories: [
        { id: 'a', name: '甲', en: 'A', parent: 'b', qualifications: ['x'] },
        { id: 'b', name: '乙', en: 'B', parent: 'a', qualifications: ['x'] },
      ],
      qualificationTypes: [{ id: 'x', name: '某证', en: 'X' }],
    };
    expect(names(catalog, 'a')).toEqual([['某证']]);
  });
});
