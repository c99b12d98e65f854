import { describe, expect, it } from 'vitest';
import { runRule } from '../../testing/run-rule.js';
import { materialsScreenshotsMissing } from './materials-screenshots-missing.js';

const check = (screenshots: string[] | undefined, words = {}) =>
  runRule(materialsScreenshotsMissing, new Map(), { input: { materials: { screenshots } }, words });
const shots = (n: number) => Array.from({ length: n }, (_, i) => `https://s/${i}.png`);

describe('MATERIALS_SCREENSHOTS_MISSING', () => {
  it('passes 1 to 5 screenshots', async () => {
    expect(await check(shots(1))).toEqual([]);
    expect(await check(shots(5))).toEqual([]);
  });

  it('warns on none, blank entries not counting', async () => {
    const expected = [
      expect.objectContaining({
        code: 'MATERIALS_SCREENSHOTS_MISSING',
        severity: 'warning',
        message: { zh: '审核截图不符合要求：未提供截图', en: 'Review screenshots: none were given' },
        hint: expect.objectContaining({ zh: expect.stringContaining('1–5 张') }),
      }),
    ];
    expect(await check(undefined)).toEqual(expected);
    expect(await check(['', ' '])).toEqual(expected);
  });

  it('warns on more than the platform accepts', async () => {
    expect((await check(shots(6)))[0]!.message).toEqual({
      zh: '审核截图不符合要求：提供了 6 张，最多 5 张',
      en: 'Review screenshots: 6 were given, at most 5 are accepted',
    });
    expect(await check(shots(6), { screenshotsMax: 8 })).toEqual([]);
  });
});
