import { isVendored } from './own-code.js';

/** The extensions a mini-program `require`/`import` may leave out, in the order the build tools try them. */
const CANDIDATES = ['', '.js', '.ts', '/index.js', '/index.ts'];

/**
 * The own script a module specifier names, seen from the script `from`: relative (`./a`, `../a`) or from the
 * package root (`/utils/a`, which both platforms accept). Bare names are packages (`node_modules`,
 * `miniprogram_npm`): vendored, never followed. A TypeScript `./a.js` may name `a.ts`.
 */
export function resolveModule(
  files: ReadonlyMap<string, unknown>,
  from: string,
  specifier: string,
): string | undefined {
  let base: string | undefined;
  if (specifier.startsWith('/')) base = normalize(specifier.slice(1));
  else if (specifier.startsWith('./') || specifier.startsWith('../'))
    base = joinPath(dirname(from), specifier);
  if (base === undefined || isVendored(base)) return undefined;
  for (const extension of CANDIDATES) {
    const path = base + extension;
    if (files.has(path) && !isVendored(path)) return path;
  }
  if (base.endsWith('.js') && files.has(`${base.slice(0, -3)}.ts`)) return `${base.slice(0, -3)}.ts`;
  return undefined;
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins a relative path to a folder; undefined when it climbs out of the package. */
export function joinPath(folder: string, relative: string): string | undefined {
  return normalize(folder === '' ? relative : `${folder}/${relative}`);
}

function normalize(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
