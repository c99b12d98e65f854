import type { Node, Program, VariableDeclaration } from 'oxc-parser';
import { identifierName, memberParts, propertyName, staticKey, unwrap } from './ast.js';

/** A binding imported from another module: `imported` is an export name, `default`, or `*` (the module). */
export interface ImportBinding {
  source: string;
  imported: string;
}

/**
 * A module's top level, read from its statements alone (no deep walk): enough to follow a call or a constant
 * from one module to another. Scope-insensitive by design: a local that shadows a top-level name is rare in
 * the code this judges, and the cost of a scope analysis is not.
 */
export interface ModuleScope {
  /** Top-level bindings with a value: `function f`, `class C`, `const f = () => …`, `const BASE = '…'`, `const page = {…}`. */
  values: Map<string, Node>;
  imports: Map<string, ImportBinding>;
  /**
   * Exports by name, each to its value node (an identifier for `export { a }` and `{ a }` shorthand, resolved
   * through this scope). `default` is `export default x` or `module.exports = x`.
   */
  exports: Map<string, Node>;
}

export function readModuleScope(program: Program): ModuleScope {
  const scope: ModuleScope = { values: new Map(), imports: new Map(), exports: new Map() };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        for (const s of statement.specifiers) {
          const imported =
            s.type === 'ImportDefaultSpecifier'
              ? 'default'
              : s.type === 'ImportNamespaceSpecifier'
                ? '*'
                : (staticKey(s.imported, false) ?? 'default');
          scope.imports.set(s.local.name, { source: statement.source.value, imported });
        }
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        if (statement.id) scope.values.set(statement.id.name, statement);
        break;
      case 'VariableDeclaration':
        declare(scope, statement);
        break;
      case 'ExportNamedDeclaration':
        exportNamed(scope, statement.declaration, statement.specifiers, statement.source !== null);
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration as Node;
        scope.exports.set('default', declaration);
        const named = declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration';
        const id = named ? declaration.id : null;
        if (id) scope.values.set(id.name, declaration);
        break;
      }
      case 'ExpressionStatement':
        commonJsExport(scope, statement.expression);
        break;
    }
  }
  return scope;
}

function declare(scope: ModuleScope, declaration: VariableDeclaration): void {
  for (const d of declaration.declarations) {
    if (d.init === null || d.init === undefined) continue;
    const source = requiredModule(d.init);
    if (d.id.type === 'Identifier') {
      if (source) scope.imports.set(d.id.name, source);
      else scope.values.set(d.id.name, d.init);
    } else if (d.id.type === 'ObjectPattern' && source?.imported === '*') {
      // const { login, fetch: get } = require('./auth')
      for (const p of d.id.properties) {
        if (p.type !== 'Property') continue;
        const local = identifierName(p.value);
        const imported = propertyName(p);
        if (local && imported) scope.imports.set(local, { source: source.source, imported });
      }
    }
  }
}

/** `require('./x')` → the module; `require('./x').name` and `.default` → one export of it. */
function requiredModule(init: Node): ImportBinding | undefined {
  const node = unwrap(init);
  const member = memberParts(node);
  if (member) {
    const whole = requiredModule(member.object);
    return whole?.imported === '*' ? { source: whole.source, imported: member.name } : undefined;
  }
  if (node.type !== 'CallExpression' || identifierName(node.callee) !== 'require') return undefined;
  const first = node.arguments[0];
  return first?.type === 'Literal' && typeof first.value === 'string'
    ? { source: first.value, imported: '*' }
    : undefined;
}

function exportNamed(
  scope: ModuleScope,
  declaration: Node | null,
  specifiers: readonly { local: Node; exported: Node }[],
  reexport: boolean,
): void {
  const named = declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration';
  if (declaration && named && declaration.id) {
    scope.values.set(declaration.id.name, declaration);
    scope.exports.set(declaration.id.name, declaration);
  } else if (declaration?.type === 'VariableDeclaration') {
    declare(scope, declaration);
    for (const d of declaration.declarations) {
      if (d.id.type === 'Identifier' && d.init) scope.exports.set(d.id.name, d.init);
    }
  }
  if (reexport) return;
  for (const s of specifiers) {
    const exported = staticKey(s.exported, false);
    if (exported !== undefined) scope.exports.set(exported, s.local);
  }
}

/** `module.exports = x`, `module.exports = { a, b }`, `module.exports.a = x`, `exports.a = x`. */
function commonJsExport(scope: ModuleScope, expression: Node): void {
  const node = unwrap(expression);
  if (node.type !== 'AssignmentExpression' || node.operator !== '=') return;
  const target = memberParts(node.left);
  if (target === undefined) return;
  const right = unwrap(node.right);
  if (target.name === 'exports' && identifierName(target.object) === 'module') {
    scope.exports.set('default', right);
    if (right.type !== 'ObjectExpression') return;
    for (const p of right.properties) {
      const name = p.type === 'Property' ? propertyName(p) : undefined;
      if (p.type === 'Property' && name !== undefined) scope.exports.set(name, p.value);
    }
    return;
  }
  const owner = memberParts(target.object);
  const isExports =
    identifierName(target.object) === 'exports' ||
    (owner?.name === 'exports' && identifierName(owner.object) === 'module');
  if (isExports) scope.exports.set(target.name, right);
}
