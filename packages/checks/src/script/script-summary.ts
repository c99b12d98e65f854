import type { CallExpression, Node, ObjectExpression } from 'oxc-parser';
import {
  type FunctionLike,
  identifierName,
  isFunctionLike,
  memberParts,
  optionsArgument,
  propertyName,
  unwrap,
  walk,
} from './ast.js';
import { hookCallName, isHookTable, isLaunchClass } from './launch-holders.js';

/** A call of a platform API: `my.request({…})`, `wx['navigateTo'](…)`, or through an alias of the global. */
export interface ApiCall {
  /** `namespace.api`, e.g. `wx.request`, whatever alias the code called it through. */
  name: string;
  call: CallExpression;
  /** The first argument when it is an object literal. */
  options: ObjectExpression | undefined;
  line: number;
}

export type ConstructorKind = 'App' | 'Page' | 'Component';

/** `App(…)`, `Page(…)`, `Component(…)`: what registers the app, a page, or a component page. */
export interface ConstructorCall {
  kind: ConstructorKind;
  options: Node | undefined;
  line: number;
}

/** A hook a function component registers on mount, with the function it runs. */
export interface HookCall {
  name: string;
  fn: FunctionLike;
  at: number;
}

/** What the script rules need from one script, gathered in a single walk of its tree. */
export interface ScriptSummary {
  apiCalls: ApiCall[];
  /** The same calls by node, for rules that walk a function and meet them. */
  apiByCall: Map<CallExpression, ApiCall>;
  constructors: ConstructorCall[];
  /**
   * A compiled file's object literals with launch hooks that its `Page(…)`/`App(…)` calls may not reach
   * (they pass a webpack import): read when those calls give no hook.
   */
  compiledOptions: ConstructorCall[];
  /** Taro's function-component hooks that run on mount: `useLoad(fn)`, `useDidShow(fn)`, `useEffect(fn)`. */
  hookCalls: HookCall[];
  /** Every module the script loads (`import`, `require`, `import()`), with the line. */
  modules: ({ specifier: string } & Place)[];
  debuggers: Place[];
  /** `new VConsole(…)`. */
  newVConsole: Place[];
}

/** Where something is: its 1-based line and its offset in the source (for a column in one-line files). */
export interface Place {
  line: number;
  at: number;
}

/**
 * The API globals and what they stand for. uni-app's `uni` and Taro's `Taro` take WeChat's API names and
 * options (docs/checker.md, "Compiled builds"), so their calls are judged as `wx.` calls.
 */
const GLOBALS = new Map([
  ['my', 'my'],
  ['wx', 'wx'],
  ['uni', 'wx'],
  ['Taro', 'wx'],
]);
/** Hook names that make an object literal a page's or the app's options in a compiled build. */
const PAGE_HOOKS = ['onLoad', 'onShow', 'onReady'];
/** A require of uni-app's (Vue 3) vendor bundle, whose `index` export is `uni`. */
const UNI_VENDOR = /(^|\/)common\/vendor\.js$/;
const CONSTRUCTORS = new Set<string>(['App', 'Page', 'Component']);

/**
 * Walks a script once. Aliases of the globals are followed by name anywhere in the file:
 * `const api = wx`, `const { request, navigateTo: go } = my`, `const request = wx.request`. A compiled
 * build is summarized module by module (`roots` are its own modules), so that minified names, reused in
 * every module, alias only within theirs; `compiled` also takes object literals with launch hooks for the
 * page's or the app's options, as uni-app's `createPage(options)` and Vue components have no `Page(…)`.
 */
export function summarize(
  roots: Node | readonly Node[],
  line: (offset: number) => number,
  compiled = false,
): ScriptSummary {
  const summary: ScriptSummary = {
    apiCalls: [],
    apiByCall: new Map(),
    constructors: [],
    compiledOptions: [],
    hookCalls: [],
    modules: [],
    debuggers: [],
    newVConsole: [],
  };
  for (const root of Array.isArray(roots) ? roots : [roots])
    summarizeOne(root as Node, line, compiled, summary);
  summary.apiCalls.sort((a, b) => a.call.start - b.call.start);
  return summary;
}

