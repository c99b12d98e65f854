import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { pageMissing } from './page-missing.js';

const app = (appJson: object, files: Record<string, string>) =>
  fileMap({ 'app.json': JSON.stringify(appJson), 'app.js': 'App({})', ...files });

describe('PAGE_MISSING', () => {
  it('passes complete pages in either layout, with .ts scripts too', async () => {
    expect(await runRule(pageMissing, fileMap(minimalApp('alipay')))).toEqual([]);
    expect(await runRule(pageMissing, fileMap(minimalApp('wechat')))).toEqual([]);
    const ts = app({ pages: ['/pages/a/a'] }, { 'pages/a/a.wxml': '', 'pages/a/a.ts': '' });
    expect(await runRule(pageMissing, ts)).toEqual([]);
  });

  it('passes subpackage pages found under their root', async () => {
    const files = app(
      { pages: ['pages/a/a'], subPackages: [{ root: 'shop/', pages: ['cart/cart'] }] },
      { 'pages/a/a.axml': '', 'pages/a/a.js': '', 'shop/cart/cart.axml': '', 'shop/cart/cart.js': '' },
    );
    expect(await runRule(pageMissing, files)).toEqual([]);
  });

  it('reports a page without template, naming the layout’s extension', async () => {
    const alipay = app(
      { pages: ['pages/a/a', 'pages/b/b'] },
      { 'pages/a/a.axml': '', 'pages/a/a.js': '', 'pages/b/b.js': '' },
    );
    expect(await runRule(pageMissing, alipay)).toEqual([
      expect.objectContaining({
        code: 'PAGE_MISSING',
        file: 'app.json',
        message: {
          zh: '页面 pages/b/b 缺少文件：pages/b/b.axml',
          en: 'Page pages/b/b lacks its files: pages/b/b.axml',
        },
      }),
    ]);
    const wechat = app(
      { pages: ['pages/a/a', 'pages/b/b'] },
      { 'pages/a/a.wxml': '', 'pages/a/a.js': '', 'pages/b/b.js': '' },
    );
    expect((await runRule(pageMissing, wechat))[0]!.message.en).toBe(
      'Page pages/b/b lacks its files: pages/b/b.wxml',
    );
  });

  it('reports a page without script, and a subpackage page missing both', async () => {
    const files = app(
      { pages: ['pages/a/a'], subpackages: [{ root: 'shop', pages: ['cart/cart'] }] },
      { 'pages/a/a.axml': '', 'cart/cart.axml': '', 'cart/cart.js': '' },
    );
    expect((await runRule(pageMissing, files)).map((f) => f.message.en)).toEqual([
      'Page pages/a/a lacks its files: pages/a/a.js',
      'Page shop/cart/cart lacks its files: shop/cart/cart.axml, shop/cart/cart.js',
    ]);
  });

  it('says nothing while app.json is missing or invalid', async () => {
    expect(await runRule(pageMissing, fileMap({ 'app.json': '{}' }))).toEqual([]);
  });
});
