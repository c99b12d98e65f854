import { describe, expect, it } from 'vitest';
import { fileMap } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { launchSandboxRule } from './launch-sandbox.js';

// The dynamic half of FIRST_SCREEN_AUTH: what the launch really called, with nothing tapped.
const alipay = (app: string, page: string) =>
  fileMap({
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': app,
    'pages/index/index.axml': '<view/>',
    'pages/index/index.js': page,
  });
const wechat = (app: string, page: string) =>
  fileMap({
    'app.json': JSON.stringify({ pages: ['pages/home/home'] }),
    'app.js': app,
    'pages/home/home.wxml': '<view/>',
    'pages/home/home.js': page,
  });
const run = (files: Map<string, Buffer>) => runRule(launchSandboxRule, files);

describe('FIRST_SCREEN_AUTH (dynamic)', () => {
  it('reports my.getAuthCode with a user scope in onLoad, with the calling line', async () => {
    const page =
      'Page({\n  onLoad() {\n    my.getAuthCode({ scopes: "auth_user", success() {} });\n  },\n});';
    expect(await run(alipay('App({});', page))).toEqual([
      expect.objectContaining({
        code: 'FIRST_SCREEN_AUTH',
        file: 'pages/index/index.js',
        line: 3,
        message: {
          zh: '打开小程序时未经用户操作就调用了授权接口 my.getAuthCode（调用路径：Page.onLoad → my.getAuthCode）',
          en: 'my.getAuthCode asks for authorization when the app opens, before any user action (via Page.onLoad → my.getAuthCode)',
        },
      }),
    ]);
  });

  it('stays silent for auth_base, for no scopes, and for an API only a tap calls', async () => {
    expect(
      await run(
        alipay(
          'App({ onLaunch() { my.getAuthCode({ scopes: ["auth_base"] }); my.getAuthCode({}); } });',
          'Page({});',
        ),
      ),
    ).toEqual([]);
    const tap = wechat(
      'App({});',
      'Page({ onLoad() {}, onTapLogin() { wx.getUserProfile({ desc: "登录" }); } });',
    );
    expect(await run(tap)).toEqual([]);
  });

  it('reports WeChat authorization in App.onLaunch and in a timer of the page', async () => {
    const files = wechat(
      'App({ onLaunch() { wx.authorize({ scope: "scope.userLocation" }); } });',
      'Page({ onShow() { setTimeout(() => wx.getLocation({ type: "gcj02" }), 10); } });',
    );
    const findings = await run(files);
    expect(findings.map((f) => [f.code, f.file, f.message.en.split('(via ')[1]])).toEqual([
      ['FIRST_SCREEN_AUTH', 'app.js', 'App.onLaunch → wx.authorize)'],
      ['FIRST_SCREEN_AUTH', 'pages/home/home.js', 'a callback scheduled in Page.onShow → wx.getLocation)'],
    ]);
  });
});
