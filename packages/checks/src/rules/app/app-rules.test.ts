import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog/catalog.js';
import { APP_CODES } from '../../catalog/codes.js';
import { checkSubmission } from '../../check.js';
import { QINGHE_BOOKS } from '../../testing/run-app-rule.js';
import { ALL_RULES } from '../all-rules.js';
import { APP_RULES } from './app-rules.js';

// The server's walk-through registers the examples' app this way (server/src/testing/fixtures.ts).
const NOTES = '青禾读书首个版本：书架、图书详情与借阅记录，支持按书名搜索馆藏图书。';

describe('APP_RULES', () => {
  it('cover every app code, one rule each, and run with the others', () => {
    expect(APP_RULES.flatMap((r) => r.codes).sort()).toEqual([...APP_CODES].sort());
    for (const rule of APP_RULES) expect(ALL_RULES).toContain(rule);
  });

  it('pass the examples’ app (青禾读书, 图书) clean at upload and at submit', async () => {
    const materials = { testAccount: 'reviewer01', testPassword: 'pw', screenshots: ['https://s/1.png'] };
    const input = { app: QINGHE_BOOKS, description: NOTES, materials, usesLogin: true };
    expect((await checkSubmission({ input })).findings).toEqual([]);
  });

  it('report a rejected app’s every problem at once, in order', async () => {
    const app = { name: '杭州 外卖', brand: '青禾', category: '外卖', qualifications: [] };
    const report = await checkSubmission({
      input: { app, description: '修复', materials: {}, usesLogin: true },
    });
    expect(report.findings.map((f) => f.code)).toEqual([
      'NAME_INVALID_CHARS',
      'NAME_TOO_GENERIC',
      'NAME_MISSING_BRAND',
      'QUALIFICATION_MISSING',
      'VERSION_DESC_LENGTH',
      'MATERIALS_TEST_ACCOUNT_MISSING',
      'MATERIALS_SCREENSHOTS_MISSING',
    ]);
    expect(report.ok).toBe(false);
    for (const f of report.findings) expect(JSON.stringify([f.message, f.hint])).not.toMatch(/\{\w+\}/);
  });

  it('have catalog wording in both languages, with a hint and a source', () => {
    for (const code of APP_CODES) {
      const entry = CATALOG[code];
      for (const text of [entry.message, entry.hint]) {
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).toMatch(/[a-z]{3}/);
        expect(text.en).not.toBe(code);
      }
      expect(entry.source).not.toMatch(/to be written/);
    }
  });
});
