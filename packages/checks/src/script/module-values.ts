import type { Node } from 'oxc-parser';
import { type FunctionLike, isFunctionLike, memberParts, unwrap, walk } from './ast.js';
import { around, localBinding, type Owner } from './lexical-scope.js';
import { memberOf } from './owner-members.js';
import type { ScriptIndex } from './script-index.js';
import { type StaticString, staticString } from './static-string.js';

/** How far names are followed (`a` → `b` → an export of another module …) before giving up. */
const MAX_DEPTH = 8;

/** What a name or member is bound to: a value node in some script, or a whole module (`require('./x')`). */
export type Target =
  | { kind: 'value'; path: string; node: Node; owner?: Owner | undefined }
  | { kind: 'module'; path: string };

/**
 * Follows a name or member expression of script `path` to what it is bound to: a binding of a function
 * around it (a webpack module's constant), a top-level value, another own module's export (ES or CommonJS),
 * or a member of an object literal or class (`api.login`; `this.x`, `this` being `owner` or else the object
 * or class whose method holds the expression). Anything else is returned as the value it is.
 */
export function deref(
  index: ScriptIndex,
  path: string,
  node: Node,
  owner?: Owner,
  depth = 0,
): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'Identifier') return derefName(index, path, inner.name, depth + 1, inner.start);
  if (inner.type === 'ThisExpression') {
    const self = owner ?? thisAt(index, path, inner.start);
    return self && { kind: 'value', path, node: self, owner: self };
  }
  const member = memberParts(inner);
  if (member === undefined) return { kind: 'value', path, node: inner, owner };
  const base = deref(index, path, member.object, owner, depth + 1);
  if (base?.kind === 'module') return exportOf(index, base.path, member.name, depth + 1);
  return base && propertyOf(index, base, member.name, depth + 1);
}

/** The object or class whose method holds offset `at` of script `path`: what `this` is there. */
function thisAt(index: ScriptIndex, path: string, at: number): Owner | undefined {
  const program = index.parse(path)?.result.program;
  return program && around(program, at).owner;
}

/**
 * A name of script `path` used at offset `at`: bound in a function around it (innermost first; a parameter
 * is unknown), else at the module's top level or imported.
 */
export function derefName(
  index: ScriptIndex,
  path: string,
  name: string,
  depth = 0,
  at?: number,
): Target | undefined {
  const program = at === undefined ? undefined : index.parse(path)?.result.program;
  for (const fn of program ? around(program, at!).functions : []) {
    const local = localBinding(fn, name);
    if (local === null) return undefined;
    if (local !== undefined) return deref(index, path, local, undefined, depth + 1);
  }
  const scope = index.scope(path);
  const value = scope?.values.get(name);
  if (value !== undefined) return deref(index, path, value, undefined, depth + 1);
  const binding = scope?.imports.get(name);
  const module = binding && index.resolve(path, binding.source);
  if (binding === undefined || module === undefined) return undefined;
  if (binding.imported === '*') return { kind: 'module', path: module };
  return exportOf(index, module, binding.imported, depth + 1);
}

/**
 * An export of an own module by name. When the module exports an object literal (`module.exports = { … }`,
 * `export default { … }`), the name is looked up on it, so that `this` in the method is that object.
 */
export function exportOf(index: ScriptIndex, path: string, name: string, depth = 0): Target | undefined {
  const exports = index.scope(path)?.exports;
  const whole = name === 'default' ? undefined : exports?.get('default');
  const object = whole && deref(index, path, whole, undefined, depth + 1);
  const method = object && propertyOf(index, object, name, depth + 1);
  if (method !== undefined) return method;
  const node = exports?.get(name);
  return node === undefined ? undefined : deref(index, path, node, undefined, depth + 1);
}

/** A member of an object literal or class found as a target; `this` in its methods is that owner. */
export function propertyOf(
  index: ScriptIndex,
  target: Target,
  name: string,
  depth: number,
): Target | undefined {
  if (target.kind !== 'value' || depth > MAX_DEPTH) return undefined;
  const found = memberOf(index, target.path, target.node, name, depth);
  if (found === undefined) return undefined;
  const value = deref(index, found.path, found.node, found.owner, depth + 1);
  return value?.kind === 'value' ? { ...value, owner: value.owner ?? found.owner } : value;
}

/** The static string of an expression of script `path`, following constants across own modules. */
export function stringValue(
  index: ScriptIndex,
  path: string,
  node: Node,
  depth = 0,
): StaticString | undefined {
  if (depth > MAX_DEPTH) return undefined;
  return staticString(node, (reference) => {
    if (reference.type === 'CallExpression') {
      const callee = deref(index, path, reference.callee, undefined, depth + 1);
      return callee?.kind === 'value' && isFunctionLike(callee.node)
        ? returnedString(index, callee.path, callee.node, depth + 1)
        : undefined;
    }
    const target = deref(index, path, reference, undefined, depth + 1);
    return target?.kind === 'value' ? stringValue(index, target.path, target.node, depth + 1) : undefined;
  });
}

/**
 * What a function always returns, when every `return` of its own body (or an arrow's expression) is the same
 * known string: `interfaceUrl() { return 'http://…' }`, `() => BASE`. A function returning one of several
 * strings (a switch on the environment) returns nothing known.
 */
function returnedString(
  index: ScriptIndex,
  path: string,
  fn: FunctionLike,
  depth: number,
): StaticString | undefined {
  const body = fn.body;
  if (body === null || body === undefined) return undefined;
  if (body.type !== 'BlockStatement') return stringValue(index, path, body, depth);
  const values: (StaticString | undefined)[] = [];
  walk(body, (node) => {
    if (isFunctionLike(node)) return false;
    if (node.type === 'ReturnStatement') {
      values.push(node.argument ? stringValue(index, path, node.argument, depth) : undefined);
    }
    return undefined;
  });
  const [first] = values;
  const same = values.every(
    (v) => v !== undefined && v.value === first?.value && v.complete === first.complete,
  );
  return values.length > 0 && same ? first : undefined;
}
