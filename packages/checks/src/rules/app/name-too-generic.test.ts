import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { nameTooGeneric } from './name-too-generic.js';

describe('NAME_TOO_GENERIC', () => {
  it('passes a name with a brand among generic words', async () => {
    expect(await runAppRule(nameTooGeneric, { name: '青禾外卖' })).toEqual([]);
    expect(await runAppRule(nameTooGeneric, { name: '青禾读书' })).toEqual([]);
    expect(await runAppRule(nameTooGeneric, { name: '杭州外卖2' })).toEqual([]);
  });

  it('reports a name made of a city and a service, showing the words', async () => {
    expect(await runAppRule(nameTooGeneric, { name: '杭州外卖' })).toEqual([
      expect.objectContaining({
        code: 'NAME_TOO_GENERIC',
        severity: 'error',
        message: {
          zh: '名称“杭州外卖”仅由通用词组成（杭州 + 外卖），没有可识别的品牌',
          en: 'The name "杭州外卖" is made only of generic words (杭州 + 外卖), with no distinguishing brand',
        },
      }),
    ]);
  });

  it('reports category names, provinces with their suffix, and separators between words', async () => {
    const words = async (name: string) => (await runAppRule(nameTooGeneric, { name }))[0]?.message.zh;
    expect(await words('浙江省二手房')).toContain('（浙江省 + 二手房）');
    expect(await words('日历')).toContain('（日历）');
    expect(await words('上海-打车_助手')).toContain('（上海 + 打车 + 助手）');
    expect(await words('天气预报Pro')).toContain('（天气预报 + pro）');
  });

  it('backtracks when the longest word leaves a remainder: 二手 + 房产', async () => {
    const [finding] = await runAppRule(nameTooGeneric, { name: '二手房产' });
    expect(finding!.message.en).toContain('(二手 + 房产)');
  });

  it('reports names made of generic compounds the platforms name: 共享单车, 在线教育, 生鲜超市, 家政服务, 同城快送', async () => {
    const words = async (name: string) => (await runAppRule(nameTooGeneric, { name }))[0]?.message.zh;
    expect(await words('共享单车')).toContain('（共享 + 单车）');
    expect(await words('在线教育')).toContain('（在线教育）');
    expect(await words('生鲜超市')).toContain('（生鲜 + 超市）');
    expect(await words('家政服务')).toContain('（家政 + 服务）');
    expect(await words('同城快送')).toContain('（同城 + 快送）');
    expect(await words('杭州同城配送平台')).toContain('（杭州 + 同城配送 + 平台）');
    expect(await runAppRule(nameTooGeneric, { name: '青禾单车' })).toEqual([]);
    expect(await runAppRule(nameTooGeneric, { name: '达达快送' })).toEqual([]);
  });

  it('follows a platform’s generic list', async () => {
    const words = { generic: ['青禾', '读书'] };
    expect(await runAppRule(nameTooGeneric, { name: '青禾读书' }, {}, { words })).toHaveLength(1);
    expect(await runAppRule(nameTooGeneric, { name: '杭州外卖' }, {}, { words })).toEqual([]);
  });
});
