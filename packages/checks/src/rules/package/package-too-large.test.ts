import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { packageTooLarge } from './package-too-large.js';

const MB = 1024 * 1024;
const withSubpackage = (mainBytes: number, subBytes: number) =>
  fileMap({
    ...minimalApp(),
    'app.json': JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'shop', pages: ['cart/cart'] }],
    }),
    'assets/big.bin': Buffer.alloc(mainBytes),
    'shop/big.bin': Buffer.alloc(subBytes),
  });

describe('PACKAGE_TOO_LARGE', () => {
  it('passes a main package under 2 MB with subpackages beside it', async () => {
    expect(await runRule(packageTooLarge, withSubpackage(1.9 * MB, 5 * MB))).toEqual([]);
  });

  it('reports a main package over 2 MB, counting subpackage files out', async () => {
    const findings = await runRule(packageTooLarge, withSubpackage(2.1 * MB, 1 * MB));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'PACKAGE_TOO_LARGE', severity: 'error' });
    expect(findings[0]!.message.zh).toMatch(/^主包大小为 2\.1\d? MB，超过 2 MB 的上限$/);
    expect(findings[0]!.message.en).toMatch(/^The main package is 2\.1\d? MB, over the limit of 2 MB$/);
  });

  it('reports all packages over 8 MB even when the main package is small', async () => {
    const findings = await runRule(packageTooLarge, withSubpackage(1 * MB, 7.5 * MB));
    expect(findings.map((f) => f.message.en)).toEqual([
      expect.stringMatching(
        /^The whole package \(main and subpackages\) is 8\.5\d? MB, over the limit of 8 MB$/,
      ),
    ]);
  });

  it('follows configured limits', async () => {
    const files = fileMap({ ...minimalApp(), 'a.bin': Buffer.alloc(2000) });
    expect(
      await runRule(packageTooLarge, files, { limits: { mainPackageBytes: 1000, totalPackageBytes: 1500 } }),
    ).toHaveLength(2);
  });

  it('counts everything as main package when app.json is unreadable', async () => {
    const files = fileMap({ 'app.json': '{', 'shop/big.bin': Buffer.alloc(3 * MB) });
    expect(await runRule(packageTooLarge, files)).toHaveLength(1);
  });
});
