import type { CallExpression, Node, ObjectExpression, Program } from 'oxc-parser';
import { identifierName, memberParts, optionsArgument, propertyName, unwrap, walk } from './ast.js';

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

/** What the script rules need from one script, gathered in a single walk of its tree. */
export interface ScriptSummary {
  apiCalls: ApiCall[];
  /** The same calls by node, for rules that walk a function and meet them. */
  apiByCall: Map<CallExpression, ApiCall>;
  constructors: ConstructorCall[];
  /** Every module the script loads (`import`, `require`, `import()`), with the line. */
  modules: { specifier: string; line: number }[];
  debuggers: number[];
  /** Lines of `new VConsole(…)`. */
  newVConsole: number[];
}

const GLOBALS = new Set(['my', 'wx']);
const CONSTRUCTORS = new Set<string>(['App', 'Page', 'Component']);

/**
 * Walks a script once. Aliases of the globals are followed by name anywhere in the file:
 * `const api = wx`, `const { request, navigateTo: go } = my`, `const request = wx.request`.
 */
export function summarize(program: Program, line: (offset: number) => number): ScriptSummary {
  const summary: ScriptSummary = {
    apiCalls: [],
    apiByCall: new Map(),
    constructors: [],
    modules: [],
    debuggers: [],
    newVConsole: [],
  };
  const namespaces = new Map<string, string>();
  const functions = new Map<string, string>();
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
        if (member && object !== undefined && GLOBALS.has(object)) addCall(node, `${object}.${member.name}`);
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
        if (node.init) alias(node.id, node.init, namespaces, functions);
        break;
      case 'ImportDeclaration':
        moduleOf(node.source, node.start);
        break;
      case 'ImportExpression':
        moduleOf(node.source, node.start);
        break;
      case 'DebuggerStatement':
        summary.debuggers.push(line(node.start));
        break;
      case 'NewExpression':
        if (/^vconsole$/i.test(identifierName(node.callee) ?? '')) summary.newVConsole.push(line(node.start));
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
    summary.apiCalls.sort((a, b) => a.call.start - b.call.start);
  }
  return summary;

  function moduleOf(source: Node | undefined, at: number) {
    if (source?.type === 'Literal' && typeof source.value === 'string') {
      summary.modules.push({ specifier: source.value, line: line(at) });
    }
  }
}

function alias(id: Node, init: Node, namespaces: Map<string, string>, functions: Map<string, string>): void {
  const value = unwrap(init);
  const global = identifierName(value);
  if (global !== undefined && GLOBALS.has(global)) {
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
    functions.set(id.name, `${object}.${member.name}`);
  }
}
