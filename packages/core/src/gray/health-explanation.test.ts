import { describe, expect, it } from 'vitest';
import { assessHealth, type HealthStretch } from './health.js';
import { explainHealth } from './health-explanation.js';

const updatedAt = '2026-12-03T10:00:00.000Z';
const side = ([launches, errors, crashes, feedback]: readonly number[]) => ({
  launches: launches ?? 0,
  errors: errors ?? 0,
  crashes: crashes ?? 0,
  feedback: feedback ?? 0,
});
const stretch = (bp: number, gray: readonly number[], stable: readonly number[]): HealthStretch => ({
  grayBasisPoints: bp,
  gray: side(gray),
  stable: side(stable),
});
/** Latin words other than the e-value's "e" would mean English leaked into the Chinese sentence. */
const latinWords = (s: string) => s.match(/[A-Za-z]{2,}/g) ?? [];

describe('explainHealth', () => {
  it('gives the server’s own sentence in English', () => {
    const h = assessHealth([stretch(100, [3_000, 120, 6, 15], [297_000, 2_970, 594, 1_485])], { updatedAt });
    expect(explainHealth(h, 'en')).toBe(h.explanation);
  });

  it('says in Chinese which signal is worse, with the numbers of the verdict', () => {
    const h = assessHealth([stretch(100, [3_000, 120, 6, 15], [297_000, 2_970, 594, 1_485])], { updatedAt });
    const zh = explainHealth(h, 'zh');
    expect(zh).toMatch(/^变差：错误率灰度 4\.00%，稳定 1\.00%（倍数 4\.00，e 值 /);
    expect(zh).not.toContain('崩溃率');
    expect(latinWords(zh)).toEqual([]);
  });

  it('says in Chinese what is still open and how many launches it needs', () => {
    const h = assessHealth([stretch(100, [200, 2, 0, 1], [19_800, 198, 40, 99])], { updatedAt });
    expect(h.verdict).toBe('insufficient_data');
    const zh = explainHealth(h, 'zh');
    expect(zh).toMatch(/^数据不足：/);
    if (h.launchesNeeded !== undefined) expect(zh).toContain(`约还需 ${h.launchesNeeded} 次灰度启动`);
    else expect(zh).toContain('无法估计');
    expect(latinWords(zh)).toEqual([]);
  });

  it('names a sample-ratio mismatch in Chinese with both shares', () => {
    const h = assessHealth([stretch(100, [3_000, 30, 6, 15], [7_000, 70, 14, 35])], { updatedAt });
    expect(h.sampleRatioMismatch).toBe(true);
    expect(explainHealth(h, 'zh')).toMatch(/^样本比例失衡：灰度占启动 30\.00%，应为 1\.00%/);
  });

  it('says healthy in Chinese with the gray launches it took', () => {
    const h = assessHealth([stretch(100, [60_000, 600, 120, 300], [5_940_000, 59_400, 11_880, 29_700])], {
      updatedAt,
    });
    expect(h.verdict).toBe('healthy');
    expect(explainHealth(h, 'zh')).toBe('健康：60000 次灰度启动后，各项指标均已确认不高于稳定版的允许倍数');
  });
});
