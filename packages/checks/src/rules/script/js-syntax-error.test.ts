import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { jsSyntaxError } from './js-syntax-error.js';

const app = (files: Record<string, string>) => fileMap({ ...minimalApp('wechat'), ...files });

describe('JS_SYNTAX_ERROR', () => {
  it('passes ES modules, CommonJS with a top-level return, TypeScript pages, SJS and WXS', async () => {
    const files = app({
      'utils/esm.js': "import { a } from './a.js';\nexport const b = a ?? 1;",
      'utils/cjs.js': "if (typeof wx === 'undefined') return;\nmodule.exports = { ok: true };",
      'pages/index/index.ts': 'interface Data { n: number }\nPage<Data, {}>({ data: { n: 1 } as Data });',
      'pages/index/format.wxs': 'module.exports = { price: function (c) { return c / 100; } };',
      'pages/index/format.sjs': 'export default { price: (c) => c / 100 };',
    });
    expect(await runRule(jsSyntaxError, files)).toEqual([]);
  });

  it('reports the file and the 1-based line of the first error, once per file', async () => {
    const files = app({
      'pages/index/index.js': 'Page({\n  onLoad() {\n    this.setData({ a: 1 }\n  },\n});\nlet = ;',
      'pages/index/index.ts': 'const n: number = ;',
      'pages/index/format.wxs': 'module.exports = {',
    });
    const findings = await runRule(jsSyntaxError, files);
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['pages/index/index.js', 4],
      ['pages/index/index.ts', 1],
      ['pages/index/format.wxs', 1],
    ]);
    expect(findings[0]).toMatchObject({ code: 'JS_SYNTAX_ERROR', severity: 'error' });
    expect(findings[0]!.message.zh).toMatch(/^pages\/index\/index\.js 第 4 行有语法错误：/);
    expect(findings[0]!.message.en).toMatch(
      /^pages\/index\/index\.js has a syntax error on line 4: Expected/,
    );
  });

  it('reports the real error of a CommonJS module with a top-level return, not the return', async () => {
    const files = app({ 'utils/cjs.js': 'if (!wx) return;\nmodule.exports = {\n  a: 1,,\n};' });
    const [finding] = await runRule(jsSyntaxError, files);
    expect(finding).toMatchObject({ file: 'utils/cjs.js', line: 3 });
    expect(finding!.message.en).not.toMatch(/return/);
  });

  it('counts lines in UTF-16 offsets past Chinese comments and strings', async () => {
    const files = app({
      'pages/index/index.js': "// 青禾书店首页\nconst 书名 = '红楼梦';\nPage({ data: { 书名 } ;",
    });
    expect((await runRule(jsSyntaxError, files))[0]).toMatchObject({ line: 3 });
  });

  it('does not judge vendored libraries or minified builds', async () => {
    const minified = `!function(e){${'var a=e(1),b=e(2);if(a){b(a,function(c){return c})};'.repeat(60)}}(`;
    const files = app({
      'node_modules/lib/index.js': 'export default {',
      'miniprogram_npm/lib/index.js': 'module.exports = {',
      'vendor/sdk.min.js': 'broken(',
      'common/vendor.js': 'broken(',
      'libs/bundle.js': minified,
    });
    expect(await runRule(jsSyntaxError, files)).toEqual([]);
  });
});
