import { describe, expect, it } from 'vitest';
import { runAppRule } from '../../testing/run-app-rule.js';
import { qualificationExpired } from './qualification-expired.js';

const hospital = (...expiries: string[]) => ({
  category: '医院',
  qualifications: expiries.map((expiresAt) => ({ type: '医疗机构执业许可证', expiresAt })),
});

describe('QUALIFICATION_EXPIRED', () => {
  it('passes a document valid through today, and a renewed one beside the expired copy', async () => {
    expect(await runAppRule(qualificationExpired, hospital('2025-06-01'))).toEqual([]);
    expect(await runAppRule(qualificationExpired, hospital('2024-01-01', '2027-01-01'))).toEqual([]);
  });

  it('passes when the document is missing (QUALIFICATION_MISSING speaks) or not needed', async () => {
    expect(await runAppRule(qualificationExpired, hospital())).toEqual([]);
    const tools = { category: '工具', qualifications: [{ type: '金融许可证', expiresAt: '2001-01-01' }] };
    expect(await runAppRule(qualificationExpired, tools)).toEqual([]);
  });

  it('reports a needed document expired before today, with its latest expiry', async () => {
    expect(await runAppRule(qualificationExpired, hospital('2023-05-31', '2025-05-31'))).toEqual([
      expect.objectContaining({
        code: 'QUALIFICATION_EXPIRED',
        severity: 'error',
        message: {
          zh: '资质“医疗机构执业许可证”有效期至 2025-05-31，已过期',
          en: 'The document "Medical institution practice license" was valid until 2025-05-31 and has expired',
        },
      }),
    ]);
  });

  it('takes `today` from the input, and an unreadable expiry as not valid', async () => {
    expect(await runAppRule(qualificationExpired, hospital('2025-05-31'), { today: '2025-05-01' })).toEqual(
      [],
    );
    expect(await runAppRule(qualificationExpired, hospital('someday'))).toHaveLength(1);
  });
});
