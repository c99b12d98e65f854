import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../check.js';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { launchSandboxRule } from '../launch/launch-sandbox.js';
import { npmNotBuilt } from './npm-not-built.js';

const app = (files: Record<string, string>) => fileMap({ ...minimalApp('wechat'), ...files });

describe('NPM_NOT_BUILT', () => {
  it('passes packages that were built, relative bare paths, plugins and TypeScript sources', async () => {
    const files = app({
      'pages/index/index.js': [
        "const dayjs = require('dayjs');",
        "import Button from '@vant/weapp/button/index';",
        "const util = require('utils/util');",
        "const plugin = requirePlugin ? require('plugin://chart/index') : null;",
        'Page({});',
      ].join('\n'),
      'miniprogram_npm/dayjs/index.js': 'module.exports = {};',
      'miniprogram_npm/@vant/weapp/button/index.js': 'Component({});',
      'utils/util.js': 'module.exports = {};',
      'pages/home/home.ts': "import type { Dayjs } from 'dayjs-types';\nPage({});",
    });
    expect(await runRule(npmNotBuilt, files)).toEqual([]);
  });

  it('reports each missing package once per file, where it is first loaded', async () => {
    const files = app({
      'pages/index/index.js': [
        'Page({});',
        "const dayjs = require('dayjs');",
        "const { Toast } = require('@vant/weapp/toast/toast');",
        "const again = require('dayjs/plugin/utc');",
      ].join('\n'),
    });
    expect(await runRule(npmNotBuilt, files)).toEqual([
      expect.objectContaining({
        code: 'NPM_NOT_BUILT',
        severity: 'error',
        file: 'pages/index/index.js',
        line: 2,
        message: expect.objectContaining({ en: expect.stringContaining('the npm package dayjs') }),
      }),
      expect.objectContaining({
        code: 'NPM_NOT_BUILT',
        line: 3,
        message: expect.objectContaining({ en: expect.stringContaining('@vant/weapp') }),
      }),
    ]);
  });

  it('is the one finding of a launch that stops at the missing package, not a generic launch error', async () => {
    const files = app({ 'app.js': "const dayjs = require('dayjs');\nApp({ onLaunch() { dayjs(); } });" });
    const report = await checkFiles(files);
    expect(report.findings.map((f) => `${f.code} ${f.file}:${f.line}`)).toEqual(['NPM_NOT_BUILT app.js:1']);
  });

  it('lets the launch go on past the missing package, so an authorization popup after it is still found', async () => {
    const files = app({
      'app.js':
        "const dayjs = require('dayjs');\nApp({ onLaunch() { dayjs().format(); wx.authorize({ scope: 'scope.userLocation' }); } });",
    });
    const report = await checkFiles(files, { rules: [npmNotBuilt, launchSandboxRule] });
    expect(report.findings.map((f) => `${f.code} ${f.file}:${f.line}`)).toEqual([
      'NPM_NOT_BUILT app.js:1',
      'FIRST_SCREEN_AUTH app.js:2',
    ]);
  });
});
