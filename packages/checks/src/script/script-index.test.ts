import { describe, expect, it } from 'vitest';
import { fileMap } from '../testing/file-map.js';
import { stringValue } from './module-values.js';
import { createScriptIndex } from './script-index.js';

describe('createScriptIndex', () => {
  it('lists own scripts, template scripts and templates, leaving vendored and minified code out', () => {
    const minified = `!function(){${'var a=1,b=2;if(a){b(a,function(c){return c})};'.repeat(60)}}();`;
    const index = createScriptIndex(
      fileMap({
        'app.js': '',
        'pages/a/a.ts': '',
        'pages/a/a.d.ts': '',
        'pages/a/a.axml': '',
        'pages/a/f.sjs': '',
        'node_modules/x/index.js': '',
        'miniprogram_npm/y/index.wxml': '',
        'libs/chart.js': minified,
      }),
    );
    expect(index.ownScripts).toEqual(['app.js', 'pages/a/a.ts']);
    expect(index.templateScripts).toEqual(['pages/a/f.sjs']);
    expect(index.ownTemplates).toEqual(['pages/a/a.axml']);
  });

  it('parses and summarizes each script once', () => {
    const index = createScriptIndex(fileMap({ 'app.js': 'App({});' }));
    expect(index.parse('app.js')).toBe(index.parse('app.js'));
    expect(index.summary('app.js')).toBe(index.summary('app.js'));
    expect(index.parse('missing.js')).toBeUndefined();
  });

  it('finds platform calls through aliases, computed names, optional chains and TypeScript casts', () => {
    const source = [
      'const api = wx;',
      'const { request, navigateTo: go } = wx;',
      'const toast = my.showToast;',
      "api.login(); request({}); go({}); toast({}); wx['getLocation'](); wx?.authorize({}); (my as any).getAuthCode();",
      '(0, wx.reLaunch)({}); other.request({});',
    ].join('\n');
    const summary = createScriptIndex(fileMap({ 'a.ts': source })).summary('a.ts')!;
    expect(summary.apiCalls.map((c) => c.name)).toEqual([
      'wx.login',
      'wx.request',
      'wx.navigateTo',
      'my.showToast',
      'wx.getLocation',
      'wx.authorize',
      'my.getAuthCode',
      'wx.reLaunch',
    ]);
  });

  it('resolves own modules relative or from the root, with or without extension, and not packages', () => {
    const index = createScriptIndex(
      fileMap({ 'utils/a.js': '', 'utils/b.ts': '', 'utils/c/index.js': '', 'pages/p/p.js': '' }),
    );
    expect(index.resolve('pages/p/p.js', '../../utils/a')).toBe('utils/a.js');
    expect(index.resolve('pages/p/p.js', '/utils/b.js')).toBe('utils/b.ts');
    expect(index.resolve('pages/p/p.js', '../../utils/c')).toBe('utils/c/index.js');
    expect(index.resolve('pages/p/p.js', 'dayjs')).toBeUndefined();
    expect(index.resolve('pages/p/p.js', '../../../outside')).toBeUndefined();
  });

  it('follows string constants across modules, and stops on cycles', () => {
    const index = createScriptIndex(
      fileMap({
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a fixture script
        'config.js': "const HOST = 'api.example';\nmodule.exports = { BASE: `https://${HOST}`, LOOP: LOOP };",
        'page.js':
          "import cfg from './config';\nconst { BASE } = require('./config');\nconst a = BASE + '/a';\nconst b = cfg.LOOP;",
      }),
    );
    const program = index.parse('page.js')!.result.program;
    const init = (i: number) =>
      (program.body[i] as unknown as { declarations: { init: never }[] }).declarations[0]!.init;
    expect(stringValue(index, 'page.js', init(2))).toEqual({
      value: 'https://api.example/a',
      complete: true,
    });
    expect(stringValue(index, 'page.js', init(3))).toBeUndefined();
  });
});
