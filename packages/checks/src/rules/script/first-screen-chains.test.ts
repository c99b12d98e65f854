import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { firstScreenAuth } from './first-screen-auth.js';

// Issue 12: what real apps put between a launch hook and an authorization popup: a service module (ES), a
// request wrapper (CommonJS) whose interceptor logs in, an async session helper, a promise callback by name.
const layers = (page: string) =>
  fileMap({
    ...minimalApp('wechat'),
    'pages/index/index.js': page,
    'services/home.js':
      "import http from '../utils/http';\nexport function loadHome() {\n  return http.get('/home');\n}",
    'utils/http.js': [
      "const { ensureLogin } = require('./session');",
      'function addToken(config) {',
      '  return ensureLogin().then(() => config);',
      '}',
      'const http = {',
      '  interceptors: { request: { handlers: [], use(fn) { this.handlers.push(fn); } } },',
      "  get(url) { return wx.request({ url: 'https://api.qinghe.example' + url }); },",
      '};',
      'http.interceptors.request.use(addToken);',
      'module.exports = http;',
    ].join('\n'),
    'utils/session.js': [
      "import { askProfile } from './profile';",
      'export const ensureLogin = async () => {',
      "  const token = wx.getStorageSync('token');",
      '  if (!token) await askProfile();',
      '  return token;',
      '};',
    ].join('\n'),
    'utils/profile.js':
      "exports.askProfile = function () {\n  return new Promise((resolve) => wx.getUserProfile({ desc: '会员', success: resolve }));\n};",
  });

describe('FIRST_SCREEN_AUTH through deep chains', () => {
  it('follows onLoad through a wrapper’s interceptor, ES modules and CommonJS, 8 steps, each with file:line', async () => {
    const page = [
      "import { loadHome } from '../../services/home';",
      'function show() {}',
      'Page({',
      '  onLoad() { this.start(); },',
      '  start() { loadHome().then(show); },',
      '});',
    ].join('\n');
    const findings = await runRule(firstScreenAuth, layers(page));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'FIRST_SCREEN_AUTH', file: 'utils/profile.js', line: 2 }),
    ]);
    const chain = findings[0]!.message.en
      .replace(/.*\(via /, '')
      .slice(0, -1)
      .split(' → ');
    expect(chain).toEqual([
      'Page.onLoad (pages/index/index.js:4)',
      'this.start (pages/index/index.js:4)',
      'loadHome (pages/index/index.js:5)',
      'http.get (services/home.js:3)',
      'interceptor (utils/http.js:2)',
      'ensureLogin (utils/http.js:3)',
      'askProfile (utils/session.js:4)',
      'wx.getUserProfile (utils/profile.js:2)',
    ]);
  });

  it('stays silent when the same chain starts from a tap', async () => {
    const page = [
      "import { loadHome } from '../../services/home';",
      'Page({',
      '  onLoad() {},',
      '  onTapLogin() { loadHome(); },',
      '});',
    ].join('\n');
    expect(await runRule(firstScreenAuth, layers(page))).toEqual([]);
  });
});
