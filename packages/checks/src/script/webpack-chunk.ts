import type { Comment, Node, Program } from 'oxc-parser';
import { type FunctionLike, isFunctionLike, memberParts, unwrap, walk } from './ast.js';
import { isVendorModule } from './own-code.js';

/** One module of a webpack chunk: the function webpack calls with `(module, exports, require)`. */
export interface ChunkModule {
  /** The module id as the build wrote it: a number, a hash, or a source path (`./src/pages/a.jsx`). */
  id: string;
  fn: FunctionLike;
  /** The app's own code, not the framework's runtime nor a library (see `isVendorModule`). */
  own: boolean;
}

/** A file that registers webpack modules: uni-app's and Taro's page chunks, `common/main.js`, `vendor.js`. */
export interface WebpackChunk {
  /** The chunk names (`pages/index/index`, `common/vendor`, `taro`). */
  names: string[];
  modules: ChunkModule[];
}

/** The global a jsonp chunk pushes onto: `webpackJsonp` (webpack 4, uni-app, Taro 2/3) or `webpackChunk<name>` (webpack 5). */
const CHUNK_GLOBAL = /webpackJsonp|webpackChunk/;

/**
 * The webpack chunk a file is, read from its top level: `(global.webpackJsonp = … || []).push([[names],
 * {id: function (module, exports, require) {…}} or [function …], …])`. Undefined for any other file. The
 * modules are told apart by what they are (`isVendorModule`), never by whether they are minified: compiled
 * builds minify the app's own code too (docs/checker.md, "What is judged").
 */
export function readWebpackChunk(
  program: Program,
  source: string,
  path: string,
  comments: readonly Comment[] = [],
): WebpackChunk | undefined {
  let chunk: WebpackChunk | undefined;
  walk(program, (node) => {
    if (chunk !== undefined || isFunctionLike(node)) return false;
    if (node.type !== 'CallExpression') return undefined;
    const callee = memberParts(node.callee);
    if (callee?.name !== 'push' || !CHUNK_GLOBAL.test(source.slice(callee.object.start, callee.object.end))) {
      return undefined;
    }
    const first = node.arguments[0] && unwrap(node.arguments[0]);
    if (first?.type !== 'ArrayExpression') return undefined;
    const [names, modules] = first.elements;
    if (names?.type !== 'ArrayExpression' || modules === null || modules === undefined) return undefined;
    const chunkNames = names.elements.flatMap((n) => (n?.type === 'Literal' ? [String(n.value)] : []));
    chunk = { names: chunkNames, modules: readModules(modules, chunkNames, path, comments) };
    return false;
  });
  return chunk;
}

function readModules(
  node: Node,
  names: readonly string[],
  path: string,
  comments: readonly Comment[],
): ChunkModule[] {
  const modules: ChunkModule[] = [];
  const add = (id: string, value: Node | null | undefined, from: number) => {
    const fn = value && unwrap(value);
    if (!fn || !isFunctionLike(fn)) return;
    // A development build names each module's source in a banner before it: judged by that path.
    const resource = resourceBanner(comments, from, fn.start) ?? id;
    modules.push({ id, fn, own: !isVendorModule(resource, names, path) });
  };
  if (node.type === 'ObjectExpression') {
    for (const property of node.properties) {
      if (property.type !== 'Property') continue;
      const key = property.key;
      const id =
        key.type === 'Literal' ? String(key.value) : key.type === 'Identifier' ? key.name : undefined;
      if (id !== undefined) add(id, property.value, key.end);
    }
  } else if (node.type === 'ArrayExpression') {
    let from = node.start;
    node.elements.forEach((element, i) => {
      if (element?.type !== 'SpreadElement') add(String(i), element, from);
      if (element) from = element.end;
    });
  }
  return modules;
}

/** webpack's development banner: `/*!*** ./src/utils/http.js ***!*\/` (or the source's absolute path). */
const BANNER = /!\*\*\* (.+?) \*\*\*!/;

/** The source path a banner between offsets `from` and `to` names (comments are in source order). */
function resourceBanner(comments: readonly Comment[], from: number, to: number): string | undefined {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.start < from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < comments.length && comments[i]!.end <= to; i += 1) {
    const match = BANNER.exec(comments[i]!.value);
    if (match) return match[1];
  }
  return undefined;
}
