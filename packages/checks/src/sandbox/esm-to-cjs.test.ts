import { describe, expect, it } from 'vitest';
import { toCommonJs } from './esm-to-cjs.js';

const convert = (source: string) => {
  const result = toCommonJs('pages/a/a.js', source);
  if (!result.ok) throw new Error(result.reason);
  return result.code;
};

describe('toCommonJs', () => {
  it('keeps every line where it was, adding only to line 1', () => {
    const source = [
      '// 首页：书目列表',
      "import { books } from '../../utils/books';",
      "import api, * as all from '../../utils/api';",
      'export const size = books.length;',
      'export default {',
      '  size,',
      '};',
      "export { books as list } from '../../utils/books';",
      'const marker = 8;',
    ].join('\n');
    const lines = convert(source).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(/^'use strict';.*\/\/ 首页：书目列表$/);
    expect(lines.slice(1, 3)).toEqual(['', '']);
    expect(lines[3]).toBe(' const size = books.length;');
    expect(lines[4]).toBe('exports.default = {');
    expect(lines[7]).toBe('');
    expect(lines[8]).toBe('const marker = 8;');
  });

  it('requires imports first and defines live getters for exports on line 1', () => {
    const source =
      "export function f() {}\nimport x, { y as z } from './m';\nconst k = 1;\nexport { z, k as kay };";
    const first = convert(source).split('\n')[0]!;
    expect(first).toContain('const __minirelease_import0 = require("./m");');
    expect(first).toContain('const x = __minirelease.interop(__minirelease_import0);');
    expect(first).toContain('const z = __minirelease_import0["y"];');
    expect(first).toContain('__minirelease.define(exports, "f", () => f);');
    expect(first).toContain('__minirelease.define(exports, "z", () => __minirelease_export1_0["y"]);');
    expect(first).toContain('__minirelease.define(exports, "kay", () => k);');
    expect(first.indexOf('require(')).toBeLessThan(first.indexOf('define(exports, "f"'));
  });

  it('turns default exports into a getter for a named declaration, an assignment otherwise', () => {
    expect(convert('export default function load() {}')).toContain(
      '__minirelease.define(exports, "default", () => load);',
    );
    expect(convert('export default function load() {}')).toMatch(/ function load\(\) \{\}$/);
    expect(convert('export default async () => 1;')).toMatch(/exports\.default = async \(\) => 1;$/);
    expect(convert('export default class {}')).toMatch(/exports\.default = class \{\}$/);
  });

  it('re-exports from other modules, star exports last', () => {
    const first = convert("export * from './a';\nexport * as b from './b';").split('\n')[0]!;
    expect(first).toContain(
      '__minirelease.define(exports, "b", () => __minirelease.namespace(__minirelease_export1_0));',
    );
    expect(first.endsWith('__minirelease.star(exports, __minirelease_export0_0);')).toBe(true);
  });

  it('rewrites import() and import.meta, even in CommonJS, which otherwise stays as it is', () => {
    expect(convert("const p = import('./a');\nmodule.exports = p;")).toBe(
      "const p = __minirelease.import('./a');\nmodule.exports = p;",
    );
    expect(convert('module.exports = 1; // no import here')).toBe('module.exports = 1; // no import here');
    expect(convert('export const url = import.meta.url;')).toContain('const url = __minirelease.meta.url;');
  });

  it('refuses what does not parse', () => {
    expect(toCommonJs('a.js', 'import { from "x"')).toMatchObject({ ok: false });
  });
});
