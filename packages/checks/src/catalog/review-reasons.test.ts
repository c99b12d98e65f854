import { describe, expect, it } from 'vitest';
import { CATALOG, FINDING_CODES } from './catalog.js';
import { REVIEWER_REASON_CODES, REVIEWER_REASONS, reviewReasons } from './review-reasons.js';

describe('reviewReasons', () => {
  it('never shares a code between the checker and the reviewer, and names each code once', () => {
    const codes = reviewReasons(CATALOG).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(FINDING_CODES.length + REVIEWER_REASON_CODES.length);
    for (const code of REVIEWER_REASON_CODES) expect(code).toMatch(/^REVIEW_/);
    for (const code of FINDING_CODES) expect(code).not.toMatch(/^REVIEW_/);
  });

  it('blanks the placeholders a finding would fill: NAME_LENGTH reads 名称“…”有 … 个字符', () => {
    const nameLength = reviewReasons(CATALOG).find((r) => r.code === 'NAME_LENGTH');
    expect(nameLength?.label.zh).toBe('名称“…”有 … 个字符，应为 …–… 个');
    expect(nameLength?.source).toBe('checker');
  });

  it('gives every reviewer code a label and a hint in both languages', () => {
    for (const code of REVIEWER_REASON_CODES) {
      const { label, hint } = REVIEWER_REASONS[code];
      for (const text of [label, hint]) {
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).toMatch(/^[A-Z]/);
      }
    }
  });
});
