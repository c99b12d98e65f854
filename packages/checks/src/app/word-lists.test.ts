import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './category-catalog.js';
import { findForbiddenWords } from './forbidden-words.js';
import { segmentGeneric } from './generic-segments.js';
import { DEFAULT_WORDS } from './word-lists.js';

describe('DEFAULT_WORDS', () => {
  it('ships at least 200 generic words, none a single character, with every category name', () => {
    expect(DEFAULT_WORDS.generic.length).toBeGreaterThanOrEqual(200);
    expect(new Set(DEFAULT_WORDS.generic).size).toBe(DEFAULT_WORDS.generic.length);
    for (const word of DEFAULT_WORDS.generic) expect([...word].length).toBeGreaterThan(1);
    expect(DEFAULT_WORDS.generic).toEqual(
      expect.arrayContaining(DEFAULT_CATEGORIES.categories.map((c) => c.name)),
    );
    expect(DEFAULT_WORDS.generic).toEqual(expect.arrayContaining(['外卖', '打车', '杭州', '日历', '二手房']));
  });

  it('has Alipay’s limits', () => {
    expect(DEFAULT_WORDS).toMatchObject({ nameMinChars: 3, nameMaxChars: 30, descriptionMinChars: 30 });
  });

  it('keeps the examples’ name 青禾读书 clean', () => {
    expect(findForbiddenWords('青禾读书', DEFAULT_WORDS)).toEqual([]);
    expect(segmentGeneric('青禾读书', DEFAULT_WORDS.generic)).toBeUndefined();
  });
});

describe('segmentGeneric', () => {
  it('covers a name with generic words, longest first', () => {
    expect(segmentGeneric('天气预报', ['天气', '预报', '天气预报'])).toEqual(['天气预报']);
    expect(segmentGeneric('杭州外卖', ['杭州', '外卖'])).toEqual(['杭州', '外卖']);
  });

  it('finds no cover when a part is not generic, or nothing is left', () => {
    expect(segmentGeneric('青禾外卖', ['外卖'])).toBeUndefined();
    expect(segmentGeneric('--', ['外卖'])).toBeUndefined();
  });
});
