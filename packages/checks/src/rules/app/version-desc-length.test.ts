import { describe, expect, it } from 'vitest';
import { runRule } from '../../testing/run-rule.js';
import { versionDescLength } from './version-desc-length.js';

const check = (description?: string, words = {}) =>
  runRule(versionDescLength, new Map(), { input: { description }, words });
const NOTES = '青禾读书首个版本：书架、图书详情与借阅记录，支持按书名搜索馆藏图书。';

describe('VERSION_DESC_LENGTH', () => {
  it('passes 30 to 500 characters, and says nothing without release notes', async () => {
    expect(await check(NOTES)).toEqual([]);
    expect(await check('读'.repeat(30))).toEqual([]);
    expect(await check('读'.repeat(500))).toEqual([]);
    expect(await check(undefined)).toEqual([]);
  });

  it('reports notes too short (spaces not counted) or too long', async () => {
    expect(await check(`  修复bug  `)).toEqual([
      expect.objectContaining({
        code: 'VERSION_DESC_LENGTH',
        severity: 'error',
        message: {
          zh: '版本描述有 5 个字，应为 30–500 个',
          en: 'The release notes have 5 characters; they must have 30–500',
        },
      }),
    ]);
    expect((await check('读'.repeat(501)))[0]!.message.en).toContain('have 501 characters');
  });

  it('follows a platform’s limits', async () => {
    expect(await check('修复bug', { descriptionMinChars: 5 })).toEqual([]);
  });
});
