import { describe, expect, it } from 'vitest';
import { fileMap } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { navigateTargetMissing } from './navigate-target-missing.js';

const appJson = {
  pages: ['pages/index/index', 'pages/detail/detail'],
  subPackages: [{ root: 'shop', pages: ['cart/cart'] }],
};

const app = (files: Record<string, string>) =>
  fileMap({
    'app.json': JSON.stringify(appJson),
    'app.js': 'App({});',
    'pages/index/index.axml': '<view>青禾书店</view>',
    'pages/detail/detail.axml': '<view>详情</view>',
    'pages/detail/detail.js': 'Page({});',
    'shop/cart/cart.axml': '<view>购物车</view>',
    'shop/cart/cart.js': 'Page({});',
    ...files,
  });

describe('NAVIGATE_TARGET_MISSING', () => {
  it('passes declared targets: absolute, relative, subpackage, with a query, in scripts and templates', async () => {
    const files = app({
      'pages/index/index.js': [
        'Page({',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a fixture script
        '  a(id) { my.navigateTo({ url: `/pages/detail/detail?id=${id}` }); },',
        "  b() { my.redirectTo({ url: '../detail/detail' }); },",
        "  c() { wx.switchTab({ url: '/shop/cart/cart#top' }); },",
        "  d(url) { my.navigateTo({ url }); my.navigateTo({ url: '/pages/' + url }); my.navigateBack(); },",
        "  e() { my.navigateTo({ url: 'plugin://books/shelf' }); },",
        '});',
      ].join('\n'),
      'utils/router.js':
        "export const go = (p) => my.navigateTo({ url: '../' + p + '/' + p });\nmy.reLaunch({ url: 'x/x' });",
      'pages/index/index.axml': [
        '<navigator url="/pages/detail/detail?id={{item.id}}">详情</navigator>',
        '<navigator url="../detail/detail">详情</navigator>',
        '<navigator open-type="navigateBack">返回</navigator>',
        '<navigator target="miniProgram" app-id="2021" url="/pages/other/other">去别处</navigator>',
      ].join('\n'),
    });
    expect(await runRule(navigateTargetMissing, files)).toEqual([]);
  });

  it('reports undeclared targets with file and line, through aliases and module constants', async () => {
    const files = app({
      'pages/index/index.js': [
        "const GONE = '/pages/gone/gone';",
        'const { redirectTo } = my;',
        'Page({',
        "  a() { my.navigateTo({ url: '/pages/missing/missing?id=1' }); },",
        "  b() { my.redirectTo({ url: '../nope/nope' }); },",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a fixture script
        '  c() { wx.reLaunch({ url: `${GONE}?from=index` }); },',
        "  d() { redirectTo({ url: '/shop/cart/list' }); },",
        '});',
      ].join('\n'),
      'pages/index/index.axml': '<view>\n  <navigator url="lost/lost?x={{x}}">?</navigator>\n</view>',
    });
    const findings = await runRule(navigateTargetMissing, files);
    expect(findings.map((f) => [f.file, f.line, f.message.en])).toEqual([
      [
        'pages/index/index.js',
        4,
        'The navigation target pages/missing/missing is not a page declared in app.json (url: /pages/missing/missing?id=1)',
      ],
      [
        'pages/index/index.js',
        5,
        'The navigation target pages/nope/nope is not a page declared in app.json (url: ../nope/nope)',
      ],
      [
        'pages/index/index.js',
        6,
        'The navigation target pages/gone/gone is not a page declared in app.json (url: /pages/gone/gone?from=index)',
      ],
      [
        'pages/index/index.js',
        7,
        'The navigation target shop/cart/list is not a page declared in app.json (url: /shop/cart/list)',
      ],
      [
        'pages/index/index.axml',
        2,
        'The navigation target pages/index/lost/lost is not a page declared in app.json (url: lost/lost?x=…)',
      ],
    ]);
    expect(findings[0]).toMatchObject({ code: 'NAVIGATE_TARGET_MISSING', severity: 'error' });
  });

  it('says nothing while app.json is broken', async () => {
    const files = fileMap({ 'app.json': '{', 'app.js': "wx.navigateTo({ url: '/pages/x/x' });" });
    expect(await runRule(navigateTargetMissing, files)).toEqual([]);
  });
});
