import type { ArrayExpression, Class, Node, ObjectExpression } from 'oxc-parser';
import { type FunctionLike, identifierName, isFunctionLike, unwrap } from './ast.js';

/**
 * What `this` is in a method: an object literal (`{ load() { this.init() } }`), a class (`class X { onLoad()
 * { this.init() } }`), or a compiled class's method table (`[{ key: "componentDidMount", value: function
 * () {…} }]`, as Babel's `createClass` is given it in a Taro build).
 */
export type Owner = ObjectExpression | Class | ArrayExpression;

/** What encloses an offset of a script: its functions, innermost first, and what `this` is there. */
export interface Around {
  functions: FunctionLike[];
  owner: Owner | undefined;
}

/**
 * The functions around offset `at` under `root`, found by descending only into the node that holds `at`
 * (oxc's tree has no parent links), and the owner of the innermost method: an arrow keeps its outer `this`,
 * a plain function that is nobody's method has none known.
 */
export function around(root: Node, at: number): Around {
  const functions: FunctionLike[] = [];
  let owner: Owner | undefined;
  let pending: Owner | undefined;
  let lastClass: Class | undefined;
  let node: Node | undefined = root;
  while (node !== undefined) {
    const child = childAt(node, at);
    if (child === undefined) break;
    if (child.type === 'ClassDeclaration' || child.type === 'ClassExpression') lastClass = child;
    if (node.type === 'ObjectExpression' && child.type === 'Property') {
      const value = unwrap(child.value);
      pending = value.type === 'FunctionExpression' ? node : undefined;
    } else if (node.type === 'ClassBody' && child.type !== 'StaticBlock') pending = lastClass;
    if (isFunctionLike(child)) {
      functions.unshift(child);
      if (child.type !== 'ArrowFunctionExpression' || node.type === 'PropertyDefinition') owner = pending;
      pending = undefined;
    }
    node = child;
  }
  return { functions, owner };
}

/** The child of `node` whose span holds `at`. */
function childAt(node: Node, at: number): Node | undefined {
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    if (key === 'parent') continue;
    const value = record[key];
    if (value === null || typeof value !== 'object') continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const child = item as Node | null;
      if (child === null || typeof child !== 'object' || typeof child.type !== 'string') continue;
      if (child.start <= at && at < child.end) return child;
    }
  }
  return undefined;
}

/** A function's own bindings: `null` for a parameter (unknown at run time, and it hides outer names). */
const bindingsOf = new WeakMap<FunctionLike, Map<string, Node | null>>();

/**
 * A name bound in function `fn` itself: a parameter (`null`), or a `var`/`let`/`const` with a value or a
 * function declared at the top of its body. A webpack module is such a function, so its constants
 * (`var n = "http://api.qinghe.example"`) are found as a module's are.
 */
export function localBinding(fn: FunctionLike, name: string): Node | null | undefined {
  let bindings = bindingsOf.get(fn);
  if (bindings === undefined) {
    bindings = new Map();
    for (const param of fn.params) {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      const local = identifierName(id);
      if (local !== undefined) bindings.set(local, null);
    }
    const body = fn.body;
    if (body !== null && body !== undefined && body.type === 'BlockStatement') {
      for (const statement of body.body) {
        if (statement.type === 'FunctionDeclaration' && statement.id)
          bindings.set(statement.id.name, statement);
        if (statement.type !== 'VariableDeclaration') continue;
        for (const d of statement.declarations) {
          if (d.id.type === 'Identifier' && d.init) bindings.set(d.id.name, d.init);
        }
      }
    }
    bindingsOf.set(fn, bindings);
  }
  return bindings.get(name);
}
