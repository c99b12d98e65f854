import type { CallExpression, Node, ObjectExpression } from 'oxc-parser';
import { AUTH_APIS, AUTH_GUARD_APIS, SILENT_SCOPES } from './api-lists.js';
import {
  type FunctionLike,
  isFunctionLike,
  memberParts,
  propertyName,
  propertyValue,
  unwrap,
  walk,
} from './ast.js';
import { CLASS_HOOKS } from './launch-holders.js';
import type { Owner } from './lexical-scope.js';
import { deref, stringValue } from './module-values.js';
import { memberOf } from './owner-members.js';
import type { ScriptIndex } from './script-index.js';
import type { ApiCall, ConstructorCall } from './script-summary.js';

/** An authorization API reached from a launch hook without a user's gesture. */
export interface AuthReach {
  api: string;
  file: string;
  line: number;
  /** The call's offset in `file`. */
  at: number;
  /**
   * The calls from the hook to the API, hop by hop with where each is (file:line, and the column on one-line
   * compiled code): `Page.onLoad (pages/a/a.js:3) → this.login (pages/a/a.js:4) → auth.getUser
   * (pages/a/a.js:9) → my.getAuthCode (utils/auth.js:5)`.
   */
  chain: string[];
}

/** The hooks that run on launch, for the app (`app.js`) and the entry page (`Page` or a `Component` page). */
const HOOKS = {
  App: ['onLaunch', 'onShow'],
  Page: ['onLoad', 'onShow', 'onReady'],
  Component: [
    'methods.onLoad',
    'methods.onShow',
    'methods.onReady',
    'onLoad',
    'onShow',
    'onReady',
    'attached',
    'ready',
    'lifetimes.attached',
    'lifetimes.ready',
    'pageLifetimes.show',
  ],
} as const;

/** Calls followed from one hook before giving up (cycles are cut by visiting each function once). */
const MAX_CHAIN = 12;
const MAX_FUNCTIONS = 2000;

interface Work {
  path: string;
  fn: FunctionLike;
  owner: Owner | undefined;
  chain: string[];
}

/**
 * Follows the calls of the launch hooks of `roots` (the app's script, the entry page's script): into functions
 * of the same file, methods called as `this.x()`, and functions of own modules it imports or requires. Whole
 * bodies are read, callbacks included (a `success` callback or a `.then` runs without a gesture too), except
 * the callbacks of `getSetting`, the documented "already authorized?" check. Template event handlers are
 * never followed: a method only the template calls runs on a tap, which is the gesture reviewers ask for.
 */
