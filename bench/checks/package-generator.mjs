// Generates a realistic Alipay mini-program in memory: 200 pages (120 main, 2 subpackages of 40) of a few KB of
// script each (lifecycle hooks, requests, navigation, handlers), templates, styles, shared utils, and a vendored
// library under node_modules. Deterministic: the same seed gives the same package.

import {
  appScript,
  authUtil,
  formatUtil,
  pageScript,
  pageStyle,
  pageTemplate,
  requestUtil,
  vendoredLibrary,
} from './package-sources.mjs';

const MAIN_PAGES = 120;
const SUB_PAGES = 40;

/** A small deterministic PRNG (mulberry32), so every run measures the same package. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['book', 'order', 'coupon', 'shelf', 'author', 'review', 'cart', 'store', 'member', 'topic'];
const TITLES = ['书架', '订单', '优惠券', '作者', '书评', '购物车', '门店', '会员', '专题', '新书'];

export function generatePackage(seed = 20240601) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pages = [];
  for (let i = 0; i < MAIN_PAGES; i += 1) pages.push(`pages/p${i}/p${i}`);
  const subpackages = [1, 2].map((n) => {
    const list = [];
    for (let i = 0; i < SUB_PAGES; i += 1) list.push(`pages/s${n}p${i}/s${n}p${i}`);
    return { root: `sub${n}`, pages: list };
  });
  const all = [...pages, ...subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  const files = {
    'app.json': JSON.stringify(
      { pages, subPackages: subpackages, window: { defaultTitle: '青禾书店' } },
      null,
      2,
    ),
    'app.js': appScript(),
    'app.acss': 'page { background: #f6f4ef; color: #2b2b2b; font-size: 28rpx; }\n',
    'utils/request.js': requestUtil(),
    'utils/format.js': formatUtil(),
    'utils/auth.js': authUtil(),
    'node_modules/qinghe-ui-kit/index.js': vendoredLibrary(rand),
    'node_modules/qinghe-ui-kit/package.json': '{"name":"qinghe-ui-kit","version":"1.4.2","main":"index.js"}',
  };
  all.forEach((page, i) => {
    const word = WORDS[i % WORDS.length];
    const title = `${TITLES[i % TITLES.length]}${i}`;
    const next = all[(i + 1) % all.length];
    const depth = page.split('/').length - 1;
    const up = '../'.repeat(depth);
    files[`${page}.js`] = pageScript(rand, pick, { word, title, next, up, index: i });
    files[`${page}.axml`] = pageTemplate({ word, title, next });
    files[`${page}.acss`] = pageStyle(i);
    files[`${page}.json`] = JSON.stringify({ defaultTitle: title, usingComponents: {} });
  });
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)]));
}
