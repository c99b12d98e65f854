import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORDS } from '../../app/word-lists.js';
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

describe('NAME_FORBIDDEN_WORD and the app’s own brand', () => {
  const TRADEMARK = { type: '商标注册证', number: '第1234567号', expiresAt: '2030-12-31' };
  const bank = { name: '中国银行信用卡', brand: '中国银行', category: 'finance.bank' };

  it('allows 中国 of the brand 中国银行 when the app holds its trademark, or a brand authorization', async () => {
    expect(await runAppRule(nameForbiddenWord, { ...bank, qualifications: [TRADEMARK] })).toEqual([]);
    const authorization = { type: 'brand-authorization', number: 'SQ-1', expiresAt: '2030-12-31' };
    const grid = { name: '国家电网缴费', brand: '国家电网', qualifications: [authorization] };
    expect(await runAppRule(nameForbiddenWord, grid)).toEqual([]);
  });

  it('keeps the finding without the document, its hint naming what lifts it', async () => {
    const [finding] = await runAppRule(nameForbiddenWord, { ...bank, qualifications: [] });
    expect(finding!.message.zh).toBe('名称含有禁用词：“中国”');
    expect(finding!.hint.zh).toContain(
      '“中国”是品牌“中国银行”的一部分：将商标注册证或品牌授权书登记为应用资质',
    );
    expect(finding!.hint.en).toContain('register a trademark registration certificate (商标注册证)');
    const expired = { ...TRADEMARK, expiresAt: '2020-01-01' };
    expect(await runAppRule(nameForbiddenWord, { ...bank, qualifications: [expired] })).toHaveLength(1);
  });

  it('still reports a restricted word outside the brand, and says nothing of the brand then', async () => {
    const [finding] = await runAppRule(nameForbiddenWord, {
      ...bank,
      name: '中国银行全国通',
      qualifications: [TRADEMARK],
    });
    expect(finding!.message.zh).toBe('名称含有禁用词：“全国”');
    expect(finding!.hint.zh).not.toContain('商标注册证');
    expect(finding!.hint.zh.endsWith('如“青禾外卖”。')).toBe(true);
  });

  it('does not count a brand word the name does not carry as the brand: 中国 beside 银行 apart', async () => {
    const [finding] = await runAppRule(nameForbiddenWord, {
      ...bank,
      name: '银行中国卡',
      qualifications: [TRADEMARK],
    });
    expect(finding!.message.zh).toBe('名称含有禁用词：“中国”');
  });
});

describe('NAME_FORBIDDEN_WORD, as a law', () => {
  const piece = fc.constantFrom(...DEFAULT_WORDS.forbidden, '青禾', '银行', '电网', '读书', '支付宝');
  const TRADEMARK = { type: 'trademark-registration', number: '1', expiresAt: '2099-12-31' };

  it('holding a trademark never adds a reported word; without a brand in the name it changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.nat(3), async (parts, cut) => {
        const name = parts.join('');
        const brand = parts.slice(0, Math.min(cut + 1, parts.length)).join('');
        const words = async (qualifications: (typeof TRADEMARK)[]) =>
          (await runAppRule(nameForbiddenWord, { name, brand, qualifications }))[0]?.message.zh ?? '';
        const without = await words([]);
        const held = await words([TRADEMARK]);
        for (const w of held.match(/“[^”]+”/g) ?? []) expect(without).toContain(w);
        const elsewhere = await runAppRule(nameForbiddenWord, {
          name,
          brand: '翡翠鸟',
          qualifications: [TRADEMARK],
        });
        expect(elsewhere[0]?.message.zh ?? '').toBe(without);
      }),
      { numRuns: 200 },
    );
  });
});
