import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../check.js';
import type { Finding } from '../../report.js';
import { jsonp, taroBuild } from '../../testing/compiled-build.js';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { firstScreenAuth } from './first-screen-auth.js';

// Issue 12: class and object-literal methods between a launch hook and an authorization popup, as
// hand-written pages and Taro's class and function components hold them.
const chainOf = (finding: Finding | undefined) =>
  finding?.message.en
    .replace(/.*\(via /, '')
    .slice(0, -1)
    .split(' → ');
const wechat = (files: Record<string, string>) => fileMap({ ...minimalApp('wechat'), ...files });

describe('FIRST_SCREEN_AUTH through object-literal and class methods', () => {
  it('follows this.init() in the page’s object, hop by hop', async () => {
    const page =
      "Page({\n  onLoad() { this.init(); },\n  init() { wx.getUserProfile({ desc: '头像' }); },\n});";
    const findings = await runRule(firstScreenAuth, wechat({ 'pages/index/index.js': page }));
    expect(chainOf(findings[0])).toEqual([
      'Page.onLoad (pages/index/index.js:2)',
      'this.init (pages/index/index.js:2)',
      'wx.getUserProfile (pages/index/index.js:3)',
    ]);
  });

  it('follows a class page through an inherited method and two modules, 8 hops', async () => {
    const findings = await runRule(
      firstScreenAuth,
      wechat({
        'pages/index/index.js': [
          "import { BasePage } from './base';",
          'class IndexPage extends BasePage {',
          '  onLoad() { this.start(); }',
          '  start() { this.ensureUser(); }',
          '}',
          'Page(new IndexPage());',
        ].join('\n'),
        'pages/index/base.js': [
          "const session = require('../../utils/session.js');",
          'export class BasePage {',
          '  ensureUser() { return this.fetchUser(); }',
          '  fetchUser() { return session.check(); }',
          '}',
        ].join('\n'),
        'utils/session.js': [
          "const { askProfile } = require('./profile');",
          'function ask() { return askProfile(); }',
          'module.exports = { check() { return ask(); } };',
        ].join('\n'),
        'utils/profile.js':
          "exports.askProfile = function () {\n  return wx.getUserProfile({ desc: '会员' });\n};",
      }),
    );
    expect(findings).toEqual([expect.objectContaining({ file: 'utils/profile.js', line: 2 })]);
    expect(chainOf(findings[0])).toEqual([
      'Page.onLoad (pages/index/index.js:3)',
      'this.start (pages/index/index.js:3)',
      'this.ensureUser (pages/index/index.js:4)',
      'this.fetchUser (pages/index/base.js:3)',
      'session.check (pages/index/base.js:4)',
      'ask (utils/session.js:3)',
      'askProfile (utils/session.js:2)',
      'wx.getUserProfile (utils/profile.js:2)',
    ]);
  });

  it('reads Component(new X()) and Page(wrapper(X)); a method only a tap calls stays silent', async () => {
    const ask = "  ask() { wx.authorize({ scope: 'scope.userLocation' }); }";
    const component = ['class Card {', '  attached() { this.ask(); }', ask, '}', 'Component(new Card());'];
    const wrapped = [
      'const createPage = (C) => new C();',
      'class Home {',
      '  onShow() { this.ask(); }',
      ask,
      '}',
      'Page(createPage(Home));',
    ];
    const tapped = [
      'class Home {',
      '  onLoad() {}',
      '  onTap() { this.ask(); }',
      ask,
      '}',
      'Page(new Home());',
    ];
    for (const [source, hook] of [
      [component, 'Component.attached'],
      [wrapped, 'Page.onShow'],
    ] as const) {
      const findings = await runRule(firstScreenAuth, wechat({ 'pages/index/index.js': source.join('\n') }));
      expect(chainOf(findings[0])?.[0]).toContain(hook);
      expect(findings.map((f) => f.line)).toEqual([source.indexOf(ask) + 1]);
    }
    expect(await runRule(firstScreenAuth, wechat({ 'pages/index/index.js': tapped.join('\n') }))).toEqual([]);
  });
});

// A Taro page chunk whose own module holds `body`, and the same text in the vendor chunk.
const taroPage = (body: string) => {
  const files = taroBuild();
  const module = `n.r(t);var r=n("./node_modules/@tarojs/taro/index.js"),o=n.n(r);${body}`;
  const deps = ['./src/pages/index/index.jsx', 'runtime', 'taro', 'vendors', 'common'];
  const chunk = jsonp('wx', ['pages/index/index'], { './src/pages/index/index.jsx': module }, deps);
  files.set('pages/index/index.js', Buffer.from(chunk));
  return files;
};
const taroVendor = (body: string) => {
  const files = taroBuild();
  const chunk = jsonp('wx', ['vendors'], { './node_modules/qinghe-ui/index.js': body });
  files.set('vendors.js', Buffer.from(chunk));
  return files;
};
const authFindings = async (files: Map<string, Buffer>) =>
  (await checkFiles(files, { sandbox: false })).findings.filter((f) => f.code === 'FIRST_SCREEN_AUTH');

describe('FIRST_SCREEN_AUTH in Taro components, compiled', () => {
  const components: [string, string, string][] = [
    [
      'a class component’s componentDidMount → this.load',
      'class c extends r.Component{componentDidMount(){this.load()}load(){o.a.getUserProfile({desc:"头像"})}render(){return null}}Page(Object(r.createPageConfig)(c,"pages/index/index"));',
      'Page.componentDidMount',
    ],
    [
      'Babel’s method table: componentDidShow → this.init',
      'var d=function(e){Object(s.a)(n,e);function n(){return e.apply(this,arguments)||this}return Object(i.a)(n,[{key:"componentDidShow",value:function(){this.init()}},{key:"init",value:function(){o.a.getUserProfile({desc:"头像"})}},{key:"render",value:function(){return null}}]),n}(r.Component);Page(Object(r.createPageConfig)(d,"pages/index/index"));',
      'Page.componentDidShow',
    ],
    [
      'a function component’s useLoad',
      'function u(){Object(r.useLoad)(function(){a()});return null}function a(){o.a.getUserProfile({desc:"头像"})}Page(Object(r.createPageConfig)(u,"pages/index/index"));',
      'useLoad',
    ],
    [
      'a function component’s useEffect on mount',
      'function u(){Object(r.useEffect)(function(){o.a.getUserProfile({desc:"头像"})},[]);return null}Page(Object(r.createPageConfig)(u,"pages/index/index"));',
      'useEffect',
    ],
  ];

  it.each(components)('finds %s; silent in the vendor chunk', async (_, body, hook) => {
    const findings = await authFindings(taroPage(body));
    expect(findings).toEqual([expect.objectContaining({ file: 'pages/index/index.js', line: 1 })]);
    const chain = chainOf(findings[0])!;
    expect(chain[0]).toMatch(new RegExp(`^${hook} \\(pages/index/index\\.js:1:\\d+\\)$`));
    expect(chain.at(-1)).toMatch(/^wx\.getUserProfile \(pages\/index\/index\.js:1:\d+\)$/);
    expect(await authFindings(taroVendor(body))).toEqual([]);
  });

  it('stays silent when the component asks only in a tap handler', async () => {
    const body =
      'class c extends r.Component{componentDidMount(){}onTap(){o.a.getUserProfile({desc:"头像"})}render(){return null}}Page(Object(r.createPageConfig)(c,"pages/index/index"));';
    expect(await authFindings(taroPage(body))).toEqual([]);
  });
});

describe('FIRST_SCREEN_AUTH in a Taro (Vue) page chunk', () => {
  // Taro's Vue pages: the page module, named through Taro's loader, registers the component it imports
  // from the script module of the same chunk; the hooks are in that module's options object.
  const vuePage = (load: string) => {
    const files = taroBuild();
    const raw = './node_modules/@tarojs/taro-loader/lib/raw.js!./src/pages/index/index.vue';
    const script = './src/pages/index/index.vue?vue&type=script&lang=js&';
    const modules = {
      [raw]: `n.r(t);var r=n("./node_modules/@tarojs/runtime/dist/runtime.esm.js"),o=n("${script}");Page(Object(r.createPageConfig)(o.a,"pages/index/index",{root:{cn:[]}},{}||{}));`,
      [script]: `var r=n("./node_modules/@tarojs/taro/index.js"),o=n.n(r);t.a={name:"Index",onLoad:function(){this.load()},methods:{load:function(){${load}},tap:function(){o.a.getUserProfile({desc:"头像"})}}};`,
    };
    const deps = [raw, 'runtime', 'taro', 'vendors', 'common'];
    files.set('pages/index/index.js', Buffer.from(jsonp('wx', ['pages/index/index'], modules, deps)));
    return files;
  };

  it('follows the script module’s onLoad when Page(…) passes a webpack import; a tap stays silent', async () => {
    const findings = await authFindings(vuePage('o.a.getUserProfile({desc:"头像"})'));
    expect(chainOf(findings[0])?.map((step) => step.replace(/ \(.*/, ''))).toEqual([
      'Page.onLoad',
      'this.load',
      'wx.getUserProfile',
    ]);
    expect(await authFindings(vuePage(''))).toEqual([]);
  });
});
