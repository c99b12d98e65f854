import type { Class, Node } from 'oxc-parser';
import { propertyName, propertyValue, unwrap } from './ast.js';
import type { Owner } from './lexical-scope.js';
import { deref } from './module-values.js';
import type { ScriptIndex } from './script-index.js';

/** A member found on an owner: its value node, in which script, and what `this` is inside it. */
export interface Member {
  path: string;
  node: Node;
  owner: Owner;
}

/**
 * Member `name` of a value of script `path` that has members: an object literal (and, as Vue's `this` has
 * them, its `methods`), a class (its methods and fields, then what it extends, one class at a time), an
 * instance `new X()`, or a compiled class's method table (`[{ key: "init", value: function () {…} }]`).
 */
export function memberOf(
  index: ScriptIndex,
  path: string,
  node: Node,
  name: string,
  depth: number,
): Member | undefined {
  switch (node.type) {
    case 'ObjectExpression': {
      const value = propertyValue(node, name);
      if (value !== undefined) return { path, node: value, owner: node };
      const methods = propertyValue(node, 'methods');
      const inner = methods && unwrap(methods);
      const method = inner?.type === 'ObjectExpression' ? propertyValue(inner, name) : undefined;
      return method === undefined ? undefined : { path, node: method, owner: node };
    }
    case 'ClassDeclaration':
    case 'ClassExpression':
      return classMember(index, path, node, name, depth);
    case 'NewExpression': {
      const made = deref(index, path, node.callee, undefined, depth + 1);
      return made?.kind === 'value' && isClass(made.node)
        ? classMember(index, made.path, made.node, name, depth + 1)
        : undefined;
    }
    case 'ArrayExpression':
      for (const element of node.elements) {
        const entry = element && unwrap(element);
        if (entry?.type !== 'ObjectExpression') continue;
        const key = propertyValue(entry, 'key');
        const value = propertyValue(entry, 'value');
        if (key?.type === 'Literal' && key.value === name && value) return { path, node: value, owner: node };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Limits a chain of `extends` (`class C extends B`, `B extends A`, …), which may also be a cycle. */
const MAX_SUPERS = 4;

function classMember(
  index: ScriptIndex,
  path: string,
  node: Class,
  name: string,
  depth: number,
): Member | undefined {
  let current: { path: string; node: Class } = { path, node };
  for (let level = 0; level <= MAX_SUPERS; level += 1) {
    for (const element of current.node.body.body) {
      const isMember = element.type === 'MethodDefinition' || element.type === 'PropertyDefinition';
      if (!isMember || element.static || propertyName(element) !== name) continue;
      if (element.type === 'MethodDefinition' && element.kind !== 'method') continue;
      if (element.value === null) continue;
      // `this` stays the instance's class, so that an inherited method finds what the subclass defines.
      const owner = current.path === path ? node : current.node;
      return { path: current.path, node: element.value, owner };
    }
    const parent = current.node.superClass;
    const found = parent ? deref(index, current.path, parent, undefined, depth + 1) : undefined;
    if (found?.kind !== 'value' || !isClass(found.node)) return undefined;
    current = { path: found.path, node: found.node };
  }
  return undefined;
}

function isClass(node: Node): node is Class {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
}
