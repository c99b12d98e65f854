import type { Node } from 'oxc-parser';
import { memberParts, unwrap } from './ast.js';

/** What is known of a string statically: its text, whole or up to the first part only known at run time. */
export interface StaticString {
  value: string;
  /** False when a run-time part follows `value` (`value` is then a prefix). */
  complete: boolean;
}

/**
 * Looks a name, member or call up (`BASE`, `config.BASE`: a module constant, an imported one; `interfaceUrl()`:
 * what the function always returns); undefined when its value is not a known string.
 */
export type ResolveName = (node: Node) => StaticString | undefined;

/**
 * The static text of an expression: a string literal, a template literal up to its first unknown
 * `${…}`, a `+` concatenation likewise, or a name or member `resolve` knows. Undefined when even the start is unknown.
 */
export function staticString(node: Node, resolve: ResolveName): StaticString | undefined {
  const inner = unwrap(node);
  switch (inner.type) {
    case 'Literal':
      return typeof inner.value === 'string' ? { value: inner.value, complete: true } : undefined;
    case 'CallExpression': {
      // Babel writes a template literal as `"".concat(a, "/list")`.
      const concat =
        memberParts(inner.callee)?.name === 'concat' ? memberParts(inner.callee)!.object : undefined;
      return concat ? concatenated(concat, inner.arguments, resolve) : resolve(inner);
    }
    case 'Identifier':
    case 'MemberExpression':
      return resolve(inner);
    case 'TemplateLiteral': {
      let value = inner.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < inner.expressions.length; i += 1) {
        const part = staticString(inner.expressions[i]!, resolve);
        if (part === undefined) return { value, complete: false };
        value += part.value;
        if (!part.complete) return { value, complete: false };
        value += inner.quasis[i + 1]?.value.cooked ?? '';
      }
      return { value, complete: true };
    }
    case 'BinaryExpression': {
      if (inner.operator !== '+') return undefined;
      const left = staticString(inner.left, resolve);
      if (left === undefined || !left.complete) return left;
      const right = staticString(inner.right, resolve);
      if (right === undefined) return { value: left.value, complete: false };
      return { value: left.value + right.value, complete: right.complete };
    }
    default:
      return undefined;
  }
}

/** `base.concat(a, b, …)` of a string `base`: its parts in order, up to the first unknown. */
function concatenated(base: Node, parts: readonly Node[], resolve: ResolveName): StaticString | undefined {
  const first = staticString(base, resolve);
  if (first === undefined || !first.complete) return first;
  let value = first.value;
  for (const part of parts) {
    const text = part.type === 'SpreadElement' ? undefined : staticString(part, resolve);
    if (text === undefined) return { value, complete: false };
    value += text.value;
    if (!text.complete) return { value, complete: false };
  }
  return { value, complete: true };
}

/**
 * The path part of a page url (`/pages/a/a?id=1` → `/pages/a/a`) when it is wholly static: a url whose
 * dynamic part starts before its `?` (`/pages/${name}/index`) names no page we can check.
 */
export function staticPath(text: StaticString): string | undefined {
  const end = text.value.search(/[?#]/);
  if (end >= 0) return text.value.slice(0, end);
  return text.complete ? text.value : undefined;
}
