import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../check.js';
import type { Finding } from '../../report.js';
import { taroBuild, uniAppBuild } from '../../testing/compiled-build.js';

// docs/checker.md, "Compiled builds": defects planted in the app's own modules are found, minified as they
// are; the same text planted in the framework's vendor chunk is not the developer's and stays silent.
const check = async (files: Map<string, Buffer>): Promise<Finding[]> =>
  (await checkFiles(files, { sandbox: false })).findings;
const codes = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.file}`);

describe('a uni-app build (common/vendor.js, page chunks, common/main.js)', () => {
  it('has no finding as built: image urls in data, dynamic targets, runtime wrapper tables', async () => {
    expect(await check(uniAppBuild())).toEqual([]);
  });

  it('finds an http:// API in an own page module, with line, column and a snippet; silent in vendor', async () => {
    const text = 'e.request({url:"http://api.qinghe.example/books"});';
    const findings = await check(uniAppBuild({ own: text }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'INSECURE_REQUEST', file: 'pages/index/index.js', line: 1 }),
    ]);
    const [finding] = findings;
    const source = uniAppBuild({ own: text }).get('pages/index/index.js')!.toString();
    expect(finding!.column).toBe(source.indexOf(text) + 1);
    expect(finding!.snippet).toContain('load:function(){e.request({url:"http://api.qinghe.exampl');
    expect(await check(uniAppBuild({ vendor: text }))).toEqual([]);
  });

  it('resolves relative targets from the calling page, as the runtime does', async () => {
    const text = 'e.navigateTo({url:"../detail/missing?id=2"});e.redirectTo({url:"../detail/detail"});';
    expect(codes(await check(uniAppBuild({ own: text })))).toEqual([
      'NAVIGATE_TARGET_MISSING pages/index/index.js',
    ]);
    expect((await check(uniAppBuild({ own: text })))[0]!.message.en).toContain('pages/detail/missing');
    expect(await check(uniAppBuild({ vendor: text.replaceAll('..', '/pages') }))).toEqual([]);
  });

  it('finds debug leftovers in common/main.js, not in the vendor chunk', async () => {
    const text = 'debugger;wx.setEnableDebug({enableDebug:!0,success:function(){}});';
    const debugSwitch = 'wx.setEnableDebug({enableDebug:true});debugger;';
    expect(codes(await check(uniAppBuild({ main: debugSwitch })))).toEqual([
      'DEBUG_LEFTOVER common/main.js',
      'DEBUG_LEFTOVER common/main.js',
    ]);
    expect(await check(uniAppBuild({ vendor: text }))).toEqual([]);
  });

  it('finds an authorization popup reached from the entry page’s onLoad; not one only a tap reaches', async () => {
    const text = 'e.getUserProfile({desc:"展示头像"});';
    const findings = await check(uniAppBuild({ own: text }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'FIRST_SCREEN_AUTH', file: 'pages/index/index.js', line: 1 }),
    ]);
    expect(findings[0]!.message.en).toMatch(
      /Page\.onLoad \(pages\/index\/index\.js:1:\d+\) → this\.load \(pages\/index\/index\.js:1:\d+\) → wx\.getUserProfile \(pages\/index\/index\.js:1:\d+\)/,
    );
    expect(await check(uniAppBuild({ vendor: `var p={onLoad:function(){${text}}};` }))).toEqual([]);
  });
});

describe('a Taro build (taro.js, vendors.js, common.js, page chunks keeping source paths)', () => {
  it('has no finding as built', async () => {
    expect(await check(taroBuild())).toEqual([]);
  });

  const defects: [string, string, string][] = [
    ['an http:// request', 'wx.request({url:"http://api.qinghe.example/books"});', 'INSECURE_REQUEST'],
    ['a navigateTo through Taro', 'o.a.navigateTo({url:"/pages/nope/nope"});', 'NAVIGATE_TARGET_MISSING'],
    ['a debugger statement', 'debugger;', 'DEBUG_LEFTOVER'],
  ];

  it.each(defects)('finds %s in an own page module, and not in vendors.js', async (_, text, code) => {
    expect(codes(await check(taroBuild({ own: text })))).toEqual([`${code} pages/index/index.js`]);
    expect(codes(await check(taroBuild({ main: text })))).toEqual([`${code} app.js`]);
    expect(await check(taroBuild({ vendor: text }))).toEqual([]);
  });
});

describe('a compiled module’s own constants (issue 12)', () => {
  const base = 'var n="http://api.qinghe.example";';
  const urls = async (files: Map<string, Buffer>) =>
    (await check(files)).filter((f) => f.code === 'INSECURE_REQUEST').map((f) => f.message.en);

  it.each([
    ['uni-app’s injected e', 'e.request({url:n+"/list"});'],
    ['uni', 'uni.request({url:n+"/list",method:"GET"});'],
  ])('finds a module constant as the base of %s.request, silent in vendor', async (_, call) => {
    expect(await urls(uniAppBuild({ ownModule: base, own: call }))).toEqual([
      'wx.request is given an insecure address: http://api.qinghe.example/list',
    ]);
    expect(await urls(uniAppBuild({ vendor: base + call }))).toEqual([]);
  });

  it.each([
    ['Taro.request', 'Taro.request({url:n+"/list"});'],
    ['o.a.request', 'o.a.request({url:"".concat(n,"/list")});'],
  ])('finds it through %s in a Taro page module, silent in vendors.js', async (_, call) => {
    const found = await urls(taroBuild({ ownModule: base, own: call }));
    expect(found).toEqual([
      expect.stringMatching(/^wx\.request is given an insecure address: http:\/\/api\.qinghe\.example/),
    ]);
    expect(await urls(taroBuild({ vendor: base + call }))).toEqual([]);
  });

  it('never takes a parameter of the same name for the constant, nor judges an image base', async () => {
    const shadowed = 'var o=function(n){e.request({url:n+"/list"})};o("https://api.qinghe.example");';
    expect(await urls(uniAppBuild({ ownModule: base, own: shadowed }))).toEqual([]);
    const image = 'this.cover=n+"/cover.png";e.previewImage({urls:[n+"/a.png"]});';
    expect(await check(uniAppBuild({ ownModule: 'var n="http://img.qinghe.example";', own: image }))).toEqual(
      [],
    );
  });
});

describe('a uni-app development build’s common/vendor.js (issue 12)', () => {
  // Development builds keep numeric ids and name each module's source in a banner comment; the app's
  // shared modules (a store, a request wrapper) sit in the vendor chunk beside the framework.
  const banner = (source: string) => `/*!***!\n  !*** ${source} ***!\n  \\***/`;
  const devBuild = (own: string, vendor: string) => {
    const files = uniAppBuild();
    const modules = [
      [12, './node_modules/@dcloudio/uni-mp-weixin/dist/index.js', `exports.default={};${vendor}`],
      [3, '(webpack)/buildin/global.js', `module.exports=function(){${vendor}};`],
      [15, 'D:/HBuilderX/shop/common/http.js', `var BASE="http://api.qinghe.example";${own}`],
    ]
      .map(
        ([id, source, body]) =>
          `\n/***/ ${id}:\n${banner(String(source))}\n/***/ (function(module, exports, __webpack_require__) {\n${body}\n})`,
      )
      .join(',');
    files.set(
      'common/vendor.js',
      Buffer.from(
        `(global["webpackJsonp"] = global["webpackJsonp"] || []).push([["common/vendor"],{${modules}\n}]);`,
      ),
    );
    return files;
  };
  const request = 'module.exports=function(p){return wx.request({url:BASE+p})};';

  it('judges a module whose banner names the app’s own source, and not the framework’s or webpack’s', async () => {
    expect(codes(await check(devBuild(request, '')))).toEqual(['INSECURE_REQUEST common/vendor.js']);
    const vendorOnly = 'wx.request({url:"http://api.qinghe.example/x"});';
    expect(await check(devBuild('', vendorOnly))).toEqual([]);
  });
});
