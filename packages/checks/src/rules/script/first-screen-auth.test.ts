import { describe, expect, it } from 'vitest';
import { fileMap } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { firstScreenAuth } from './first-screen-auth.js';

/** An Alipay app whose entry page is `pages/index/index`, plus the files given. */
const app = (
  files: Record<string, string>,
  appJson: object = { pages: ['pages/index/index', 'pages/me/me'] },
) =>
  fileMap({
    'app.json': JSON.stringify(appJson),
    'app.js': 'App({});',
    'pages/index/index.axml': '<button onTap="login">登录</button>',
    'pages/index/index.js': 'Page({});',
    'pages/me/me.axml': '<view>我的</view>',
    ...files,
  });

const chains = async (files: Map<string, Buffer>) =>
  (await runRule(firstScreenAuth, files)).map((f) => [f.file, f.line, f.message.en]);

describe('FIRST_SCREEN_AUTH', () => {
  it('passes silent login, authorization on a tap, on other pages, and behind getSetting', async () => {
    const files = app({
      'app.js': "App({ onLaunch() { my.getAuthCode({ scopes: 'auth_base' }); my.getAuthCode(); } });",
      'pages/index/index.js': [
        'Page({',
        '  onLoad() { this.refresh(); },',
        '  refresh() { my.getSetting({ success: (r) => { if (r.authSetting.location) my.getLocation(); } }); },',
        "  login() { my.getAuthCode({ scopes: 'auth_user' }); my.getPhoneNumber(); },",
        '});',
      ].join('\n'),
      'pages/me/me.js': 'Page({ onLoad() { my.getOpenUserInfo(); } });',
    });
    expect(await chains(files)).toEqual([]);
  });

  it('reports an API called in App.onLaunch and a user scope in the entry page, with the call path', async () => {
    const files = app({
      'app.js': 'App({\n  onShow() {\n    my.getLocation({ success() {} });\n  },\n});',
      'pages/index/index.js': [
        "const scopes = ['auth_base', 'auth_user'];",
        'Page({',
        '  onLoad() { this.init(); },',
        '  init() { my.getAuthCode({ scopes, success: () => {} }); },',
        '});',
      ].join('\n'),
    });
    expect(await chains(files)).toEqual([
      [
        'app.js',
        3,
        'my.getLocation asks for authorization when the app opens, before any user action (via App.onShow (app.js:2) → my.getLocation (app.js:3))',
      ],
      [
        'pages/index/index.js',
        4,
        'my.getAuthCode asks for authorization when the app opens, before any user action (via Page.onLoad (pages/index/index.js:3) → this.init (pages/index/index.js:3) → my.getAuthCode (pages/index/index.js:4))',
      ],
    ]);
  });

  it('follows functions of the file and required or imported modules, .ts and index included', async () => {
    const files = app(
      {
        'pages/home/home.axml': '<view/>',
        'pages/home/home.ts': [
          "import { locate } from '../../utils/location';",
          "const auth = require('../../services');",
          'const start = () => { auth.profile(); };',
          'function boot() { start(); }',
          'Page({ onReady() { boot(); }, onShow: locate });',
        ].join('\n'),
        'utils/location.ts': 'export function locate(): void {\n  wx.getLocation({ type: "gcj02" });\n}',
        'services/index.js':
          'module.exports = {\n  profile() { this.ask(); },\n  ask() { wx.getUserProfile({ desc: "会员" }); },\n};',
      },
      { pages: ['pages/index/index', 'pages/home/home'], entryPagePath: 'pages/home/home' },
    );
    expect(
      (await chains(files)).map(([file, line, en]) => [file, line, String(en).replace(/.*\(via /, '')]),
    ).toEqual([
      [
        'services/index.js',
        3,
        'Page.onReady (pages/home/home.ts:5) → boot (pages/home/home.ts:5) → start (pages/home/home.ts:4) → auth.profile (pages/home/home.ts:3) → this.ask (services/index.js:2) → wx.getUserProfile (services/index.js:3))',
      ],
      ['utils/location.ts', 2, 'Page.onShow (utils/location.ts:1) → wx.getLocation (utils/location.ts:2))'],
    ]);
  });

  it('reads WeChat Component pages and stops on call cycles', async () => {
    const files = app({
      'pages/index/index.wxml': '<view/>',
      'pages/index/index.js': [
        'function a(n) { if (n) b(n - 1); }',
        'function b(n) { a(n); wx.authorize({ scope: "scope.userLocation" }); }',
        'Component({ methods: { onLoad() { this.go(); }, go() { a(3); } } });',
      ].join('\n'),
    });
    expect(await chains(files)).toEqual([
      [
        'pages/index/index.js',
        2,
        'wx.authorize asks for authorization when the app opens, before any user action (via Component.methods.onLoad (pages/index/index.js:3) → this.go (pages/index/index.js:3) → a (pages/index/index.js:3) → b (pages/index/index.js:1) → wx.authorize (pages/index/index.js:2))',
      ],
    ]);
  });
});
