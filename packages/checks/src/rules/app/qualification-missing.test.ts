import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { qualificationMissing } from './qualification-missing.js';

const doc = (type: string, expiresAt = '2030-01-01') => ({ type, number: 'X1', expiresAt });

describe('QUALIFICATION_MISSING', () => {
  it('passes categories that need nothing, and unknown ones (CATEGORY_UNKNOWN speaks)', async () => {
    expect(await runAppRule(qualificationMissing, { category: '图书' })).toEqual([]);
    expect(await runAppRule(qualificationMissing, { category: 'tools' })).toEqual([]);
    expect(await runAppRule(qualificationMissing, { category: '彩票' })).toEqual([]);
  });

  it('passes documents given by Chinese name or by id, expired ones too', async () => {
    const pharmacy = [doc('药品经营许可证'), doc('internet-drug-info-certificate', '2020-01-01')];
    expect(await runAppRule(qualificationMissing, { category: '药店', qualifications: pharmacy })).toEqual(
      [],
    );
  });

  it('lists the missing documents of the category', async () => {
    expect(
      await runAppRule(qualificationMissing, {
        category: 'medical.pharmacy',
        qualifications: [doc('药品经营许可证')],
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'QUALIFICATION_MISSING',
        severity: 'error',
        message: {
          zh: '类目“药店”需要的资质缺失：互联网药品信息服务资格证书',
          en: 'The category "Pharmacy" needs documents the app lacks: Internet drug information service certificate',
        },
      }),
    ]);
  });

  it('includes the parent’s documents (外卖 under 餐饮) and either-or ones (政务)', async () => {
    const [food] = await runAppRule(qualificationMissing, { category: '外卖' });
    expect(food!.message.zh).toBe('类目“外卖”需要的资质缺失：食品经营许可证');
    const [gov] = await runAppRule(qualificationMissing, { category: '社保' });
    expect(gov!.message.zh).toBe('类目“社保”需要的资质缺失：政府机关证明或事业单位法人证书');
    expect(
      await runAppRule(qualificationMissing, { category: '社保', qualifications: [doc('事业单位法人证书')] }),
    ).toEqual([]);
  });
});
