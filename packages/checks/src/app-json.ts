import { jsonErrorPosition, lineAndColumn } from './json-error-position.js';
import type { LocalizedText } from './report.js';

export interface Subpackage {
  /** Normalized: no leading `./` or `/`, no trailing `/`. */
  root: string;
  /** Page paths relative to `root`, as declared. */
  pages: string[];
}

export interface AppJson {
  pages: string[];
  subpackages: Subpackage[];
  entryPagePath?: string;
  raw: Record<string, unknown>;
}

export type AppJsonResult =
  | { status: 'missing' }
  | { status: 'invalid'; reason: LocalizedText; line?: number }
  | { status: 'ok'; app: AppJson };

/** Reads and validates the root `app.json`. Rules share this one reading rather than parsing it each. */
export function readAppJson(files: ReadonlyMap<string, Buffer>): AppJsonResult {
  const buffer = files.get('app.json');
  if (buffer === undefined) return { status: 'missing' };
  // Editors on Windows save a BOM, which JSON.parse refuses but both platforms' tools accept.
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return notJson(text);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid('顶层必须是对象', 'the top level must be an object');
  }
  const record = raw as Record<string, unknown>;
  const pages = record.pages;
  if (!isStringArray(pages) || pages.length === 0 || pages.some((p) => p.trim() === '')) {
    return invalid('pages 必须是非空的页面路径字符串数组', 'pages must be a non-empty array of page paths');
  }
  // WeChat documents `subpackages` and `subPackages`, Alipay `subPackages`: take whichever is there.
  const declared = record.subPackages ?? record.subpackages ?? [];
  if (!Array.isArray(declared)) return invalid('subPackages 必须是数组', 'subPackages must be an array');
  const subpackages: Subpackage[] = [];
  for (const item of declared) {
    const sub = item as Record<string, unknown> | null;
    const root = typeof sub?.root === 'string' ? normalizeRoot(sub.root) : '';
    if (root === '' || !isStringArray(sub?.pages)) {
      return invalid(
        '每个分包都需要 root 与 pages 字符串数组',
        'every subpackage needs a root and an array of pages',
      );
    }
    subpackages.push({ root, pages: sub.pages });
  }
  const app: AppJson = { pages, subpackages, raw: record };
  if (typeof record.entryPagePath === 'string') app.entryPagePath = record.entryPagePath;
  return { status: 'ok', app };
}

/** A page path as the package's files are named: `/pages/a/a` and `pages/a/a` are the same page. */
export function pagePath(page: string, root = ''): string {
  const path = page.replace(/^\.?\/+/, '');
  return root === '' ? path : `${root}/${path}`;
}

function normalizeRoot(root: string): string {
  return root.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function invalid(zh: string, en: string): AppJsonResult {
  return { status: 'invalid', reason: { zh, en } };
}

function notJson(text: string): AppJsonResult {
  const at = jsonErrorPosition(text);
  if (at === undefined) return invalid('不是合法的 JSON', 'not valid JSON');
  const { line, column } = lineAndColumn(text, at);
  return {
    status: 'invalid',
    reason: {
      zh: `不是合法的 JSON（第 ${line} 行第 ${column} 列）`,
      en: `not valid JSON (line ${line}, column ${column})`,
    },
    line,
  };
}
