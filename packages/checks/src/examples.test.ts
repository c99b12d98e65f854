import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles, checkPackage } from './check.js';
import { readDirectory } from './package/read-directory.js';
import { zipDirectory } from './package/zip-directory.js';

// DESIGN §4: the examples pass every rule clean. As rules arrive, this test holds them to it.
const examples = [
  ['alipay-qinghe-books', 'alipay'],
  ['wechat-qinghe-books', 'wechat'],
] as const;

describe.each(examples)('examples/%s', (name, layout) => {
  const dir = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url));

  it('reads as a folder and passes every rule without a finding', async () => {
    const read = await readDirectory(dir);
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.skipped).toEqual([]);
    const report = await checkFiles(read.files);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, stats: { layout, files: 12 } });
  });

  it('passes the same when zipped for upload', async () => {
    const report = await checkPackage(await zipDirectory(dir));
    expect(report.findings).toEqual([]);
  });
});
