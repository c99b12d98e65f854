import { readFile } from 'node:fs/promises';
import { type CategoryCatalog, DEFAULT_CATEGORIES } from '../app/category-catalog.js';
import { checkCategoryCatalog, parseCategoryCatalog } from '../app/category-catalog-validation.js';
import { APP_LIMIT_KEYS, type AppLimits, DEFAULT_WORDS, type WordLists } from '../app/word-lists.js';
import { CATALOG, type Catalog, FINDING_CODES, type FindingCode } from '../catalog/catalog.js';
import type { Severity } from '../report.js';
import { ALL_RULES } from '../rules/all-rules.js';
import type { Rule } from '../rules/rule.js';
import { at, CheckConfigError, count, onlyKeys, record, text, textList } from './check-config-error.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export const CONFIG_SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
export type ConfigSeverity = (typeof CONFIG_SEVERITIES)[number];

/** The pieces of `CheckOptions` a platform's config file tunes; spread them into the options. */
export interface CheckConfig {
  catalog: Catalog;
  rules: readonly Rule[];
  words: Partial<WordLists>;
  categories: CategoryCatalog;
  limits: Partial<Limits>;
}

const KEYS = ['$schema', 'severities', 'words', 'categories', 'extraCategories', 'limits'];
// PACKAGE_INVALID is the safe reader's refusal: a package that cannot be read is never checked further.
const CANNOT_BE_OFF: readonly FindingCode[] = ['PACKAGE_INVALID'];

/**
 * Reads a platform's checker configuration (JSON):
 * `{ severities?: {CODE: "error"|"warning"|"info"|"off"}, words?: Partial<WordLists>,
 *    categories?: CategoryCatalog (replaces the default) , extraCategories?: (added to it), limits?: {…} }`.
 * `limits` takes both the package limits (`Limits`) and the app ones (`nameMaxChars`, …, see `AppLimits`).
 * Throws `CheckConfigError` naming the file and the bad key.
 */
export async function loadCheckConfig(path: string): Promise<CheckConfig> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    throw new CheckConfigError(`cannot read the check config ${path}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    throw new CheckConfigError(`the check config ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseCheckConfig(value, path);
}

/** The same from a parsed value (a config held in a database or an environment variable). */
export function parseCheckConfig(value: unknown, source = 'check config'): CheckConfig {
  const raw = record(value, source);
  onlyKeys(raw, KEYS, source);
  const where = (key: string) => `${source}: ${key}`;
  const { catalog, off } = tuneCatalog(
    raw.severities === undefined ? {} : record(raw.severities, where('severities')),
    where('severities'),
  );
  const words = raw.words === undefined ? {} : parseWords(record(raw.words, where('words')), where('words'));
  const limits =
    raw.limits === undefined ? {} : parseLimits(record(raw.limits, where('limits')), where('limits'), words);
  for (const [min, max] of [
    ['nameMinChars', 'nameMaxChars'],
    ['descriptionMinChars', 'descriptionMaxChars'],
  ] as const) {
    const [lo, hi] = [words[min] ?? DEFAULT_WORDS[min], words[max] ?? DEFAULT_WORDS[max]];
    if (lo > hi) throw new CheckConfigError(`${source}: ${min} (${lo}) is above ${max} (${hi})`);
  }
  let categories =
    raw.categories === undefined
      ? DEFAULT_CATEGORIES
      : parseCategoryCatalog(raw.categories, where('categories'));
  if (raw.extraCategories !== undefined) {
    const extra = parseCategoryCatalog(raw.extraCategories, where('extraCategories'), { partial: true });
    categories = {
      categories: [...categories.categories, ...extra.categories],
      qualificationTypes: [...categories.qualificationTypes, ...extra.qualificationTypes],
    };
  }
  checkCategoryCatalog(categories, source);
  return { catalog, rules: withoutCodes(ALL_RULES, off), words, categories, limits };
}

function tuneCatalog(severities: Record<string, unknown>, where: string) {
  const tuned: Record<string, (typeof CATALOG)[FindingCode]> = { ...CATALOG };
  const off: FindingCode[] = [];
  for (const [code, severity] of Object.entries(severities)) {
    const name = at(where, code);
    if (!(FINDING_CODES as readonly string[]).includes(code))
      throw new CheckConfigError(`${name} is not a finding code`);
    const value = text(severity, name);
    if (!(CONFIG_SEVERITIES as readonly string[]).includes(value)) {
      throw new CheckConfigError(`${name} is "${value}"; allowed: ${CONFIG_SEVERITIES.join(', ')}`);
    }
    if (value === 'off') {
      if (CANNOT_BE_OFF.includes(code as FindingCode))
        throw new CheckConfigError(`${name} cannot be off: an unreadable package is never checked`);
      off.push(code as FindingCode);
    } else tuned[code] = { ...CATALOG[code as FindingCode], severity: value as Severity };
  }
  return { catalog: Object.freeze(tuned) as Catalog, off };
}

/** Package limits stay limits; the app ones (`nameMaxChars`, …) join the word lists the rules read them from. */
function parseLimits(
  raw: Record<string, unknown>,
  where: string,
  words: Partial<WordLists>,
): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = at(where, key);
    if ((APP_LIMIT_KEYS as string[]).includes(key)) {
      if (Object.hasOwn(words, key))
        throw new CheckConfigError(`${name} is also given as words.${key}; give it once`);
      words[key as keyof AppLimits] = count(value, name);
    } else if (Object.hasOwn(DEFAULT_LIMITS, key)) {
      limits[key as keyof Limits] = count(value, name, { min: 1 });
    } else {
      const allowed = [...Object.keys(DEFAULT_LIMITS), ...APP_LIMIT_KEYS].join(', ');
      throw new CheckConfigError(`${name} is not a known limit; allowed: ${allowed}`);
    }
  }
  return limits;
}

function parseWords(raw: Record<string, unknown>, where: string): Partial<WordLists> {
  onlyKeys(raw, Object.keys(DEFAULT_WORDS), where);
  const words: Partial<WordLists> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((APP_LIMIT_KEYS as string[]).includes(key))
      words[key as keyof AppLimits] = count(value, at(where, key));
    else words[key as 'forbidden'] = textList(value, at(where, key));
  }
  return words;
}

/**
 * 'off' drops a code's findings: a rule reporting only codes that are off is not run at all (no cost), one
 * reporting others too has its off codes filtered out. The catalog keeps a severity for the code, unused.
 */
export function withoutCodes(rules: readonly Rule[], off: readonly FindingCode[]): readonly Rule[] {
  if (off.length === 0) return rules;
  return rules
    .filter((rule) => rule.codes.some((code) => !off.includes(code)))
    .map((rule) =>
      rule.codes.some((code) => off.includes(code))
        ? { ...rule, run: async (context) => (await rule.run(context)).filter((f) => !off.includes(f.code)) }
        : rule,
    );
}
