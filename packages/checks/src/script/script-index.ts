import { type ParseResult, type ParserOptions, parseSync } from 'oxc-parser';
import { lineIndex } from './line-index.js';
import { resolveModule } from './module-resolve.js';
import { type ModuleScope, readModuleScope } from './module-scope.js';
import {
  isAppScript,
  isBundleName,
  isLibraryPath,
  isMinified,
  isScriptPath,
  isTemplatePath,
  isTemplateScript,
} from './own-code.js';
import { type ScriptSummary, summarize } from './script-summary.js';
import { type SourcePlace, sourcePlace } from './source-place.js';
import { scanTemplate, type TemplateScan } from './template-scan.js';
import { readWebpackChunk, type WebpackChunk } from './webpack-chunk.js';

export { isVendored } from './own-code.js';

/** One script of the package, parsed once and shared by every rule that reads scripts. */
export interface ParsedScript {
  path: string;
  source: string;
  result: ParseResult;
  /** The 1-based line of a UTF-16 offset of `source` (oxc's offsets). */
  line(offset: number): number;
}

/** One template of the package, scanned once. */
export interface ScannedTemplate extends TemplateScan {
  path: string;
  source: string;
  line(offset: number): number;
}

/**
 * The package's own code, read lazily and once: every rule asks here rather than parsing, so each script is
 * parsed once and walked once whatever the number of rules.
 */
export interface ScriptIndex {
  /**
   * The app's own `.js`/`.ts` scripts: not under `node_modules`/`miniprogram_npm`, not a library. A compiled
   * build's chunks count when they hold own modules (only those are summarized); another minified file when
   * it is the app's entry or a page or component script.
   */
  readonly ownScripts: readonly string[];
  /** The app's own SJS/WXS modules (template scripts: syntax only). */
  readonly templateScripts: readonly string[];
  /** The app's own templates (`.axml`, `.wxml`). */
  readonly ownTemplates: readonly string[];
  parse(path: string): ParsedScript | undefined;
  /** The single-walk summary of an own script (undefined when it is not one, or does not parse). */
  summary(path: string): ScriptSummary | undefined;
  /** The top level of a script: bindings, imports, exports. */
  scope(path: string): ModuleScope | undefined;
  /** The own script a specifier names from `from`; undefined for packages and missing files. */
  resolve(from: string, specifier: string): string | undefined;
  template(path: string): ScannedTemplate | undefined;
  /** The webpack chunk a script is (uni-app, Taro builds), with its modules told own or vendored. */
  chunk(path: string): WebpackChunk | undefined;
  /** A finding's place from an offset: the line, and on one-line compiled code the column and a snippet. */
  place(path: string, at: number): { file: string } & SourcePlace;
}