function summarizeOne(
  program: Node,
  line: (offset: number) => number,
  compiled: boolean,
  summary: ScriptSummary,
): void {
  const namespaces = new Map<string, string>();
  const functions = new Map<string, string>();
  const vendorBundles = new Set<string>();
  const hookObjects: ObjectExpression[] = [];
  const launchClasses: Node[] = [];
  const maybeAliased: CallExpression[] = [];
  const addCall = (call: CallExpression, name: string) => {
    const api: ApiCall = { name, call, options: optionsArgument(call.arguments), line: line(call.start) };
    summary.apiCalls.push(api);
    summary.apiByCall.set(call, api);
  };

  walk(program, (node) => {
    switch (node.type) {
      case 'CallExpression': {
        const callee = unwrap(node.callee);
        const member = memberParts(callee);
        const object = member ? identifierName(member.object) : undefined;
        const global = object === undefined ? undefined : GLOBALS.get(object);
        if (member?.name === 'call') injected(node, namespaces);
        const hook = hookCallName(node);
        const hookFn = hook === undefined ? undefined : node.arguments[0] && unwrap(node.arguments[0]);
        if (hook && hookFn && isFunctionLike(hookFn))
          summary.hookCalls.push({ name: hook, fn: hookFn, at: node.start });
        if (member && global !== undefined) addCall(node, `${global}.${member.name}`);
        else if (member && isUniOfVendor(member.object, vendorBundles)) addCall(node, `wx.${member.name}`);
        else if (member && compiled && isTaroDefault(member.object)) addCall(node, `wx.${member.name}`);
        else if (callee.type === 'Identifier') {
          if (CONSTRUCTORS.has(callee.name)) {
            const kind = callee.name as ConstructorKind;
            summary.constructors.push({ kind, options: node.arguments[0], line: line(node.start) });
          } else if (callee.name === 'require') moduleOf(node.arguments[0], node.start);
          else maybeAliased.push(node);
        } else if (object !== undefined) maybeAliased.push(node);
        break;
      }
      case 'VariableDeclarator':
        if (node.init) alias(node.id, node.init, namespaces, functions, vendorBundles);
        break;
      case 'ObjectExpression':
        if (compiled && node.properties.some((p) => p.type === 'Property' && isHook(propertyName(p)))) {
          hookObjects.push(node);
        }
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        // A Taro class component (`class Index extends Component { componentDidMount() {…} }`), compiled.
        if (compiled && isLaunchClass(node)) launchClasses.push(node);
        break;
      case 'ArrayExpression':
        // The same class after Babel: `createClass(n, [{ key: "componentDidMount", value: function () {…} }])`.
        if (compiled && isHookTable(node)) launchClasses.push(node);
        break;
      case 'ImportDeclaration':
        moduleOf(node.source, node.start);
        break;
      case 'ImportExpression':
        moduleOf(node.source, node.start);
        break;
      case 'DebuggerStatement':
        summary.debuggers.push({ line: line(node.start), at: node.start });
        break;
      case 'NewExpression':
        if (/^vconsole$/i.test(identifierName(node.callee) ?? '')) {
          summary.newVConsole.push({ line: line(node.start), at: node.start });
        }
        break;
    }
    return undefined;
  });

  if (namespaces.size > 0 || functions.size > 0) {
    for (const call of maybeAliased) {
      const callee = unwrap(call.callee);
      const member = memberParts(callee);
      const namespace = member && namespaces.get(identifierName(member.object) ?? '');
      const name = namespace ? `${namespace}.${member.name}` : functions.get(identifierName(callee) ?? '');
      if (name !== undefined) addCall(call, name);
    }
  }
  // The compiled page's or app's options: registrations when the file makes none with `Page(…)`/`App(…)`,
  // else kept for when those name a module of another chunk (Taro's `Page(createPageConfig(n("…vue")…))`).
  const registers = summary.constructors.length === 0 ? summary.constructors : summary.compiledOptions;
  for (const options of hookObjects) {
    const kind = options.properties.some((p) => p.type === 'Property' && propertyName(p) === 'onLaunch')
      ? 'App'
      : 'Page';
    registers.push({ kind, options, line: line(options.start) });
  }

  for (const options of launchClasses) {
    summary.constructors.push({ kind: 'Page', options, line: line(options.start) });
  }

  function moduleOf(source: Node | undefined, at: number) {
    if (source?.type === 'Literal' && typeof source.value === 'string') {
      summary.modules.push({ specifier: source.value, line: line(at), at });
    }
  }
}

