import { parseSync, type StaticExport } from 'oxc-parser';

export type CommonJsResult = { ok: true; code: string } | { ok: false; reason: string };

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Turns an ES module into CommonJS for the sandbox's loader, keeping every line where it was (stack frames
 * then point at the author's lines). What is added goes on line 1: `'use strict'`, the `require` of every
 * import (first, as ES modules evaluate their imports first) and a getter per export, so exports are live
 * and a cycle sees the names already defined. Import bindings are copies taken when the imported module has
 * run, not live bindings: enough for the launch of an app, as only a cycle sees the difference.
 * `import()` becomes a deferred `require`, which matters beyond convenience: a raw `import()` in a `vm`
 * context rejects with an error of the worker's realm. A file that does not parse gives `ok: false`.
 */
export function toCommonJs(path: string, source: string): CommonJsResult {
  const parsed = parseSync(path, source, { sourceType: 'unambiguous' });
  const firstError = parsed.errors[0];
  if (firstError !== undefined) return { ok: false, reason: firstError.message };
  const module = parsed.module;
  if (!module.hasModuleSyntax && module.dynamicImports.length === 0) return { ok: true, code: source };
  const header: string[] = [];
  const edits: Edit[] = [];
  const edited = new Set<number>();
  const blank = (start: number, end: number, text = '') => {
    if (!edited.has(start)) edits.push({ start, end, text });
    edited.add(start);
  };
  module.staticImports.forEach((statement, index) => {
    const local = `__minirelease_import${index}`;
    header.push(`const ${local} = require(${JSON.stringify(statement.moduleRequest.value)});`);
    for (const entry of statement.entries) {
      if (entry.isType) continue;
      const name = entry.localName.value;
      const kind = entry.importName.kind as string;
      if (kind === 'Default') header.push(`const ${name} = __minirelease.interop(${local});`);
      else if (kind === 'NamespaceObject') header.push(`const ${name} = __minirelease.namespace(${local});`);
      else header.push(`const ${name} = ${local}[${JSON.stringify(entry.importName.name)}];`);
    }
    blank(statement.start, statement.end);
  });
  const stars: string[] = [];
  module.staticExports.forEach((statement, index) => {
    exportStatement(source, statement, `__minirelease_export${index}`, header, stars, blank);
  });
  for (const call of module.dynamicImports)
    blank(call.start, call.start + 'import'.length, '__minirelease.import');
  for (const meta of module.importMetas) blank(meta.start, meta.end, '__minirelease.meta');
  const body = applyEdits(source, edits);
  if (!module.hasModuleSyntax) return { ok: true, code: body };
  const flag = "Object.defineProperty(exports, '__esModule', { value: true });";
  return { ok: true, code: `'use strict';${flag}${header.join('')}${stars.join('')}${body}` };
}

function exportStatement(
  source: string,
  statement: StaticExport,
  local: string,
  header: string[],
  stars: string[],
  blank: (start: number, end: number, text?: string) => void,
): void {
  const text = source.slice(statement.start, statement.end);
  const getter = (name: string | null, value: string) =>
    header.push(`__minirelease.define(exports, ${JSON.stringify(name ?? 'default')}, () => ${value});`);
  // Entries first: oxc gives an imported binding exported by name (`import { y } from 'm'; export { y }`)
  // as re-exported from 'm', on the span of the import statement.
  const required = new Map<string, string>();
  for (const entry of statement.entries) {
    const request = entry.moduleRequest?.value;
    if (entry.isType || (request === undefined && (entry.exportName.kind as string) === 'Default')) continue;
    if (request === undefined) {
      getter(entry.exportName.name, entry.localName.name ?? 'undefined');
      continue;
    }
    let binding = required.get(request);
    if (binding === undefined) {
      binding = `${local}_${required.size}`;
      required.set(request, binding);
      header.push(`const ${binding} = require(${JSON.stringify(request)});`);
    }
    const kind = entry.importName.kind as string;
    if (kind === 'AllButDefault') stars.push(`__minirelease.star(exports, ${binding});`);
    else if (kind === 'All') getter(entry.exportName.name, `__minirelease.namespace(${binding})`);
    else getter(entry.exportName.name, `${binding}[${JSON.stringify(entry.importName.name)}]`);
  }
  const { start, end } = statement;
  const defaultExport = /^export\s+default\b/.exec(text);
  if (defaultExport !== null) {
    const named = statement.entries[0]?.localName;
    if (named?.kind === 'Name' && named.name !== null) {
      blank(start, start + defaultExport[0].length);
      getter('default', named.name);
    } else blank(start, start + defaultExport[0].length, 'exports.default =');
  } else if (/^export\s*[{*]/.test(text)) blank(start, end);
  // `export const a = 1`, `export function f() {}`: the declaration stays.
  else if (text.startsWith('export')) blank(start, start + 'export'.length);
}

/** Applies edits from the end, each keeping the line breaks of the text it replaces. */
function applyEdits(source: string, edits: Edit[]): string {
  let code = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const breaks = source.slice(edit.start, edit.end).match(/\r\n|\n|\r|\u2028|\u2029/g) ?? [];
    code = code.slice(0, edit.start) + edit.text + breaks.join('') + code.slice(edit.end);
  }
  return code;
}
