import { describe, expect, it } from 'vitest';
import { displayWidth, table } from './table.js';

describe('table', () => {
  it('counts Chinese characters as two columns and ignores colour codes', () => {
    expect(displayWidth('青禾读书')).toBe(8);
    expect(displayWidth('\u001b[32mRELEASE\u001b[39m')).toBe(7);
  });

  it('aligns columns under Chinese text', () => {
    expect(
      table(
        ['app', 'name'],
        [
          ['qinghe-books', '青禾读书'],
          ['a', 'b'],
        ],
      ),
    ).toEqual(['app           name', 'qinghe-books  青禾读书', 'a             b']);
    expect(table(['名称', 'x'], [['ab', 'y']])).toEqual(['名称  x', 'ab    y']);
  });
});
