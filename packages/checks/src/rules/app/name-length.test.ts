import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { runRule } from '../../testing/run-rule.js';
import { nameLength } from './name-length.js';

describe('NAME_LENGTH', () => {
  it('passes 3 to 30 characters, a Chinese character counting one', async () => {
    expect(await runAppRule(nameLength, { name: '青禾读书' })).toEqual([]);
    expect(await runAppRule(nameLength, { name: '青禾a' })).toEqual([]);
    expect(await runAppRule(nameLength, { name: '青'.repeat(30) })).toEqual([]);
  });

  it('reports 2 characters and 31, with the count and the limits', async () => {
    expect(await runAppRule(nameLength, { name: '青禾' })).toEqual([
      expect.objectContaining({
        code: 'NAME_LENGTH',
        severity: 'error',
        message: {
          zh: '名称“青禾”有 2 个字符，应为 3–30 个',
          en: 'The name "青禾" has 2 characters; it must have 3–30',
        },
      }),
    ]);
    const [long] = await runAppRule(nameLength, { name: '青'.repeat(31) });
    expect(long!.message.en).toMatch(/has 31 characters/);
  });

  it('counts an emoji as one character, not two UTF-16 units', async () => {
    expect(await runAppRule(nameLength, { name: '青禾😀' })).toEqual([]);
  });

  it('follows the limits a platform sets in its word lists', async () => {
    const words = { nameMinChars: 2, nameMaxChars: 4 };
    expect(await runAppRule(nameLength, { name: '青禾' }, {}, { words })).toEqual([]);
    const [finding] = await runAppRule(nameLength, { name: '青禾读书馆' }, {}, { words });
    expect(finding!.hint.zh).toContain('2–4 个字符');
  });

  it('says nothing when no app is given', async () => {
    expect(await runRule(nameLength, new Map())).toEqual([]);
  });
});
