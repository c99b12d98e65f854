import type { Rule } from '../rule.js';

/**
 * MATERIALS_SCREENSHOTS_MISSING: a submission carries 1–`screenshotsMax` screenshots (blank entries do not
 * count). Too many is the same code: the platform refuses the extra ones just as it warns on none.
 */
export const materialsScreenshotsMissing: Rule = {
  name: 'materials-screenshots-missing',
  needs: 'submission',
  codes: ['MATERIALS_SCREENSHOTS_MISSING'],
  run({ input, words, finding }) {
    const count = (input.materials?.screenshots ?? []).filter((s) => s.trim() !== '').length;
    const max = words.screenshotsMax;
    if (count === 0) {
      const problem = { zh: '未提供截图', en: 'none were given' };
      return [finding('MATERIALS_SCREENSHOTS_MISSING', { params: { problem, max } })];
    }
    if (count <= max) return [];
    const problem = {
      zh: `提供了 ${count} 张，最多 ${max} 张`,
      en: `${count} were given, at most ${max} are accepted`,
    };
    return [finding('MATERIALS_SCREENSHOTS_MISSING', { params: { problem, max } })];
  },
};
