import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog/catalog.js';
import { checkFiles, checkPackage } from './check.js';
import { fileMap, minimalApp } from './testing/file-map.js';
import { rawZip } from './testing/raw-zip.js';

const zipOf = (files: Record<string, string>) =>
  Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [`qinghe/${p}`, Buffer.from(t)]))),
  );

describe('checkPackage', () => {
  it('passes a complete package zipped inside its project folder', async () => {
    const archive = zipOf(minimalApp());
    const report = await checkPackage(archive);
    expect(report).toEqual({
      ok: true,
      findings: [],
      stats: expect.objectContaining({
        files: 4,
        mainSize: report.stats.totalSize,
        compressedSize: archive.length,
        layout: 'alipay',
      }),
    });
  });

  it('reports an unreadable archive as PACKAGE_INVALID and nothing else', async () => {
    const archive = Buffer.from('PK\u0003\u0004 broken');
    const report = await checkPackage(archive);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toEqual(['PACKAGE_INVALID']);
    expect(report.stats).toMatchObject({ files: 0, compressedSize: archive.length });
  });

  it('reports an unsafe archive as PACKAGE_INVALID', async () => {
    const report = await checkPackage(
      rawZip([
        { name: 'app.json', data: '{}' },
        { name: '/etc/passwd', data: 'x' },
      ]),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'PACKAGE_INVALID', severity: 'error' }),
    ]);
  });

  it('hands the reader its limits', async () => {
    const report = await checkPackage(zipOf(minimalApp()), { limits: { maxEntries: 2 } });
    expect(report.findings[0]!.message.en).toContain('more than 2 entries');
  });
});

describe('checkFiles', () => {
  it('reports only the missing app.json when there is none', async () => {
    const report = await checkFiles(fileMap({ 'pages/index/index.axml': '' }));
    expect(report.findings.map((f) => f.code)).toEqual(['APP_JSON_MISSING']);
  });

  it('runs every rule and collects their findings in order', async () => {
    const files = fileMap({
      'app.json': '{"pages":["pages/a/a"]}',
      big: Buffer.alloc(3 * 1024 * 1024).toString(),
    });
    expect((await checkFiles(files)).findings.map((f) => f.code)).toEqual([
      'PACKAGE_TOO_LARGE',
      'PAGE_MISSING',
    ]);
  });

  it('follows a tuned catalog: a warning does not fail the report', async () => {
    const catalog = { ...CATALOG, PAGE_MISSING: { ...CATALOG.PAGE_MISSING, severity: 'warning' as const } };
    const report = await checkFiles(fileMap({ 'app.json': '{"pages":["pages/a/a"]}' }), { catalog });
    expect(report).toMatchObject({ ok: true, findings: [{ code: 'PAGE_MISSING', severity: 'warning' }] });
  });

  it('measures subpackages apart from the main package', async () => {
    const files = fileMap({
      ...minimalApp('wechat'),
      'app.json': JSON.stringify({
        pages: ['pages/index/index'],
        subPackages: [{ root: 'shop', pages: ['c/c'] }],
      }),
      'shop/c/c.wxml': '12345',
      'shop/c/c.js': '678',
    });
    const { stats } = await checkFiles(files, { rules: [] });
    expect(stats).toMatchObject({ files: 6, subpackages: [{ root: 'shop', size: 8 }], layout: 'wechat' });
    expect(stats.mainSize).toBe(stats.totalSize - 8);
  });
});
