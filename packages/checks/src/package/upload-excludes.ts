import picomatch from 'picomatch';

/** A path left out of an uploaded folder and the rule that left it out (docs/upload.md). */
export interface ExcludedPath {
  /** Posix path from the project root; a folder ends with `/` and stands for everything under it. */
  path: string;
  rule: string;
}

/** Decides, path by path, what of a project folder is not part of the package. */
export interface UploadExcludes {
  /** The rule that excludes `path` (a folder when `folder`), or undefined when it is uploaded. */
  match(path: string, folder: boolean): string | undefined;
}

/** The text of the project files at the folder's root, as found; absent when there is none. */
export interface ProjectFiles {
  /** WeChat's `project.config.json`. */
  projectConfig?: string | undefined;
  /** Alipay's `mini.project.json`. */
  miniProject?: string | undefined;
}

type Rule = { rule: string; test: (path: string, folder: boolean) => boolean };

const anySegment = (names: readonly string[]) => (path: string) => names.includes(basename(path));

/**
 * Left out of every upload: version control, secrets (`.env`, `.env.local`, …), source maps (they carry the
 * original sources) and editor or OS litter. None of these is ever loaded by a mini-program runtime.
 */
const DEFAULT_RULES: readonly Rule[] = [
  { rule: 'default: version control', test: anySegment(['.git', '.svn', '.hg']) },
  { rule: 'default: .env*', test: (p) => /^\.env($|\.)/.test(basename(p)) },
  { rule: 'default: *.map', test: (p, folder) => !folder && p.endsWith('.map') },
  {
    rule: 'default: editor and OS files',
    test: (p, folder) => {
      const name = basename(p);
      if (['.DS_Store', 'Thumbs.db', 'desktop.ini', '.idea', '.vscode', '__MACOSX'].includes(name))
        return true;
      return !folder && (name.endsWith('.swp') || name.endsWith('~') || name.startsWith('._'));
    },
  },
];

/**
 * The excludes of one project folder: the defaults, `node_modules` when the layout does not load it, and the
 * project file's own ignore rules. Pure: the caller reads the project files.
 */
export function uploadExcludes(project: ProjectFiles = {}): UploadExcludes {
  const rules: Rule[] = [...DEFAULT_RULES];
  // WeChat builds `node_modules` into `miniprogram_npm` and uploads only that; Alipay loads `node_modules`
  // itself, so it stays unless the project is WeChat's (a `project.config.json` without `mini.project.json`).
  const wechat = project.projectConfig !== undefined && project.miniProject === undefined;
  if (wechat)
    rules.push({
      rule: 'default: node_modules (WeChat uses miniprogram_npm)',
      test: anySegment(['node_modules']),
    });
  rules.push(...wechatIgnoreRules(project.projectConfig), ...alipayExcludeRules(project.miniProject));
  return {
    match(path, folder) {
      return rules.find((r) => r.test(path, folder))?.rule;
    },
  };
}

/**
 * `project.config.json` `packOptions.ignore`: `{ type, value }` with type folder, file, suffix, prefix, regexp
 * or glob, compared without case as WeChat's tools do. A malformed file or entry adds no rule: the upload must
 * not fail over a project file the developer's own tool accepts.
 */
function wechatIgnoreRules(text: string | undefined): Rule[] {
  const entries = (parseJson(text) as { packOptions?: { ignore?: unknown } } | undefined)?.packOptions
    ?.ignore;
  if (!Array.isArray(entries)) return [];
  const rules: Rule[] = [];
  for (const entry of entries) {
    const { type, value } = (entry ?? {}) as { type?: unknown; value?: unknown };
    if (typeof type !== 'string' || typeof value !== 'string' || value === '') continue;
    const test = wechatTest(type, value);
    if (test) rules.push({ rule: `project.config.json packOptions.ignore ${type}: ${value}`, test });
  }
  return rules;
}

function wechatTest(type: string, value: string): Rule['test'] | undefined {
  const v = trimPath(value).toLowerCase();
  switch (type) {
    case 'file':
      return (p, folder) => !folder && p.toLowerCase() === v;
    case 'folder':
      return (p, folder) => folder && p.toLowerCase() === v;
    case 'suffix':
      return (p, folder) => !folder && p.toLowerCase().endsWith(v);
    case 'prefix':
      return (p, folder) => !folder && basename(p).toLowerCase().startsWith(v);
    case 'regexp': {
      const re = safeRegExp(value);
      return re ? (p, folder) => !folder && re.test(p) : undefined;
    }
    case 'glob':
      return globTest(trimPath(value), true);
    default:
      return undefined;
  }
}

/** `mini.project.json` `uploadExclude`: glob strings (Alipay matches them with minimatch, case-sensitive). */
function alipayExcludeRules(text: string | undefined): Rule[] {
  const globs = (parseJson(text) as { uploadExclude?: unknown } | undefined)?.uploadExclude;
  if (!Array.isArray(globs)) return [];
  return globs
    .filter((g): g is string => typeof g === 'string' && g !== '')
    .map((g) => ({ rule: `mini.project.json uploadExclude: ${g}`, test: globTest(trimPath(g), false) }));
}

/** A glob that matches a folder leaves out the whole folder, as `dist` or `test/**` are meant. */
function globTest(glob: string, nocase: boolean): Rule['test'] {
  const isMatch = picomatch(glob, { dot: true, nocase });
  return (p) => isMatch(p);
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function trimPath(value: string): string {
  return value.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
