import { type AppJson, pagePath } from '../app-json.js';
import { dirname, joinPath } from './module-resolve.js';

/** Every page app.json declares, main package and subpackages, as file paths without extension. */
export function declaredPages(app: AppJson): Set<string> {
  return new Set([
    ...app.pages.map((p) => pagePath(p)),
    ...app.subpackages.flatMap((s) => s.pages.map((p) => pagePath(p, s.root))),
  ]);
}

/** The page the app opens on: `entryPagePath` when app.json has it, else the first of `pages`. */
export function entryPage(app: AppJson): string {
  return pagePath(app.entryPagePath ?? app.pages[0] ?? '');
}

/** The script of a page or of the app: `.js`, else `.ts` (a TypeScript project compiled by the IDE). */
export function scriptOf(files: ReadonlyMap<string, unknown>, base: string): string | undefined {
  if (files.has(`${base}.js`)) return `${base}.js`;
  if (files.has(`${base}.ts`)) return `${base}.ts`;
  return undefined;
}

/** The declared page a file belongs to (`pages/a/a.js`, `pages/a/a.axml` → `pages/a/a`), if any. */
export function pageOfFile(path: string, pages: ReadonlySet<string>): string | undefined {
  const dot = path.lastIndexOf('.');
  const base = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
  return pages.has(base) ? base : undefined;
}

/**
 * The page a navigation url's path names. A leading `/` is from the package root; anything else is relative
 * to the folder of the page navigating (undefined when not called from a page: the current page is then
 * only known at run time). Urls with a scheme (`plugin://…`) are not pages of this package.
 */
export function targetPage(urlPath: string, fromPage: string | undefined): string | undefined {
  if (urlPath === '' || /^[a-z][\w+.-]*:/i.test(urlPath)) return undefined;
  if (urlPath.startsWith('/')) return pagePath(urlPath);
  if (fromPage === undefined) return undefined;
  return joinPath(dirname(fromPage), urlPath) ?? urlPath;
}
