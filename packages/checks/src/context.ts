import { type CategoryCatalog, DEFAULT_CATEGORIES } from './app/category-catalog.js';
import { DEFAULT_WORDS, type WordLists } from './app/word-lists.js';
import { readAppJson } from './app-json.js';
import { CATALOG, type Catalog } from './catalog/catalog.js';
import { type Limits, resolveLimits } from './config/limits.js';
import { createFinding } from './finding.js';
import type { CheckInput } from './input.js';
import { detectLayout } from './layout.js';
import { measurePackage } from './package-size.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { createScriptIndex } from './script/script-index.js';

/** How a platform tunes the checker; every field has Alipay-like defaults. */
export interface CheckOptions {
  /** Any limit left out keeps its default (`DEFAULT_LIMITS`). */
  limits?: Partial<Limits> | undefined;
  /** A platform's tuned catalog (severity, wording); `CATALOG` by default. */
  catalog?: Catalog | undefined;
  /** The rules to run; `ALL_RULES` by default. */
  rules?: readonly Rule[] | undefined;
  /** Word lists; each list given replaces the default one. */
  words?: Partial<WordLists> | undefined;
  categories?: CategoryCatalog | undefined;
  /** The app, release notes and materials, when known. */
  input?: CheckInput | undefined;
  /** Run the launch sandbox (RUNTIME_ERROR_ON_LAUNCH, dynamic FIRST_SCREEN_AUTH); on by default. */
  sandbox?: boolean | undefined;
}

/** Everything the rules share, read once. */
export function buildContext(files: ReadonlyMap<string, Buffer>, options: CheckOptions = {}): RuleContext {
  const catalog = options.catalog ?? CATALOG;
  const appJson = readAppJson(files);
  return {
    files,
    layout: detectLayout(files),
    appJson,
    sizes: measurePackage(files, appJson.status === 'ok' ? appJson.app.subpackages : []),
    limits: resolveLimits(options.limits),
    finding: (code, input) => createFinding(catalog, code, input),
    input: { ...options.input, today: options.input?.today ?? new Date().toISOString().slice(0, 10) },
    words: { ...DEFAULT_WORDS, ...options.words },
    categories: options.categories ?? DEFAULT_CATEGORIES,
    scripts: createScriptIndex(files),
    facts: {},
    sandbox: options.sandbox !== false,
  };
}