export function createScriptIndex(files: ReadonlyMap<string, Buffer>): ScriptIndex {
  const parsed = new Map<string, ParsedScript | undefined>();
  const summaries = new Map<string, ScriptSummary | undefined>();
  const scopes = new Map<string, ModuleScope | undefined>();
  const templates = new Map<string, ScannedTemplate | undefined>();
  const chunks = new Map<string, WebpackChunk | undefined>();
  const sources = new Map<string, string>();
  const text = (path: string) => {
    let source = sources.get(path);
    if (source === undefined) {
      source = files.get(path)?.toString('utf8');
      if (source !== undefined) sources.set(path, source);
    }
    return source;
  };
  let own: { scripts: string[]; templateScripts: string[]; templates: string[] } | undefined;

  const ownFiles = () => {
    if (own !== undefined) return own;
    own = { scripts: [], templateScripts: [], templates: [] };
    for (const path of files.keys()) {
      if (isLibraryPath(path)) continue;
      if (isTemplatePath(path)) {
        own.templates.push(path);
        continue;
      }
      if (!isScriptPath(path)) continue;
      const bundle = isBundleName(path);
      const minified = bundle || isMinified(text(path)!);
      if (isTemplateScript(path)) {
        if (!minified) own.templateScripts.push(path);
      } else if (isChunkText(text(path)!)) {
        // A compiled build's chunk, minified or not (uni-app's dev builds are not): judged by its modules.
        const holdsOwn = !bundle || OWN_PATH_ID.test(text(path)!) || OWN_BANNER.test(text(path)!);
        if (holdsOwn && index.chunk(path)?.modules.some((m) => m.own)) own.scripts.push(path);
        else if (!bundle && !minified && index.chunk(path) === undefined) own.scripts.push(path);
      } else if (!minified || (!bundle && isAppScript(path, files))) own.scripts.push(path);
    }
    return own;
  };

  const index: ScriptIndex = {
    get ownScripts() {
      return ownFiles().scripts;
    },
    get templateScripts() {
      return ownFiles().templateScripts;
    },
    get ownTemplates() {
      return ownFiles().templates;
    },
    parse(path) {
      if (!parsed.has(path)) parsed.set(path, parseScript(path, text(path)));
      return parsed.get(path);
    },
    summary(path) {
      if (!summaries.has(path)) {
        const script = isTemplateScript(path) ? undefined : index.parse(path);
        const ok = script !== undefined && script.result.errors.length === 0;
        const chunk = ok ? index.chunk(path) : undefined;
        const roots = chunk ? chunk.modules.filter((m) => m.own).map((m) => m.fn) : script?.result.program;
        summaries.set(path, ok && roots ? summarize(roots, script.line, chunk !== undefined) : undefined);
      }
      return summaries.get(path);
    },
    scope(path) {
      if (!scopes.has(path)) {
        const script = index.parse(path);
        const ok = script !== undefined && script.result.errors.length === 0;
        scopes.set(path, ok ? readModuleScope(script.result.program) : undefined);
      }
      return scopes.get(path);
    },
    resolve: (from, specifier) => resolveModule(files, from, specifier),
    chunk(path) {
      if (!chunks.has(path)) {
        const script = index.parse(path);
        const ok = script !== undefined && script.result.errors.length === 0;
        const result = script?.result;
        const read = ok
          ? readWebpackChunk(result!.program, script.source, path, result!.comments)
          : undefined;
        chunks.set(path, read);
      }
      return chunks.get(path);
    },
    place(path, at) {
      const script = index.parse(path);
      return script === undefined
        ? { file: path, line: 1 }
        : { file: path, ...sourcePlace(script.source, script.line, at) };
    },
    template(path) {
      if (!templates.has(path)) {
        const source = text(path);
        const scanned = source === undefined ? undefined : { path, source, line: lineIndex(source) };
        templates.set(path, scanned && { ...scanned, ...scanTemplate(scanned.source) });
      }
      return templates.get(path);
    },
  };
  return index;
}

/** A webpack jsonp chunk registers itself at its top: `(global.webpackJsonp = … || []).push(…)`. */
function isChunkText(source: string): boolean {
  return /webpackJsonp|webpackChunk/.test(source.slice(0, 2000));
}

/**
 * A vendor bundle by name (`common/vendor.js`, `taro.js`) is read as a chunk only when the build kept a source
 * path outside `node_modules` as a module id: otherwise all of it is the framework's and it is not parsed.
 */
const OWN_PATH_ID =
  /["']\.{1,2}\/(?!node_modules\/)(?:[^"'\n]*\/)?[^"'\n/]+\.(?:[jt]sx?|vue)(?:\?[^"'\n]*)?["']\s*:/;

/**
 * The same in a development build, which keeps numeric ids and names each module's source in a banner
 * comment (`!*** D:/shop/store/index.js ***!`): a source outside `node_modules` and webpack's own.
 */
const OWN_BANNER =
  /!\*\*\* (?!\(webpack\))(?![^*\n]*node_modules)[^*\n]*\/[^*\n/]+\.(?:[jt]sx?|vue)(?:\?[^*\n]*)? \*\*\*!/;

/**
 * Parses as ES module or script by content (`unambiguous`). A script with errors is parsed again as CommonJS,
 * whose result is kept unless it is worse: both platforms wrap every module in a function, so a top-level
 * `return` is legal there and must be neither reported nor shadow the real error.
 */
function parseScript(path: string, source: string | undefined): ParsedScript | undefined {
  if (source === undefined) return undefined;
  const options: ParserOptions = { sourceType: 'unambiguous' };
  if (isTemplateScript(path)) options.lang = 'js';
  let result = parseSync(path, source, options);
  if (result.errors.length > 0 && result.program.sourceType === 'script') {
    const commonJs = parseSync(path, source, { ...options, sourceType: 'commonjs' });
    if (commonJs.errors.length <= result.errors.length) result = commonJs;
  }
  return { path, source, result, line: lineIndex(source) };
}
