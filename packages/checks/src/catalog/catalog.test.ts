import { describe, expect, it } from 'vitest';
import { createFinding } from '../finding.js';
import { CATALOG, FINDING_CODES } from './catalog.js';

describe('CATALOG', () => {
  it('has one complete entry per code, under its own name', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...FINDING_CODES].sort());
    for (const code of FINDING_CODES) {
      const entry = CATALOG[code];
      expect(entry.code).toBe(code);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      for (const text of [entry.message, entry.hint]) {
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).toMatch(/[a-z]/);
      }
      expect(entry.source).not.toBe('');
    }
  });

  it('has the codes DESIGN §4 names for the package rules', () => {
    expect(FINDING_CODES).toEqual(
      expect.arrayContaining([
        'PACKAGE_INVALID',
        'PACKAGE_TOO_LARGE',
        'APP_JSON_MISSING',
        'APP_JSON_INVALID',
        'PAGE_MISSING',
      ]),
    );
  });
});

describe('createFinding', () => {
  it('fills placeholders, per language when given both', () => {
    const finding = createFinding(CATALOG, 'APP_JSON_INVALID', {
      params: { reason: { zh: '不是对象', en: 'not an object' } },
      file: 'app.json',
      line: 3,
    });
    expect(finding).toMatchObject({
      code: 'APP_JSON_INVALID',
      severity: 'error',
      message: { zh: 'app.json 无效：不是对象', en: 'app.json is invalid: not an object' },
      file: 'app.json',
      line: 3,
    });
  });

  it('follows a tuned catalog', () => {
    const tuned = { ...CATALOG, PAGE_MISSING: { ...CATALOG.PAGE_MISSING, severity: 'warning' as const } };
    expect(createFinding(tuned, 'PAGE_MISSING').severity).toBe('warning');
  });
});
