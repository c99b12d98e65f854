import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppJson } from '../app-json.js';
import { detectLayout } from '../layout.js';
import { fileMap } from '../testing/file-map.js';
import { type LaunchOptions, runLaunch, runLaunchInput } from './run-launch.js';
import { RUNTIME_SOURCE } from './runtime/runtime-source.js';

const DEADLINE = 500;
/** Worker start and termination on a busy machine; the point is "ends", not "fast". */
const MARGIN = 2500;

function launch(app: string, page = 'Page({});', options: LaunchOptions = {}) {
  const files = fileMap({
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': app,
    'pages/index/index.axml': '<view/>',
    'pages/index/index.js': page,
  });
  return runLaunch(
    { files, appJson: readAppJson(files), layout: detectLayout(files) },
    { deadlineMs: DEADLINE, ...options },
  );
}

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await task();
  return [result, performance.now() - start];
}

describe('a launch that never ends is cut at the deadline', () => {
  it('ends an endless loop in onLoad, naming the hook', async () => {
    const [result, ms] = await timed(() => launch('App({});', 'Page({ onLoad() { while (true) {} } });'));
    expect(result).toMatchObject({
      status: 'timeout',
      phase: 'Page.onLoad',
      scripts: { page: 'pages/index/index.js' },
    });
    expect(ms).toBeLessThan(DEADLINE + MARGIN);
  });

  it('ends a promise loop, which vm’s timeout cannot stop', async () => {
    const [awaiting, ms] = await timed(() => launch('App({ async onLaunch() { for (;;) await null; } });'));
    expect(awaiting).toMatchObject({ status: 'timeout', phase: 'App.onLaunch' });
    expect(ms).toBeLessThan(DEADLINE + MARGIN);
    const chained = await launch(
      'function spin() { return Promise.resolve().then(spin); }\nspin();\nApp({});',
    );
    // A chain that allocates a promise per turn is ended by whichever limit it meets first: the deadline on a
    // fast machine, the worker's heap limit on a loaded one. Either way the launch ends, in the app's script.
    expect(chained).toMatchObject({ phase: 'app-script' });
    expect(['timeout', 'out-of-memory']).toContain(chained.status);
  });

  it('keeps the errors posted before the deadline', async () => {
    const result = await launch('App({ onLaunch() { null.x; } });', 'Page({ onShow() { for (;;) {} } });');
    expect(result.status).toBe('timeout');
    expect(result.errors).toEqual([
      expect.objectContaining({ phase: 'App.onLaunch', file: 'app.js', line: 1 }),
    ]);
  });
});

describe('a launch that takes too much memory is stopped', () => {
  it('ends unbounded allocation on the heap as out of memory', async () => {
    const [result, ms] = await timed(() =>
      launch('const a = [];\nfor (;;) a.push(new Array(1e6).fill(1));', 'Page({});', { deadlineMs: 5000 }),
    );
    expect(result).toMatchObject({ status: 'out-of-memory', phase: 'app-script' });
    expect(ms).toBeLessThan(5000 + MARGIN);
  });

  it('refuses array buffers beyond the budget, which the heap limit does not count', async () => {
    const result = await launch(
      'const keep = [];\nApp({ onLaunch() { for (;;) keep.push(new Uint8Array(8 * 1048576).fill(1)); } });',
    );
    expect(result.status).toBe('finished');
    expect(result.errors).toEqual([expect.objectContaining({ name: 'RangeError', file: 'app.js', line: 2 })]);
    expect(result.errors[0]!.message).toContain('the launch sandbox allows 64 MB of binary data');
  });

  it('reports a stack overflow as the app’s error', async () => {
    const result = await launch('function f() { return f() + 1; }\nApp({ onLaunch() { f(); } });');
    expect(result.errors).toEqual([
      expect.objectContaining({
        name: 'RangeError',
        message: 'Maximum call stack size exceeded',
        file: 'app.js',
        line: 1,
      }),
    ]);
  });
});

