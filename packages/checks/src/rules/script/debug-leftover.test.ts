import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { debugLeftover } from './debug-leftover.js';

describe('DEBUG_LEFTOVER', () => {
  it('passes debugging switched off, and the words in strings, comments and vendored code', async () => {
    const files = fileMap({
      ...minimalApp('wechat'),
      'app.json': JSON.stringify({ pages: ['pages/index/index'], debug: false }),
      'app.js':
        "// debugger\nconst tip = 'debugger; new VConsole()';\nwx.setEnableDebug({ enableDebug: false });\nApp({});",
      'miniprogram_npm/vconsole/index.js': 'debugger;',
    });
    expect(await runRule(debugLeftover, files)).toEqual([]);
  });

  it('reports debugger statements, vConsole, debug switches and app.json debug, each with its line', async () => {
    const files = fileMap({
      ...minimalApp('alipay'),
      'app.json': '{\n  "pages": ["pages/index/index"],\n  "debug": true\n}',
      'app.js': "import VConsole from 'vconsole';\nnew VConsole();\nApp({ onLaunch() {\n  debugger;\n} });",
      'pages/index/index.js': 'Page({ onLoad() { my.setEnableDebug({ enableDebug: true }); } });',
    });
    const findings = await runRule(debugLeftover, files);
    expect(findings.map((f) => [f.file, f.line, f.message.en])).toEqual([
      ['app.js', 4, 'Debugging code left in: a debugger statement'],
      ['app.js', 1, 'Debugging code left in: the vConsole panel'],
      [
        'pages/index/index.js',
        1,
        'Debugging code left in: the my.setEnableDebug({ enableDebug: true }) switch',
      ],
      ['app.json', 3, 'Debugging code left in: "debug": true in app.json'],
    ]);
    expect(findings[0]).toMatchObject({ code: 'DEBUG_LEFTOVER', severity: 'warning' });
    expect(findings[1]!.message.zh).toBe('遗留了调试代码：vConsole 调试面板');
  });
});
