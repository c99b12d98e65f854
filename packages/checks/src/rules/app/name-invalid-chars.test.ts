import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { nameInvalidChars } from './name-invalid-chars.js';

describe('NAME_INVALID_CHARS', () => {
  it('passes Chinese, ASCII letters, digits and _ + -', async () => {
    expect(await runAppRule(nameInvalidChars, { name: '青禾Books_2+go-读书' })).toEqual([]);
    expect(await runAppRule(nameInvalidChars, { name: '𠀀青禾' })).toEqual([]); // CJK extension B
  });

  it('reports a space by name and says spaces are not allowed', async () => {
    expect(await runAppRule(nameInvalidChars, { name: '青禾 读书' })).toEqual([
      expect.objectContaining({
        code: 'NAME_INVALID_CHARS',
        severity: 'error',
        message: {
          zh: '名称含有不允许的字符：空格',
          en: 'The name contains characters that are not allowed: space',
        },
        hint: expect.objectContaining({ zh: expect.stringContaining('不能含空格') }),
      }),
    ]);
  });

  it('lists each offending character once: punctuation, full-width letters, emoji, controls', async () => {
    const [finding] = await runAppRule(nameInvalidChars, { name: '青禾·读书！！Ａ😀\t' });
    expect(finding!.message.zh).toBe('名称含有不允许的字符：“·”、“！”、“Ａ”、“😀”、U+0009');
    expect(finding!.message.en).toBe(
      'The name contains characters that are not allowed: "·", "！", "Ａ", "😀", U+0009',
    );
  });
});
