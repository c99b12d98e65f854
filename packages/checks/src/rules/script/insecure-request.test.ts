import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { insecureRequest, isInsecure } from './insecure-request.js';

const app = (files: Record<string, string>) => fileMap({ ...minimalApp('alipay'), ...files });

describe('INSECURE_REQUEST', () => {
  it('passes https and wss, loopback development hosts, and http strings that are not request urls', async () => {
    const files = app({
      'pages/index/index.js': [
        "const SVG = 'http://www.w3.org/2000/svg';",
        'Page({',
        "  a() { my.request({ url: 'https://api.qinghe.example/books' }); },",
        "  b() { my.connectSocket({ url: 'wss://push.qinghe.example' }); },",
        "  c() { my.request({ url: 'http://localhost:3000/books' }); my.request({ url: 'http://127.0.0.1/x' }); },",
        '  d() { my.request({ url: getApp().globalData.host + "/books" }); my.navigateTo({ url: SVG }); },',
        '});',
      ].join('\n'),
      'node_modules/sdk/index.js': "my.request({ url: 'http://vendor.example' });",
    });
    expect(await runRule(insecureRequest, files)).toEqual([]);
  });

  it('reports http:// and ws:// urls: literals, templates, concatenations and imported constants', async () => {
    const files = app({
      'config.js': "export const BASE = 'http://api.qinghe.example';\nexport const HOST = BASE;",
      'utils/api.ts': [
        "import { HOST } from '../config';",
        'const { request } = my;',
        "export const list = () => request({ url: HOST + '/books' });",
      ].join('\n'),
      'pages/index/index.js': [
        "const cdn = require('../../config.js');",
        'Page({',
        "  a() { my.httpRequest({ url: 'http://old.qinghe.example/a' }); },",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a fixture script
        '  b(host) { wx.downloadFile({ url: `http://${host}/cover.png` }); },',
        "  c() { my.connectSocket({ url: 'ws://push.qinghe.example' }); },",
        "  d() { my.uploadFile({ url: cdn.BASE + '/upload', filePath: 'a', name: 'f' }); },",
        '});',
      ].join('\n'),
    });
    const findings = await runRule(insecureRequest, files);
    expect(findings.map((f) => [f.file, f.line, f.message.en])).toEqual([
      ['pages/index/index.js', 3, 'my.httpRequest is given an insecure address: http://old.qinghe.example/a'],
      ['pages/index/index.js', 4, 'wx.downloadFile is given an insecure address: http://…'],
      ['pages/index/index.js', 5, 'my.connectSocket is given an insecure address: ws://push.qinghe.example'],
      [
        'pages/index/index.js',
        6,
        'my.uploadFile is given an insecure address: http://api.qinghe.example/upload',
      ],
      ['utils/api.ts', 3, 'my.request is given an insecure address: http://api.qinghe.example/books'],
    ]);
    expect(findings[0]).toMatchObject({ code: 'INSECURE_REQUEST', severity: 'error' });
  });

  it('follows a url function across modules: interfaceUrl() returning http://, imported or required', async () => {
    const files = app({
      'config.js': [
        "export function interfaceUrl() {\n  // return 'https://api.qinghe.example'\n  return 'http://api.qinghe.example';\n}",
        "export const cdn = () => 'https://cdn.qinghe.example';",
        "export function env(dev) { if (dev) return 'http://test.qinghe.example'; return 'https://qinghe.example'; }",
      ].join('\n'),
      'common/tui.js':
        "module.exports = { interfaceUrl: function () { return 'http://shop.qinghe.example'; } };",
      'utils/http.js': [
        "import { interfaceUrl, cdn, env } from '../config';",
        "const tui = require('../common/tui.js');",
        "export const list = () => my.request({ url: interfaceUrl() + '/books' });",
        "export const cover = () => my.downloadFile({ url: cdn() + '/a.png' });",
        "export const both = (d) => my.request({ url: env(d) + '/x' });",
        'export const order = (p) => my.request({ url: tui.interfaceUrl() + p });',
      ].join('\n'),
    });
    const findings = await runRule(insecureRequest, files);
    expect(findings.map((f) => [f.file, f.line, f.message.en])).toEqual([
      ['utils/http.js', 3, 'my.request is given an insecure address: http://api.qinghe.example/books'],
      ['utils/http.js', 6, 'my.request is given an insecure address: http://shop.qinghe.example…'],
    ]);
  });

  it('reads this.interfaceUrl() from the same object, and var that = this; silent in vendor code', async () => {
    const object = [
      'Page({',
      "  interfaceUrl() { return 'http://shop.qinghe.example'; },",
      "  load() { wx.request({ url: this.interfaceUrl() + '/goods' }); },",
      '  more() {',
      '    const that = this;',
      "    wx.getStorage({ key: 'a', success() { wx.request({ url: that.interfaceUrl() + '/more' }); } });",
      '  },',
      '});',
    ].join('\n');
    const other = [
      "const config = { interfaceUrl() { return 'http://shop.qinghe.example'; } };",
      "Page({ load() { wx.request({ url: this.interfaceUrl() + '/goods' }); } });",
    ].join('\n');
    const files = fileMap({
      ...minimalApp('wechat'),
      'pages/index/index.js': object,
      'pages/other/other.js': other,
      'node_modules/shop-sdk/index.js': `module.exports = ${object.slice(5, -2)};`,
    });
    const findings = await runRule(insecureRequest, files);
    expect(findings.map((f) => [f.file, f.line, f.message.en])).toEqual([
      [
        'pages/index/index.js',
        3,
        'wx.request is given an insecure address: http://shop.qinghe.example/goods',
      ],
      ['pages/index/index.js', 6, 'wx.request is given an insecure address: http://shop.qinghe.example/more'],
    ]);
  });

  it('exempts a loopback host only when it is known', () => {
    expect(isInsecure({ value: 'http://localhost:8080/a', complete: true })).toBe(false);
    expect(isInsecure({ value: 'http://[::1]/a', complete: true })).toBe(false);
    expect(isInsecure({ value: 'http://local', complete: false })).toBe(true);
    expect(isInsecure({ value: 'http://192.168.1.5:8080', complete: true })).toBe(true);
    expect(isInsecure({ value: 'HTTPS://a.example', complete: true })).toBe(false);
  });
});