function isHook(name: string | undefined): boolean {
  return name === 'onLaunch' || (name !== undefined && PAGE_HOOKS.includes(name));
}

/** `vendor.index` where `vendor = require('../../common/vendor.js')`: uni-app's (Vue 3) `uni`. */
function isUniOfVendor(object: Node, vendorBundles: ReadonlySet<string>): boolean {
  const member = memberParts(object);
  return member?.name === 'index' && vendorBundles.has(identifierName(member.object) ?? '');
}

/**
 * Taro's API object as webpack compiles `import Taro from '@tarojs/taro'`: `o.a` (webpack 4's interop
 * getter, `o = require.n(taro)`) or `r.default`. Only read inside compiled own modules.
 */
function isTaroDefault(object: Node): boolean {
  const member = memberParts(object);
  return (member?.name === 'a' || member?.name === 'default') && unwrap(member.object).type === 'Identifier';
}

/**
 * uni-app (Vue 2) hands `uni` to a module as webpack's injected variable:
 * `(function (uni) { … }).call(this, require("543d")["default"])`. The parameter is then `uni`.
 */
function injected(call: CallExpression, namespaces: Map<string, string>): void {
  const fn = unwrap(memberParts(call.callee)!.object);
  if (fn.type !== 'FunctionExpression') return;
  call.arguments.slice(1).forEach((argument, i) => {
    const param = fn.params[i];
    const member = argument.type === 'SpreadElement' ? undefined : memberParts(argument);
    const from = member && unwrap(member.object);
    if (member?.name === 'default' && from?.type === 'CallExpression' && param?.type === 'Identifier') {
      namespaces.set(param.name, 'wx');
    }
  });
}

function alias(
  id: Node,
  init: Node,
  namespaces: Map<string, string>,
  functions: Map<string, string>,
  vendorBundles: Set<string>,
): void {
  const value = unwrap(init);
  if (
    value.type === 'CallExpression' &&
    identifierName(value.callee) === 'require' &&
    id.type === 'Identifier'
  ) {
    const source = value.arguments[0];
    if (source?.type === 'Literal' && UNI_VENDOR.test(String(source.value))) vendorBundles.add(id.name);
    return;
  }
  const globalName = identifierName(value);
  const global = globalName === undefined ? undefined : GLOBALS.get(globalName);
  if (global !== undefined) {
    if (id.type === 'Identifier') namespaces.set(id.name, global);
    else if (id.type === 'ObjectPattern') {
      for (const p of id.properties) {
        const api = p.type === 'Property' ? propertyName(p) : undefined;
        const local = p.type === 'Property' ? identifierName(p.value) : undefined;
        if (api !== undefined && local !== undefined) functions.set(local, `${global}.${api}`);
      }
    }
    return;
  }
  const member = memberParts(value);
  const object = member ? identifierName(member.object) : undefined;
  if (id.type === 'Identifier' && member && object !== undefined && GLOBALS.has(object)) {
    functions.set(id.name, `${GLOBALS.get(object)}.${member.name}`);
  }
}
