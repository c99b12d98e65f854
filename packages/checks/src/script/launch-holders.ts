import type { ArrayExpression, CallExpression, Class, Node } from 'oxc-parser';
import { identifierName, memberParts, propertyName, propertyValue, unwrap } from './ast.js';

/**
 * A class component's launch hooks beside the platform's own (`onLoad`, `onShow`, `onReady`): Taro runs
 * `componentWillMount`/`componentDidMount` as the page loads and `componentDidShow` as it shows.
 */
export const CLASS_HOOKS = ['componentWillMount', 'componentDidMount', 'componentDidShow'] as const;

const CLASS_LAUNCH = new Set<string>([...CLASS_HOOKS, 'onLoad', 'onShow', 'onReady']);

/** Taro's function-component hooks that run when the page loads or first shows; `useEffect` on mount. */
const FUNCTION_HOOKS = new Set(['useLoad', 'useDidShow', 'useReady', 'useEffect', 'useLayoutEffect']);

/** A class with a launch hook among its methods. */
export function isLaunchClass(node: Class): boolean {
  return node.body.body.some(
    (element) =>
      element.type === 'MethodDefinition' && !element.static && CLASS_LAUNCH.has(propertyName(element) ?? ''),
  );
}

/** Babel's method table of a compiled class, `[{ key: "componentDidMount", value: function () {…} }, …]`. */
export function isHookTable(node: ArrayExpression): boolean {
  return node.elements.some((element) => {
    const entry = element && unwrap(element);
    if (entry?.type !== 'ObjectExpression' || entry.properties.length !== 2) return false;
    const key = propertyValue(entry, 'key');
    return (
      key?.type === 'Literal' &&
      CLASS_LAUNCH.has(String(key.value)) &&
      propertyValue(entry, 'value') !== undefined
    );
  });
}

/**
 * The hook a call registers: `useLoad(fn)`, `taro.useDidShow(fn)`, and webpack's `Object(r.useEffect)(fn)`
 * (its way of calling an import without a `this`).
 */
export function hookCallName(call: CallExpression): string | undefined {
  let callee: Node = unwrap(call.callee);
  if (callee.type === 'CallExpression' && identifierName(callee.callee) === 'Object' && callee.arguments[0]) {
    callee = unwrap(callee.arguments[0]);
  }
  const name = identifierName(callee) ?? memberParts(callee)?.name;
  return name !== undefined && FUNCTION_HOOKS.has(name) ? name : undefined;
}
