import { type ParseResult, parseSync } from 'oxc-parser';

/** One script of the package, parsed once and shared by every rule that reads scripts. */
export interface ParsedScript {
  path: string;
  source: string;
  result: ParseResult;
}

export interface ScriptIndex {
  /** The app's own scripts (`.js`, `.ts`, `.sjs`, `.wxs` excluded), not vendored libraries. */
  readonly ownScripts: readonly string[];
  parse(path: string): ParsedScript | undefined;
}

const VENDORED = /(^|\/)(node_modules|miniprogram_npm)\//;

/** Vendored code is the library authors' business, not the reviewer's: rules judge the app's own code. */
export function isVendored(path: string): boolean {
  return VENDORED.test(path);
}

export function createScriptIndex(files: ReadonlyMap<string, Buffer>): ScriptIndex {
  const ownScripts = [...files.keys()].filter(
    (p) => /\.(m?js|ts)$/.test(p) && !p.endsWith('.d.ts') && !isVendored(p),
  );
  const cache = new Map<string, ParsedScript | undefined>();
  return {
    ownScripts,
    parse(path) {
      if (cache.has(path)) return cache.get(path);
      const buffer = files.get(path);
      const parsed =
        buffer === undefined
          ? undefined
          : {
              path,
              source: buffer.toString('utf8'),
              result: parseSync(path, buffer.toString('utf8'), { sourceType: 'unambiguous' }),
            };
      cache.set(path, parsed);
      return parsed;
    },
  };
}
