import type { LocalizedText, Severity } from '../report.js';
import { APP_ENTRIES } from './app-entries.js';
import { APP_CODES, PACKAGE_CODES, SCRIPT_CODES } from './codes.js';
import { PACKAGE_ENTRIES } from './package-entries.js';
import { SCRIPT_ENTRIES } from './script-entries.js';

/** Every finding code (DESIGN §4), the single source of the `FindingCode` union. */
export const FINDING_CODES = [...PACKAGE_CODES, ...SCRIPT_CODES, ...APP_CODES] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * A rule as data, so a platform can retune severity and wording without code. `message` and `hint` may hold
 * `{name}` placeholders filled by the rule (see `createFinding`).
 */
export interface CatalogEntry {
  code: FindingCode;
  severity: Severity;
  message: LocalizedText;
  hint: LocalizedText;
  /** Where the rule comes from: the platform rule or the reason it exists. */
  source: string;
}

export type Catalog = Readonly<Record<FindingCode, CatalogEntry>>;

export const CATALOG: Catalog = Object.freeze({ ...PACKAGE_ENTRIES, ...SCRIPT_ENTRIES, ...APP_ENTRIES });
