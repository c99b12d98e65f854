// Generates a compiled uni-app build (Vue 2, mp-weixin) of ≥ 2 MB in memory, in the shapes the checker reads
// (docs/checker.md, "Compiled builds"): a one-line common/vendor.js of framework and library modules, a
// common/runtime.js, common/main.js, and 120 page chunks each holding the page's own minified modules.
// Deterministic, so every run measures the same build.

const PAGES = 120;

/** A minified function body the way terser writes Vue component code: dense, one line. */
function minifiedBody(seed, size) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i += 1) {
    const part = `var a${i}=function(t,n){var r=t.list||[],o=0;for(;o<r.length;o++)if(r[o].id===n+${(seed + i) % 97})return r[o];return null},b${i}=Object.assign({},{key:"k${seed}_${i}",value:${i * 3}},{flag:!${i % 2}});`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const jsonp = (names, modules, entry) =>
  `(global["webpackJsonp"]=global["webpackJsonp"]||[]).push([${JSON.stringify(names)},{${Object.entries(
    modules,
  )
    .map(([id, body]) => `${JSON.stringify(id)}:function(e,t,n){"use strict";${body}}`)
    .join(',')}}${entry ? `,[${JSON.stringify(entry)}]` : ''}]);`;

const uni = (body) => `(function(e){${body}}).call(this,n("543d")["default"])`;

export function generateCompiledPackage() {
  const pages = Array.from({ length: PAGES }, (_, i) => `pages/p${i}/p${i}`);
  const vendorModules = {
    '543d': uni(`t.default={request:function(t){return wx.request(t)}};${minifiedBody(0, 20000)}`),
  };
  for (let i = 0; i < 240; i += 1) vendorModules[(0x1000 + i).toString(16)] = minifiedBody(i, 5000);
  const files = {
    'app.json': JSON.stringify({ pages, window: { navigationBarTitleText: '青禾书店' } }),
    'app.js': 'require("./common/runtime.js");require("./common/vendor.js");require("./common/main.js");',
    'app.wxss': 'page{background:#f6f4ef}',
    'common/runtime.js': `!function(e){var n=global.webpackJsonp=global.webpackJsonp||[];${minifiedBody(1, 4000)}}([]);`,
    'common/vendor.js': jsonp(['common/vendor'], vendorModules),
    'common/main.js': jsonp(
      ['common/main'],
      {
        '2a7b': uni(
          `var r={onLaunch:function(){e.getStorageSync("token")},globalData:{}};t.default=r;${minifiedBody(2, 6000)}`,
        ),
        '6e3c': `(function(e){e(n("2a7b").default)}).call(this,n("543d")["createApp"])`,
      },
      ['6e3c', 'common/runtime', 'common/vendor'],
    ),
  };
  pages.forEach((page, i) => {
    const id = (0x8000 + i).toString(16);
    const next = pages[(i + 1) % PAGES];
    const options = `{data:function(){return{list:[],cover:"http://img.qinghe.example/${i}.png"}},onLoad:function(t){this.load(t.id)},methods:{load:function(t){var n=this;e.request({url:"https://api.qinghe.example/books/"+t,success:function(t){n.list=t.data}})},open:function(t){e.navigateTo({url:"/${next}?id="+t})}}}`;
    files[`${page}.js`] = jsonp(
      [page],
      {
        [id]: uni(
          `Object.defineProperty(t,"__esModule",{value:!0}),t.default=void 0;var r=${options};t.default=r;${minifiedBody(i, 8000)}`,
        ),
        [`${id}p`]: `(function(e){e(n("${id}").default)}).call(this,n("543d")["createPage"])`,
      },
      [`${id}p`, 'common/runtime', 'common/vendor'],
    );
    files[`${page}.wxml`] =
      `<view class="page"><view wx:for="{{list}}" bindtap="open">{{item.title}}</view></view>`;
    files[`${page}.json`] = '{"usingComponents":{}}';
  });
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)]));
}
