import type { CatalogEntry } from '../catalog.js';
import type { AppCode } from './codes.js';

/** The app and its submission: name, category, qualifications, release notes, materials. */
export const APP_ENTRIES: Readonly<Record<AppCode, CatalogEntry>> = {
  NAME_LENGTH: {
    code: 'NAME_LENGTH',
    severity: 'error',
    message: { zh: 'NAME_LENGTH', en: 'NAME_LENGTH' },
    hint: { zh: 'NAME_LENGTH', en: 'NAME_LENGTH' },
    source: 'DESIGN §4 (wording to be written)',
  },
  NAME_INVALID_CHARS: {
    code: 'NAME_INVALID_CHARS',
    severity: 'error',
    message: { zh: 'NAME_INVALID_CHARS', en: 'NAME_INVALID_CHARS' },
    hint: { zh: 'NAME_INVALID_CHARS', en: 'NAME_INVALID_CHARS' },
    source: 'DESIGN §4 (wording to be written)',
  },
  NAME_FORBIDDEN_WORD: {
    code: 'NAME_FORBIDDEN_WORD',
    severity: 'error',
    message: { zh: 'NAME_FORBIDDEN_WORD', en: 'NAME_FORBIDDEN_WORD' },
    hint: { zh: 'NAME_FORBIDDEN_WORD', en: 'NAME_FORBIDDEN_WORD' },
    source: 'DESIGN §4 (wording to be written)',
  },
  NAME_TOO_GENERIC: {
    code: 'NAME_TOO_GENERIC',
    severity: 'error',
    message: { zh: 'NAME_TOO_GENERIC', en: 'NAME_TOO_GENERIC' },
    hint: { zh: 'NAME_TOO_GENERIC', en: 'NAME_TOO_GENERIC' },
    source: 'DESIGN §4 (wording to be written)',
  },
  NAME_MISSING_BRAND: {
    code: 'NAME_MISSING_BRAND',
    severity: 'warning',
    message: { zh: 'NAME_MISSING_BRAND', en: 'NAME_MISSING_BRAND' },
    hint: { zh: 'NAME_MISSING_BRAND', en: 'NAME_MISSING_BRAND' },
    source: 'DESIGN §4 (wording to be written)',
  },
  CATEGORY_UNKNOWN: {
    code: 'CATEGORY_UNKNOWN',
    severity: 'error',
    message: { zh: 'CATEGORY_UNKNOWN', en: 'CATEGORY_UNKNOWN' },
    hint: { zh: 'CATEGORY_UNKNOWN', en: 'CATEGORY_UNKNOWN' },
    source: 'DESIGN §4 (wording to be written)',
  },
  QUALIFICATION_MISSING: {
    code: 'QUALIFICATION_MISSING',
    severity: 'error',
    message: { zh: 'QUALIFICATION_MISSING', en: 'QUALIFICATION_MISSING' },
    hint: { zh: 'QUALIFICATION_MISSING', en: 'QUALIFICATION_MISSING' },
    source: 'DESIGN §4 (wording to be written)',
  },
  QUALIFICATION_EXPIRED: {
    code: 'QUALIFICATION_EXPIRED',
    severity: 'error',
    message: { zh: 'QUALIFICATION_EXPIRED', en: 'QUALIFICATION_EXPIRED' },
    hint: { zh: 'QUALIFICATION_EXPIRED', en: 'QUALIFICATION_EXPIRED' },
    source: 'DESIGN §4 (wording to be written)',
  },
  VERSION_DESC_LENGTH: {
    code: 'VERSION_DESC_LENGTH',
    severity: 'error',
    message: { zh: 'VERSION_DESC_LENGTH', en: 'VERSION_DESC_LENGTH' },
    hint: { zh: 'VERSION_DESC_LENGTH', en: 'VERSION_DESC_LENGTH' },
    source: 'DESIGN §4 (wording to be written)',
  },
  MATERIALS_TEST_ACCOUNT_MISSING: {
    code: 'MATERIALS_TEST_ACCOUNT_MISSING',
    severity: 'error',
    message: { zh: 'MATERIALS_TEST_ACCOUNT_MISSING', en: 'MATERIALS_TEST_ACCOUNT_MISSING' },
    hint: { zh: 'MATERIALS_TEST_ACCOUNT_MISSING', en: 'MATERIALS_TEST_ACCOUNT_MISSING' },
    source: 'DESIGN §4 (wording to be written)',
  },
  MATERIALS_SCREENSHOTS_MISSING: {
    code: 'MATERIALS_SCREENSHOTS_MISSING',
    severity: 'warning',
    message: { zh: 'MATERIALS_SCREENSHOTS_MISSING', en: 'MATERIALS_SCREENSHOTS_MISSING' },
    hint: { zh: 'MATERIALS_SCREENSHOTS_MISSING', en: 'MATERIALS_SCREENSHOTS_MISSING' },
    source: 'DESIGN §4 (wording to be written)',
  },
};
