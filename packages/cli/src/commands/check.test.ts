import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

const example = fileURLToPath(new URL('../../../../examples/wechat-qinghe-books/', import.meta.url));

/** `minirelease check <example> …args --json`, offline: the report's codes and findings. */
async function check(args: string[]) {
  const io = captureIo({ env: { XDG_CONFIG_HOME: '/nonexistent' } });
  const code = await main(['node', 'minirelease', 'check', example, '--no-sandbox', '--json', ...args], io);
  const report = JSON.parse(io.stdoutText()) as { findings: { code: string; hint: { zh: string } }[] };
  return { code, report, codes: report.findings.map((f) => f.code) };
}

describe('minirelease check, the name rules offline', () => {
  const bank = ['--name', '中国银行读书', '--brand', '中国银行', '--category', '图书'];

  it('keeps a brand’s restricted word without its trademark, naming the document that lifts it', async () => {
    const { code, report, codes } = await check(bank);
    expect(code).toBe(1);
    expect(codes).toEqual(['NAME_FORBIDDEN_WORD']);
    expect(report.findings[0]!.hint.zh).toContain('商标注册证');
  });

  it('lifts it with --qualification 商标注册证:…', async () => {
    const { code, codes } = await check([...bank, '--qualification', '商标注册证:第1234567号:2099-12-31']);
    expect(codes).toEqual([]);
    expect(code).toBe(0);
  });

  it('finds a name of generic compounds', async () => {
    const { codes } = await check(['--name', '共享单车', '--brand', '青禾', '--category', '图书']);
    expect(codes).toEqual(expect.arrayContaining(['NAME_TOO_GENERIC', 'NAME_MISSING_BRAND']));
  });
});
