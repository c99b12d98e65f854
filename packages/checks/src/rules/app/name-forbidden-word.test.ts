import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { nameForbiddenWord } from './name-forbidden-word.js';

describe('NAME_FORBIDDEN_WORD', () => {
  it('passes a brand and a service', async () => {
    expect(await runAppRule(nameForbiddenWord, { name: '青禾读书' })).toEqual([]);
    expect(await runAppRule(nameForbiddenWord, { name: '青禾读书最' })).toEqual([]); // 最 alone claims nothing
  });

  it('names every forbidden word found, in order', async () => {
    expect(await runAppRule(nameForbiddenWord, { name: '全国第一官方读书' })).toEqual([
      expect.objectContaining({
        code: 'NAME_FORBIDDEN_WORD',
        severity: 'error',
        message: {
          zh: '名称含有禁用词：“全国”、“第一”、“官方”',
          en: 'The name contains forbidden words: "全国", "第一", "官方"',
        },
      }),
    ]);
  });

  it('reports a superlative with the word it makes: 最好, 最佳', async () => {
    const [finding] = await runAppRule(nameForbiddenWord, { name: '青禾最好最佳读书' });
    expect(finding!.message.zh).toBe('名称含有禁用词：“最好”、“最佳”');
  });

  it('reports platform words, Latin ones in any case', async () => {
    const [finding] = await runAppRule(nameForbiddenWord, { name: '支付宝青禾ALIPAY小程序' });
    expect(finding!.message.zh).toBe('名称含有禁用词：“支付宝”、“ALIPAY”、“小程序”');
  });

  it('follows a platform’s own list', async () => {
    const words = { forbidden: ['读书'], platform: [], forbiddenPrefixes: [] };
    const [finding] = await runAppRule(nameForbiddenWord, { name: '青禾读书' }, {}, { words });
    expect(finding!.message.en).toBe('The name contains forbidden words: "读书"');
  });
});
