import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../check.js';
import { readDirectory } from '../../package/read-directory.js';
import { fileMap } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { launchSandboxRule } from './launch-sandbox.js';

const alipay = (app: string, page: string, more: Record<string, string> = {}) =>
  fileMap({
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': app,
    'pages/index/index.axml': '<view/>',
    'pages/index/index.js': page,
    ...more,
  });
const wechat = (app: string, page: string) =>
  fileMap({
    'app.json': JSON.stringify({ pages: ['pages/home/home'] }),
    'app.js': app,
    'pages/home/home.wxml': '<view/>',
    'pages/home/home.js': page,
  });
const run = (files: Map<string, Buffer>) => runRule(launchSandboxRule, files);
const codes = async (files: Map<string, Buffer>) => (await run(files)).map((f) => f.code);

describe.each([
  ['alipay-qinghe-books', 'pages/index/index'],
  ['wechat-qinghe-books', 'pages/index/index'],
])('examples/%s', (name) => {
  it('launches without a finding', async () => {
    const read = await readDirectory(
      fileURLToPath(new URL(`../../../../../examples/${name}/`, import.meta.url)),
    );
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(await run(read.files)).toEqual([]);
  });
});

describe('RUNTIME_ERROR_ON_LAUNCH', () => {
  it('reports a throw in App.onLaunch with its file and line', async () => {
    const files = alipay(
      'App({\n  onLaunch() {\n    throw new Error("config missing");\n  },\n});',
      'Page({});',
    );
    expect(await run(files)).toEqual([
      expect.objectContaining({
        code: 'RUNTIME_ERROR_ON_LAUNCH',
        severity: 'error',
        file: 'app.js',
        line: 3,
        message: {
          zh: '小程序启动时出错（App.onLaunch）：Error: config missing',
          en: 'The app fails when launched, in App.onLaunch: Error: config missing',
        },
      }),
    ]);
  });

  it('reports a throw in the entry page’s onLoad, not in another page', async () => {
    const files = alipay('App({});', 'Page({ onLoad() {\n  this.boom();\n} });', {
      'pages/other/other.js': 'throw new Error("never loaded")',
    });
    const [finding] = await run(files);
    expect(finding).toMatchObject({ file: 'pages/index/index.js', line: 2 });
    expect(finding!.message.en).toBe(
      'The app fails when launched, in Page.onLoad: TypeError: this.boom is not a function',
    );
  });

  it('reports a missing module where it is required, and an undefined property where it is read', async () => {
    const missing = alipay('App({});', '\nconst api = require("../../utils/api");\nPage({});');
    expect(await run(missing)).toEqual([expect.objectContaining({ file: 'pages/index/index.js', line: 2 })]);
    expect((await run(missing))[0]!.message.en).toContain(
      "Cannot find module '../../utils/api' from 'pages/index/index.js'",
    );
    const undefinedUser = wechat(
      'App({ globalData: {} });',
      'Page({\n  onShow() {\n    const name = getApp().globalData.user.name;\n  },\n});',
    );
    const [finding] = await run(undefinedUser);
    expect(finding).toMatchObject({ file: 'pages/home/home.js', line: 3 });
    expect(finding!.message.en).toContain(
      "in Page.onShow: TypeError: Cannot read properties of undefined (reading 'name')",
    );
  });

  it('reports an error thrown in a my.request success callback, naming the hook that asked', async () => {
    const page =
      'Page({ onLoad() {\n  my.request({ url: "https://api.example.com/books", success: (res) => {\n    throw new Error("bad answer");\n  } });\n} });';
    const [finding] = await run(alipay('App({});', page));
    expect(finding).toMatchObject({ file: 'pages/index/index.js', line: 3 });
    expect(finding!.message.en).toBe(
      'The app fails when launched, in a callback scheduled in Page.onLoad: Error: bad answer',
    );
  });

  it('reports an unhandled rejection, but not one handled later or one the stub’s answer caused', async () => {
    const rejected = alipay(
      'App({ async onLaunch() {\n  await null;\n  throw new Error("no token");\n} });',
      'Page({});',
    );
    const [finding] = await run(rejected);
    expect(finding).toMatchObject({ file: 'app.js', line: 3 });
    expect(finding!.message.en).toBe(
      'The app fails when launched, in App.onLaunch: unhandled promise rejection: Error: no token',
    );
    const handledLater = alipay(
      'const p = Promise.reject(new Error("x"));\nsetTimeout(() => p.catch(() => {}), 20);\nApp({});',
      'Page({});',
    );
    expect(await run(handledLater)).toEqual([]);
    const missingKey = wechat(
      'App({ async onLaunch() { await wx.getStorage({ key: "token" }); } });',
      'Page({});',
    );
    expect(await run(missingKey)).toEqual([]);
  });

  it('lets pages use what a server would answer without failing for want of one', async () => {
    const page = `Page({
      data: { list: [] },
      async onLoad() {
        const res = await my.request({ url: 'https://api.example.com/home' });
        this.setData({ list: res.data.data.list.map((x) => x.id), 'banner.title': res.data.title.trim() });
        for (const item of res.data.items) this.setData({ last: item });
        my.getStorageSync({ key: 'token' }).data;
        const info = my.getSystemInfoSync();
        this.setData({ width: info.windowWidth * 2, size: this.data.list.length });
        my.createSelectorQuery().select('#a').boundingClientRect().exec((r) => r[0].width);
        my.getUpdateManager().onUpdateReady(() => {});
      },
    });`;
    expect(await run(alipay('App({});', page))).toEqual([]);
  });

  it('reports one finding for an interval that keeps throwing', async () => {
    const files = alipay(
      'App({ onLaunch() { setInterval(() => { throw new Error("tick"); }, 5); } });',
      'Page({});',
    );
    expect(await codes(files)).toEqual(['RUNTIME_ERROR_ON_LAUNCH']);
  });

  it('runs ES module pages, keeping their lines, and the entry page with its query', async () => {
    const files = fileMap({
      'app.json': JSON.stringify({
        pages: ['pages/a/a', 'pages/b/b'],
        entryPagePath: 'pages/b/b?from=share',
      }),
      'app.js': 'import { start } from "./utils/start";\nApp({ onLaunch: start });',
      'utils/start.js': 'export function start() {}\nexport default 1;',
      'pages/b/b.js':
        'import one from "../../utils/start";\n\nPage({ onLoad(q) {\n  throw new Error(JSON.stringify(q) + one);\n} });',
    });
    const [finding] = await run(files);
    expect(finding).toMatchObject({ file: 'pages/b/b.js', line: 4 });
    expect(finding!.message.en).toContain('Error: {"from":"share"}1');
  });

  it('says nothing when the launch cannot be run: TypeScript, a syntax error, sandbox off', async () => {
    const ts = fileMap({
      'app.json': '{"pages":["pages/a/a"]}',
      'app.ts': 'App({})',
      'pages/a/a.ts': 'throw 1',
    });
    expect(await run(ts)).toEqual([]);
    expect(
      await run(alipay('App({ onLaunch() { require("./util") } });', 'Page({});', { 'util.ts': '' })),
    ).toEqual([]);
    expect(await run(alipay('App({ onLaunch() { throw new Error("x") }', 'Page({});'))).toEqual([]);
    expect(launchSandboxRule.sandbox).toBe(true);
    expect(await runRule(launchSandboxRule, alipay('throw 1', ''), { sandbox: false })).toEqual([]);
    expect(
      await checkFiles(alipay('throw 1', ''), { sandbox: false, rules: [launchSandboxRule] }),
    ).toMatchObject({
      findings: [],
    });
  });
});