describe('nothing gets out of the sandbox', () => {
  const mark = join(tmpdir(), `minirelease-escape-${process.pid}-${Date.now()}`);

  it('has no process, no Node require and no code from strings; the checker lives on and the disk is untouched', async () => {
    const attempts = [
      'process.exit(1)',
      `require('fs').writeFileSync(${JSON.stringify(mark)}, 'x')`,
      `require('node:child_process').execSync('touch ${mark}')`,
      "this.constructor.constructor('return process')().exit(2)",
      "my.request.constructor.constructor('return process')().exit(3)",
      "getApp.constructor('return process')().exit(4)",
      'globalThis.process.exit(5)',
      'eval("1")',
    ];
    const app = `App({ onLaunch() {\n${attempts.map((a) => `try { ${a}; } catch (e) { console.log(e.name + ': ' + e.message); }`).join('\n')}\n} });`;
    const esm = `import('fs').then((fs) => fs.writeFileSync(${JSON.stringify(mark)}, 'x'), (e) => e.constructor.constructor('return process')().exit(6));`;
    const result = await launch(app, `${esm}\nprocess.exit(7);`);
    expect(result.status).toBe('finished');
    expect(result.console).toEqual([
      'log: ReferenceError: process is not defined',
      "log: Error: Cannot find module 'fs' from 'app.js'",
      "log: Error: Cannot find module 'node:child_process' from 'app.js'",
      'log: EvalError: Code generation from strings disallowed for this context',
      'log: EvalError: Code generation from strings disallowed for this context',
      'log: EvalError: Code generation from strings disallowed for this context',
      "log: TypeError: Cannot read properties of undefined (reading 'exit')",
      'log: EvalError: Code generation from strings disallowed for this context',
    ]);
    expect(result.errors.map((e) => `${e.kind} ${e.name}: ${e.message}`)).toEqual([
      'thrown ReferenceError: process is not defined',
      'rejection EvalError: Code generation from strings disallowed for this context',
    ]);
    expect(existsSync(mark)).toBe(false);
  });

  it('gives a raw import(), had one escaped the rewrite, no way to a Function of the worker', async () => {
    const source = `import('fs').catch((e) => { try { e.constructor.constructor('return process')().exit(8); } catch (x) { console.log(x.message); } });`;
    const input = {
      platform: 'my' as const,
      sources: { 'app.js': `${source}\nApp({});` },
      blocked: {},
      app: 'app.js',
      page: undefined,
      settleMs: 100,
      deadlineMs: 2000,
      runtimeSource: RUNTIME_SOURCE,
    };
    const result = await runLaunchInput(input, 64, (path) => path === 'app.js');
    expect(result.status).toBe('finished');
    expect(result.console).toEqual(['log: e.constructor.constructor is not a function']);
  });

  it('runs many launches at once, queued, each to its own end', async () => {
    const results = await Promise.all([
      launch('App({});'),
      launch('App({ onLaunch() { for (;;) {} } });'),
      launch('App({ onLaunch() { throw new Error("a"); } });'),
      launch('App({});'),
      launch('App({ onLaunch() { setTimeout(() => { throw new Error("b"); }, 5); } });'),
      launch('App({});'),
    ]);
    expect(results.map((r) => `${r.status} ${r.errors.map((e) => e.message).join()}`)).toEqual([
      'finished ',
      'timeout ',
      'finished a',
      'finished ',
      'finished b',
      'finished ',
    ]);
  });
});

describe('what the sandbox does not run', () => {
  it('skips TypeScript projects and scripts that do not compile, keeping nothing', async () => {
    const ts = fileMap({ 'app.json': '{"pages":["p/a"]}', 'app.ts': 'App({})', 'p/a.js': 'Page({})' });
    expect(await runLaunch({ files: ts, appJson: readAppJson(ts), layout: 'alipay' })).toMatchObject({
      status: 'skipped',
      errors: [],
    });
    const broken = await launch(
      'App({ onLaunch() { null.x; } });\nrequire("./pages/index/index.js");',
      'Page({ ',
    );
    expect(broken).toMatchObject({
      status: 'skipped',
      errors: [],
      detail: 'pages/index/index.js is not run (syntax)',
    });
  });
});

describe('the browser globals of a WeChat file', () => {
  // thorui-mall-uni's vendored jwt-decode runs `window && (window.jwt_decode = c)` at load: WeChat's define
  // wrapper makes `window` a binding holding undefined, so this is no error on a device.
  const wechat = (app: string) => {
    const files = fileMap({
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.js': app,
      'pages/index/index.wxml': '<view/>',
      'pages/index/index.js': 'Page({});',
    });
    return runLaunch({ files, appJson: readAppJson(files), layout: detectLayout(files) });
  };

  it('reads window, document and navigator as undefined, as WeChat’s wrapper passes them', async () => {
    const result = await wechat(
      'var atob = window && window.atob;\nconsole.log(String(atob), String(document), String(navigator));\nApp({});',
    );
    expect(result).toMatchObject({ status: 'finished', errors: [] });
    expect(result.console).toEqual(['log: undefined undefined undefined']);
  });

  it('still reports a read through one of them, which throws on a device too', async () => {
    const result = await wechat('App({ onLaunch() { window.addEventListener("x", null); } });');
    expect(result.errors.map((e) => `${e.name}: ${e.message}`)).toEqual([
      "TypeError: Cannot read properties of undefined (reading 'addEventListener')",
    ]);
  });

  it('leaves Alipay’s scripts without them', async () => {
    const result = await launch('App({ onLaunch() { console.log(typeof window); window; } });');
    expect(result.errors.map((e) => `${e.name}: ${e.message}`)).toEqual([
      'ReferenceError: window is not defined',
    ]);
  });
});
