import { fileMap } from './file-map.js';

/**
 * Small packages in the shapes uni-app (Vue 2, `mp-weixin`) and Taro 3 emit, for the tests of the checker on
 * compiled builds: webpack jsonp chunks on one line each, the framework in a vendor chunk, the app's modules in
 * page chunks and `common/main.js` (uni-app) or `common.js` (Taro). `own` is planted in an own module of the
 * entry page, `vendor` in a module of the vendor chunk, and `main` in the app's module.
 */
export interface Planted {
  own?: string;
  /** At the top of the entry page's own module, beside what the build declares there. */
  ownModule?: string;
  vendor?: string;
  main?: string;
}

/** Filler that makes a module look like what a build emits: long, dense, one line. */
const FILLER = Array.from({ length: 60 }, (_, i) => `var v${i}=function(a,b){return a+b*${i}};`).join('');

export const jsonp = (global: string, names: string[], modules: Record<string, string>, entry?: string[]) =>
  `(${global}["webpackJsonp"]=${global}["webpackJsonp"]||[]).push([${JSON.stringify(names)},{${Object.entries(
    modules,
  )
    .map(([id, body]) => `${JSON.stringify(id)}:function(e,t,n){"use strict";${body}}`)
    .join(',')}}${entry ? `,[${JSON.stringify(entry)}]` : ''}]);`;

/** uni-app's build: `common/runtime.js`, `common/vendor.js` (with uni's runtime, `543d`), `common/main.js`, pages. */
export function uniAppBuild(planted: Planted = {}): Map<string, Buffer> {
  const uni = (body: string) => `(function(e){${body}}).call(this,n("543d")["default"])`;
  const page = (id: string, options: string, top = '') => ({
    [id]: uni(
      `Object.defineProperty(t,"__esModule",{value:!0}),t.default=void 0;${top}var r=${options};t.default=r;${FILLER}`,
    ),
    [`${id}p`]: `(function(e){n("f1b2");e(n("${id}").default)}).call(this,n("543d")["createPage"])`,
  });
  return fileMap({
    // uni-app copies manifest.json's `mp-weixin.__usePrivacyCheck__` here; the page's tap reads the profile.
    'app.json': JSON.stringify({
      pages: ['pages/index/index', 'pages/detail/detail'],
      __usePrivacyCheck__: true,
    }),
    'app.js': 'require("./common/runtime.js");require("./common/vendor.js");require("./common/main.js");',
    'app.wxss': '',
    'common/runtime.js': `!function(e){function t(t){for(var n=t[0],r=t[1],o=0;o<n.length;o++);}var n=global.webpackJsonp=global.webpackJsonp||[];n.push=t;${FILLER}}([]);`,
    'common/vendor.js': jsonp('global', ['common/vendor'], {
      '543d': uni(
        `var o=["getUserProfile","authorize","getLocation","chooseAddress"],a={request:function(t){return wx.request(t)}};t.default=a;t.createPage=function(e){return Page(e)};${FILLER}${planted.vendor ?? ''}`,
      ),
      f1b2: `e.exports={}`,
    }),
    'common/main.js': jsonp(
      'global',
      ['common/main'],
      {
        '2a7b': uni(
          `var r={onLaunch:function(){console.log("App Launch")},onShow:function(){},globalData:{}};t.default=r;${FILLER}${planted.main ?? ''}`,
        ),
        '6e3c': `(function(e){n("2a7b");e(n("2a7b").default)}).call(this,n("543d")["createApp"])`,
      },
      ['6e3c', 'common/runtime', 'common/vendor'],
    ),
    'pages/index/index.js': jsonp(
      'global',
      ['pages/index/index'],
      page(
        '0a1b',
        `{data:function(){return{cover:"http://img.qinghe.example/cover.png"}},onLoad:function(){this.load()},methods:{load:function(){${planted.own ?? ''}},tap:function(){e.getUserProfile({desc:"展示头像"})},more:function(t){e.navigateTo({url:"../detail/".concat(t)})},open:function(){e.navigateTo({url:"../detail/detail?id=1"})}}}`,
        planted.ownModule,
      ),
      ['0a1bp', 'common/runtime', 'common/vendor'],
    ),
    'pages/index/index.wxml': '<view bindtap="tap">青禾书店</view>',
    'pages/index/index.json': '{}',
    'pages/detail/detail.js': jsonp(
      'global',
      ['pages/detail/detail'],
      page('9d0c', '{onLoad:function(){}}'),
      ['9d0cp', 'common/runtime', 'common/vendor'],
    ),
    'pages/detail/detail.wxml': '<view>详情</view>',
    'pages/detail/detail.json': '{}',
  });
}

/**
 * Taro 3's build: `runtime.js`, `taro.js`, `vendors.js` (libraries, ids under `node_modules`), `common.js`
 * (the app's shared modules, numeric ids), `app.js`, and page chunks whose ids are the sources' paths.
 */
export function taroBuild(planted: Planted = {}): Map<string, Buffer> {
  const deps = ['runtime', 'taro', 'vendors', 'common'];
  return fileMap({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/detail/detail'] }),
    'app.js': `require("./runtime");require("./taro");require("./vendors");require("./common");${jsonp(
      'wx',
      ['app'],
      {
        './src/app.js': `var r=n("./node_modules/@tarojs/taro/index.js"),o=n.n(r);${FILLER}${planted.main ?? ''}`,
      },
      ['./src/app.js', ...deps],
    )}`,
    'runtime.js': `!function(e){var t=wx.webpackJsonp=wx.webpackJsonp||[];${FILLER}}([]);`,
    'taro.js': jsonp('wx', ['taro'], {
      './node_modules/@tarojs/taro/index.js': `var o=["getUserProfile","authorize"];e.exports={request:function(e){return wx.request(e)}};${FILLER}`,
    }),
    'vendors.js': jsonp('wx', ['vendors'], {
      './node_modules/qinghe-sdk/index.js': `${FILLER}${planted.vendor ?? ''}`,
    }),
    'common.js': jsonp('wx', ['common'], { 12: `t.a={base:"https://api.qinghe.example"};${FILLER}` }),
    'pages/index/index.js': jsonp(
      'wx',
      ['pages/index/index'],
      {
        './src/pages/index/index.jsx': `n.r(t);${planted.ownModule ?? ''}var r=n("./node_modules/@tarojs/taro/index.js"),o=n.n(r),c=n(12);function i(){${planted.own ?? ''}}function u(t){o.a.navigateTo({url:"/pages/detail/detail?id=".concat(t)})}${FILLER}t.default=function(){return i(),u}`,
      },
      ['./src/pages/index/index.jsx', ...deps],
    ),
    'pages/index/index.wxml': '<template is="taro_tmpl" data="{{root:root}}" />',
    'pages/detail/detail.js': jsonp(
      'wx',
      ['pages/detail/detail'],
      { './src/pages/detail/detail.jsx': FILLER },
      ['./src/pages/detail/detail.jsx', ...deps],
    ),
    'pages/detail/detail.wxml': '<template is="taro_tmpl" data="{{root:root}}" />',
  });
}
