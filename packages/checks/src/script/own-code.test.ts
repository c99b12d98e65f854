import { describe, expect, it } from 'vitest';
import { fileMap } from '../testing/file-map.js';
import { isAppScript, isMinified, isVendored, isVendorModule } from './own-code.js';

describe('own code', () => {
  it('takes node_modules, miniprogram_npm, *.min.js and framework bundles for vendored', () => {
    expect(isVendored('node_modules/dayjs/index.js')).toBe(true);
    expect(isVendored('pages/a/miniprogram_npm/x/index.js')).toBe(true);
    expect(isVendored('libs/echarts.min.js')).toBe(true);
    expect(isVendored('common/vendor.js')).toBe(true);
    expect(isVendored('vendors.js')).toBe(true);
    expect(isVendored('pages/vendor/vendor.js')).toBe(false);
    expect(isVendored('utils/runtime.js')).toBe(false);
  });

  it('takes long lines dense with punctuators for a minified build', () => {
    const bundle = `!function(e,t){${'var n=e(1),r=t(2);if(n){r(n,function(o){return o})};'.repeat(80)}}(a,b);`;
    expect(isMinified(bundle)).toBe(true);
    expect(isMinified(`${bundle.slice(0, 1500)}`)).toBe(false);
  });

  it('keeps hand-written code with one long string (a base64 icon, a long text) as own code', () => {
    const icon = `const ICON = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAE'.repeat(200)}';\n`;
    const code =
      'Page({\n  data: { icon: ICON },\n  onLoad() {\n    this.setData({ ready: true });\n  },\n});\n';
    expect(isMinified(icon + code)).toBe(false);
    expect(isMinified(code.repeat(100))).toBe(false);
  });

  it('tells webpack modules apart by id, then by chunk, then by file name', () => {
    expect(
      isVendorModule('./node_modules/@tarojs/taro/index.js', ['pages/index/index'], 'pages/index/index.js'),
    ).toBe(true);
    expect(isVendorModule('./src/utils/http.js', ['common/vendor'], 'common/vendor.js')).toBe(false);
    expect(isVendorModule('./pages/a/a.vue?vue&type=script&lang=js&', ['pages/a/a'], 'pages/a/a.js')).toBe(
      false,
    );
    const raw = './node_modules/@tarojs/taro-loader/lib/raw.js!./src/pages/index/index.vue';
    expect(isVendorModule(raw, ['pages/index/index'], 'pages/index/index.js')).toBe(false);
    const vendorThroughLoader = './node_modules/babel-loader/lib/index.js!./node_modules/vant/index.js';
    expect(isVendorModule(vendorThroughLoader, ['pages/index/index'], 'pages/index/index.js')).toBe(true);
    expect(isVendorModule('543d', ['common/vendor'], 'common/vendor.js')).toBe(true);
    expect(isVendorModule('12', ['taro'], 'taro.js')).toBe(true);
    expect(isVendorModule('12', ['common'], 'common.js')).toBe(false);
    expect(isVendorModule('0a1b', ['pages/index/index'], 'pages/index/index.js')).toBe(false);
  });

  it('takes a minified file for the app’s own when the host runs it as app, page or component', () => {
    const files = fileMap({ 'pages/a/a.js': '', 'pages/a/a.wxml': '', 'ec-canvas/echarts.js': '' });
    expect(isAppScript('app.js', files)).toBe(true);
    expect(isAppScript('common/main.js', files)).toBe(true);
    expect(isAppScript('pages/a/a.js', files)).toBe(true);
    expect(isAppScript('ec-canvas/echarts.js', files)).toBe(false);
  });
});
