import { describe, expect, it } from 'vitest';
import { toCommonJs } from '../esm-to-cjs.js';
import type { LaunchHost } from './host.js';
import { createModuleLoader } from './module-loader.js';

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', '__minirelease'];

/** The loader over literal files, in this realm: `new Function` stands for the worker's `vm.Script`. */
function loaderOver(files: Record<string, string>) {
  const state = { blocked: false };
  const host = {
    has: (path: string) => Object.hasOwn(files, path),
    text: (path: string) => files[path],
    compile(path: string) {
      if (path.endsWith('.ts')) return 'blocked';
      const converted = toCommonJs(path, files[path] ?? '');
      return converted.ok ? new Function(...PARAMS, converted.code) : 'syntax';
    },
  } as unknown as LaunchHost;
  const loader = createModuleLoader(
    host,
    (call) => call(),
    () => {
      state.blocked = true;
    },
  );
  return { load: (path: string) => loader.load(path) as Record<string, unknown>, state };
}

describe('createModuleLoader', () => {
  it('resolves relative, root-absolute, extensionless, index and JSON requires', () => {
    const { load } = loaderOver({
      'pages/a/a.js': `module.exports = [require('../../utils/x'), require('/utils/x.js'), require('../../lib'), require('./conf.json').n];`,
      'utils/x.js': 'module.exports = "x";',
      'lib/index.js': 'module.exports = "lib";',
      'pages/a/conf.json': '{"n": 3}',
    });
    expect(load('pages/a/a.js')).toEqual(['x', 'x', 'lib', 3]);
  });

  it('finds npm packages by name in miniprogram_npm or node_modules of any parent folder', () => {
    const { load } = loaderOver({
      'pages/a/a.js': `module.exports = [require('dayjs'), require('@vant/weapp/button/index'), require('lodash/get')];`,
      'miniprogram_npm/dayjs/index.js': 'module.exports = "dayjs";',
      'miniprogram_npm/@vant/weapp/button/index.js': 'module.exports = "button";',
      'node_modules/lodash/package.json': '{"main": "lodash.js"}',
      'node_modules/lodash/get.js': 'module.exports = "get";',
    });
    expect(load('pages/a/a.js')).toEqual(['dayjs', 'button', 'get']);
  });

  it('uses package.json main, and falls back to the current folder for a bare name as WeChat does', () => {
    const { load } = loaderOver({
      'pages/a/a.js': `module.exports = [require('sdk'), require('util.js')];`,
      'node_modules/sdk/package.json': '{"main": "./dist/sdk"}',
      'node_modules/sdk/dist/sdk.js': 'module.exports = "sdk";',
      'pages/a/util.js': 'module.exports = "util";',
    });
    expect(load('pages/a/a.js')).toEqual(['sdk', 'util']);
  });

  it('finds no Node built-in and nothing outside the package', () => {
    const { load } = loaderOver({ 'app.js': '', 'pages/a.js': '' });
    const attempt = (request: string) => {
      const files = { 'app.js': `module.exports = require(${JSON.stringify(request)});` };
      return () => loaderOver(files).load('app.js');
    };
    expect(attempt('fs')).toThrow("Cannot find module 'fs' from 'app.js'");
    expect(attempt('../outside')).toThrow(expect.objectContaining({ code: 'MODULE_NOT_FOUND' }));
    expect(load('pages/a.js')).toEqual({});
  });

  it('caches modules, gives a cycle the partial exports, and forgets a module that threw', () => {
    const { load } = loaderOver({
      'a.js': `exports.early = 1; const b = require('./b'); exports.seen = b.sawEarly; exports.same = require('./b') === b;`,
      'b.js': `exports.sawEarly = require('./a').early;`,
      'bad.js': `globalThis.tries = (globalThis.tries ?? 0) + 1; throw new Error('x');`,
      'c.js': `try { require('./bad') } catch {} try { require('./bad') } catch {} module.exports = globalThis.tries;`,
    });
    expect(load('a.js')).toEqual({ early: 1, seen: 1, same: true });
    expect(load('c.js')).toBe(2);
  });

  it('links ES modules: default, named, namespace, live bindings, star re-exports and import()', async () => {
    const { load } = loaderOver({
      'counter.js': 'export let count = 0;\nexport function inc() { count += 1; }\nexport default "counter";',
      'all.js': "export * from './counter';",
      'cjs.js': 'module.exports = { n: 1 };',
      'again.js': "import { inc } from './counter';\nconst local = 2;\nexport { inc as bump, local };",
      'main.js': [
        "import name from './counter';",
        "import { bump as inc, local } from './again';",
        "import * as all from './all';",
        "import cjs from './cjs';",
        'inc();',
        "export const result = [name, all.count, cjs.n, 'default' in all, local];",
        "export const later = import('./cjs');",
      ].join('\n'),
    });
    const main = load('main.js');
    expect(main.result).toEqual(['counter', 1, 1, false, 2]);
    expect(await main.later).toEqual({ n: 1, default: { n: 1 } });
  });

  it('stops the launch at a TypeScript file', () => {
    const { load, state } = loaderOver({ 'a.js': "require('./b')", 'b.ts': 'export {}' });
    expect(() => load('a.js')).toThrow('the launch sandbox does not run b.ts');
    expect(state.blocked).toBe(true);
  });
});
