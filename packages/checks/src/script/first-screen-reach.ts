import type { CallExpression, Node, ObjectExpression } from 'oxc-parser';
import { AUTH_APIS, AUTH_GUARD_APIS, SILENT_SCOPES } from './api-lists.js';
import { type FunctionLike, isFunctionLike, propertyValue, walk } from './ast.js';
import { deref, stringValue } from './module-values.js';
import type { ScriptIndex } from './script-index.js';
import type { ApiCall } from './script-summary.js';

/** An authorization API reached from a launch hook without a user's gesture. */
export interface AuthReach {
  api: string;
  file: string;
  line: number;
  /** The call's offset in `file`. */
  at: number;
  /** The calls from the hook to the API: `Page.onLoad → this.login → auth.getUser (utils/auth.js) → my.getAuthCode`. */
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
  owner: ObjectExpression | undefined;
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
            chain: [...work.chain, api.name],
          });
        }
        return undefined;
      }
      if (work.chain.length >= MAX_CHAIN) return undefined;
      const target = deref(index, work.path, node.callee, work.owner);
      if (target?.kind === 'value' && isFunctionLike(target.node)) {
        const step =
          callText(index, work.path, node.callee) + (target.path === work.path ? '' : ` (${target.path})`);
        queue.push({ path: target.path, fn: target.node, owner: target.owner, chain: [...work.chain, step] });
      }
      return undefined;
    });
  }
  return [...found.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function launchHooks(index: ScriptIndex, path: string): Work[] {
  const hooks: Work[] = [];
  for (const registered of index.summary(path)?.constructors ?? []) {
    const target = registered.options && deref(index, path, registered.options);
    if (target?.kind !== 'value' || target.node.type !== 'ObjectExpression') continue;
    const object = target.node;
    const methods = propertyValue(object, 'methods');
    const owner = methods?.type === 'ObjectExpression' ? methods : object;
    for (const hook of HOOKS[registered.kind]) {
      const value = dotted(object, hook);
      const fn = value && deref(index, target.path, value, owner);
      if (fn?.kind === 'value' && isFunctionLike(fn.node)) {
        const where = fn.path === path ? '' : ` (${fn.path})`;
        hooks.push({ path: fn.path, fn: fn.node, owner, chain: [`${registered.kind}.${hook}${where}`] });
      }
    }
  }
  return hooks;
}

function dotted(object: ObjectExpression, path: string): Node | undefined {
  let value: Node | undefined = object;
  for (const name of path.split('.')) {
    value = value?.type === 'ObjectExpression' ? propertyValue(value, name) : undefined;
  }
  return value;
}

/** Whether the call shows an authorization dialog; `my.getAuthCode` only for scopes beyond `auth_base`. */
function asksUser(index: ScriptIndex, path: string, api: ApiCall): boolean {
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

function callText(index: ScriptIndex, path: string, callee: Node): string {
  const text = index.parse(path)?.source.slice(callee.start, callee.end) ?? '?';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text.replace(/\s+/g, '');
}
