import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles, checkPackage, checkSubmission } from './check.js';
import type { CheckInput } from './input.js';
import { readDirectory } from './package/read-directory.js';
import { zipDirectory } from './package/zip-directory.js';
import { APP_RULES } from './rules/app/app-rules.js';
import { QINGHE_BOOKS } from './testing/run-app-rule.js';

// DESIGN §4: the examples pass every rule clean, the app-level ones included: the package checked with the
// examples' app record (青禾读书, category 图书), its release notes and its review materials.
const examples = [
  ['alipay-qinghe-books', 'alipay'],
  ['wechat-qinghe-books', 'wechat'],
] as const;

const input: CheckInput = {
  app: QINGHE_BOOKS,
  description: '新增首页书单与图书详情页：按书名、作者浏览馆藏图书，查看简介、目录和借阅状态，支持收藏。',
  materials: {
    testAccount: 'reviewer',
    testPassword: 'qinghe-2025',
    screenshots: ['index.png', 'detail.png'],
  },
  today: '2025-06-01',
};

describe.each(examples)('examples/%s', (name, layout) => {
  const dir = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url));

  it('reads as a folder and passes every package and app rule without a finding', async () => {
    const read = await readDirectory(dir);
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.skipped).toEqual([]);
    const report = await checkFiles(read.files, { input });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, stats: { layout, files: 12 } });
  });

  it('passes the same when zipped for upload, and again at submit', async () => {
    expect((await checkPackage(await zipDirectory(dir), { input })).findings).toEqual([]);
    expect((await checkSubmission({ input })).findings).toEqual([]);
  });

  it('runs the app rules here: the same package under a generic name and without notes is refused', async () => {
    const read = await readDirectory(dir);
    if (!read.ok) throw new Error(read.problem.message.en);
    const report = await checkFiles(read.files, {
      input: { ...input, app: { ...QINGHE_BOOKS, name: '在线书店' }, description: '' },
    });
    const codes = report.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['NAME_TOO_GENERIC', 'VERSION_DESC_LENGTH']));
    expect(codes.every((code) => APP_RULES.some((rule) => rule.codes.includes(code)))).toBe(true);
  });
});
