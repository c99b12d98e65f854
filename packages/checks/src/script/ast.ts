import type {
  ArrowFunctionExpression,
  Expression,
  Function as FunctionNode,
  Node,
  ObjectExpression,
} from 'oxc-parser';

export type { Node } from 'oxc-parser';

/** A function whose body can run: declarations, expressions and arrows. */
export type FunctionLike = FunctionNode | ArrowFunctionExpression;

/** Return `false` to skip the node's children. */
export type Enter = (node: Node) => boolean | undefined;

/**
 * Visits every node under `root` in source order. Children are found by looking for objects with a `type`
 * (oxc's ESTree has no parent links), which measured faster than a table of keys per node type. Iterative,
 * so a deeply nested expression (a 10,000-term concatenation in generated code) cannot overflow the stack.
 */
export function walk(root: Node, enter: Enter): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const first = stack.length;
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i += 1) {
          const item = child[i] as Node | null;
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push(item);
        }
      } else if (typeof (child as Node).type === 'string') stack.push(child as Node);
    }
    // Pushed in source order: reverse them so that they pop in source order.
    for (let i = first, j = stack.length - 1; i < j; i += 1, j -= 1) {
      const swap = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = swap;
    }
  }
}

/** Strips what does not change a value: parentheses, `a?.b` chains, TypeScript `as`, `!` and `satisfies`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'ParenthesizedExpression':
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
        current = current.expression;
        break;
      case 'SequenceExpression':
        // `(0, wx.request)(…)`, as bundlers write calls: the value is the last expression.
        current = current.expressions[current.expressions.length - 1] ?? current;
        if (current.type === 'SequenceExpression') return current;
        break;
      default:
        return current;
    }
  }
}

export function isFunctionLike(node: Node): node is FunctionLike {
  return (
    node.type === 'FunctionExpression' ||
    node.type === 'FunctionDeclaration' ||
    node.type === 'ArrowFunctionExpression'
  );
}

/** The name of an identifier, after unwrapping; undefined for anything else. */
export function identifierName(node: Node | null | undefined): string | undefined {
  if (node === null || node === undefined) return undefined;
  const inner = unwrap(node);
  return inner.type === 'Identifier' ? inner.name : undefined;
}

/** The static name of a property key or a member's property: `a`, `'a'`, `['a']`; undefined when computed. */
export function staticKey(key: Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0)
    return key.quasis[0]?.value.cooked ?? '';
  return undefined;
}

/** A member expression's object and static property name: `wx.request`, `wx['request']`, `this.load`. */
export function memberParts(node: Node): { object: Node; name: string } | undefined {
  const inner = unwrap(node);
  if (inner.type !== 'MemberExpression') return undefined;
  const name = staticKey(inner.property, inner.computed);
  return name === undefined ? undefined : { object: unwrap(inner.object), name };
}

/** The value of a named property of an object literal (`{ url: … }`, `{ url }`, `{ onLoad() {} }`). */
export function propertyValue(object: ObjectExpression, name: string): Expression | undefined {
  for (let i = object.properties.length - 1; i >= 0; i -= 1) {
    const property = object.properties[i]!;
    if (property.type === 'Property' && propertyName(property) === name) return property.value;
  }
  return undefined;
}

/** The static name of an object property or destructuring property. */
export function propertyName(property: { key: Node; computed: boolean }): string | undefined {
  return staticKey(property.key, property.computed);
}

/** The first argument when it is an object literal: the options object of `my.x({ … })`. */
export function optionsArgument(args: readonly Node[]): ObjectExpression | undefined {
  const first = args[0];
  if (first === undefined || first.type === 'SpreadElement') return undefined;
  const inner = unwrap(first);
  return inner.type === 'ObjectExpression' ? inner : undefined;
}