export function findFirstScreenAuth(index: ScriptIndex, roots: readonly string[]): AuthReach[] {
  const queue: Work[] = roots.flatMap((path) => launchHooks(index, path));
  const seen = new Set<FunctionLike>();
  const found = new Map<CallExpression, AuthReach>();
  for (let next = 0; next < queue.length && seen.size < MAX_FUNCTIONS; next += 1) {
    const work = queue[next]!;
    const summary = index.summary(work.path);
    if (seen.has(work.fn) || work.fn.body === null || summary === undefined) continue;
    seen.add(work.fn);
    walk(work.fn.body, (node) => {
      if (node.type !== 'CallExpression') return undefined;
      const api = summary.apiByCall.get(node);
      if (api !== undefined) {
        if (AUTH_GUARD_APIS.has(api.name)) return false;
        if (!found.has(node) && asksUser(index, work.path, api)) {
          found.set(node, {
            api: api.name,
            file: work.path,
            line: api.line,
            at: node.start,
            chain: [...work.chain, `${api.name} (${where(index, work.path, node.start)})`],
          });
        }
        return undefined;
      }
      if (work.chain.length >= MAX_CHAIN) return undefined;
      const target = deref(index, work.path, node.callee, work.owner);
      if (target?.kind === 'value' && isFunctionLike(target.node)) {
        const step = `${callText(index, work.path, node.callee)} (${where(index, work.path, node.start)})`;
        queue.push({ path: target.path, fn: target.node, owner: target.owner, chain: [...work.chain, step] });
        // Entering a request wrapper's module: the interceptors it registered run on every call it makes.
        if (target.path !== work.path) {
          for (const hook of interceptors(index, target.path)) {
            const at = `interceptor (${where(index, hook.path, hook.fn.start)})`;
            queue.push({ ...hook, chain: [...work.chain, step, at] });
          }
        }
      }
      // A function passed by name runs later without a gesture too: `.then(onUser)`, `setTimeout(ask)`.
      for (const argument of node.arguments) {
        if (argument.type === 'SpreadElement' || isFunctionLike(argument)) continue;
        const callback = deref(index, work.path, argument, work.owner);
        if (callback?.kind !== 'value' || !isFunctionLike(callback.node)) continue;
        const step = `${callText(index, work.path, argument)} (${where(index, work.path, argument.start)})`;
        queue.push({
          path: callback.path,
          fn: callback.node,
          owner: callback.owner,
          chain: [...work.chain, step],
        });
      }
      return undefined;
    });
  }
  return [...found.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * The interceptors a module registers at its top level: `http.interceptors.request.use(fn)` (axios-like
 * wrappers), `uni.addInterceptor('request', { invoke: fn })`, and a `beforeRequest: fn` option of a wrapper
 * created there. They run inside every request the module's wrapper makes.
 */
function interceptors(index: ScriptIndex, path: string): Work[] {
  const program = index.parse(path)?.result.program;
  if (program === undefined) return [];
  const found: Work[] = [];
  const add = (node: Node | undefined, owner?: ObjectExpression) => {
    const target = node && deref(index, path, node, owner);
    if (target?.kind === 'value' && isFunctionLike(target.node)) {
      found.push({ path: target.path, fn: target.node, owner: target.owner, chain: [] });
    }
  };
  for (const statement of program.body) {
    walk(statement, (node) => {
      if (isFunctionLike(node)) return false;
      if (node.type === 'Property' && propertyName(node) === 'beforeRequest') add(node.value);
      if (node.type !== 'CallExpression') return undefined;
      const callee = memberParts(node.callee);
      const text = index.parse(path)!.source.slice(node.callee.start, node.callee.end);
      if (callee?.name === 'use' && /interceptors/.test(text)) for (const a of node.arguments) add(a);
      if (callee?.name === 'addInterceptor' || /^addInterceptor$/.test(text)) {
        for (const a of node.arguments) {
          const options = unwrap(a);
          if (options.type !== 'ObjectExpression') continue;
          for (const name of ['invoke', 'success', 'complete']) add(propertyValue(options, name), options);
        }
      }
      return undefined;
    });
  }
  return found;
}

function launchHooks(index: ScriptIndex, path: string): Work[] {
  const summary = index.summary(path);
  const hooks = registeredHooks(index, path, summary?.constructors ?? []);
  // A compiled page whose `Page(…)` passes a webpack import: its options object, read where it stands.
  if (hooks.length === 0) hooks.push(...registeredHooks(index, path, summary?.compiledOptions ?? []));
  for (const hook of summary?.hookCalls ?? []) {
    const chain = [`${hook.name} (${where(index, path, hook.at)})`];
    hooks.push({ path, fn: hook.fn, owner: undefined, chain });
  }
  return hooks;
}

function registeredHooks(
  index: ScriptIndex,
  path: string,
  registrations: readonly ConstructorCall[],
): Work[] {
  const hooks: Work[] = [];
  for (const registered of registrations) {
    const holder = registered.options && launchHolder(index, path, registered.options);
    if (holder === undefined) continue;
    const object = holder.node.type === 'ObjectExpression' ? holder.node : undefined;
    const names = object ? HOOKS[registered.kind] : [...HOOKS[registered.kind], ...CLASS_HOOKS];
    for (const hook of names) {
      const value = object ? dotted(object, hook) : memberOf(index, holder.path, holder.node, hook, 0)?.node;
      const fn = value && deref(index, holder.path, value, holder.node);
      if (fn?.kind === 'value' && isFunctionLike(fn.node)) {
        const chain = [`${registered.kind}.${hook} (${where(index, fn.path, fn.node.start)})`];
        hooks.push({ path: fn.path, fn: fn.node, owner: holder.node, chain });
      }
    }
  }
  return hooks;
}

/**
 * What holds a registration's hooks: the options object (`Page({…})`), a class or an instance of one
 * (`Page(new Index())`, `class Index extends Component`), Babel's method table of a compiled class, or the
 * first of these handed to a wrapper (`Page(createPage(Index))`, Taro's `createPageConfig(Index, …)`).
 */
function launchHolder(
  index: ScriptIndex,
  path: string,
  options: Node,
  depth = 0,
): { path: string; node: Owner } | undefined {
  const target = depth > 4 ? undefined : deref(index, path, options);
  if (target?.kind !== 'value') return undefined;
  const node = target.node;
  switch (node.type) {
    case 'ObjectExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'ArrayExpression':
      return { path: target.path, node };
    case 'NewExpression':
      return launchHolder(index, target.path, node.callee, depth + 1);
    case 'CallExpression': {
      const first = node.arguments[0];
      return first && first.type !== 'SpreadElement'
        ? launchHolder(index, target.path, first, depth + 1)
        : undefined;
    }
    default:
      return undefined;
  }
}

function dotted(object: ObjectExpression, path: string): Node | undefined {
  let value: Node | undefined = object;
  for (const name of path.split('.')) {
    value = value?.type === 'ObjectExpression' ? propertyValue(value, name) : undefined;
  }
  return value;
}

/** Whether the call shows an authorization dialog; `my.getAuthCode` only for scopes beyond `auth_base`. */
export function asksUser(index: ScriptIndex, path: string, api: ApiCall): boolean {
  const kind = AUTH_APIS.get(api.name);
  if (kind !== 'user-scope') return kind === 'popup';
  const scopes = api.options && propertyValue(api.options, 'scopes');
  if (scopes === undefined) return false;
  const target = deref(index, path, scopes);
  if (target?.kind !== 'value') return false;
  const inner = target.node;
  const items = inner.type === 'ArrayExpression' ? inner.elements : [inner];
  return items.some((item) => {
    const scope = item && item.type !== 'SpreadElement' ? stringValue(index, target.path, item) : undefined;
    return scope?.complete === true && !SILENT_SCOPES.has(scope.value);
  });
}

/** `file:line`, with `:column` where the line is one-line compiled code. */
function where(index: ScriptIndex, path: string, at: number): string {
  const place = index.place(path, at);
  return `${path}:${place.line}${place.column === undefined ? '' : `:${place.column}`}`;
}

function callText(index: ScriptIndex, path: string, callee: Node): string {
  const text = index.parse(path)?.source.slice(callee.start, callee.end) ?? '?';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text.replace(/\s+/g, '');
}
