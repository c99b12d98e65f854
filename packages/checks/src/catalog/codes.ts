/** Every finding code of DESIGN §4, by the part of the checker that reports it. */
export const PACKAGE_CODES = [
  'PACKAGE_INVALID',
  'PACKAGE_TOO_LARGE',
  'APP_JSON_MISSING',
  'APP_JSON_INVALID',
  'PAGE_MISSING',
  'NAVIGATE_TARGET_MISSING',
  'SECRET_IN_PACKAGE',
] as const;

export const SCRIPT_CODES = [
  'JS_SYNTAX_ERROR',
  'FIRST_SCREEN_AUTH',
  'RUNTIME_ERROR_ON_LAUNCH',
  'INSECURE_REQUEST',
  'DEBUG_LEFTOVER',
  'PLACEHOLDER_CONTENT',
  'NPM_NOT_BUILT',
] as const;

export const APP_CODES = [
  'NAME_LENGTH',
  'NAME_INVALID_CHARS',
  'NAME_FORBIDDEN_WORD',
  'NAME_TOO_GENERIC',
  'NAME_MISSING_BRAND',
  'CATEGORY_UNKNOWN',
  'QUALIFICATION_MISSING',
  'QUALIFICATION_EXPIRED',
  'VERSION_DESC_LENGTH',
  'MATERIALS_TEST_ACCOUNT_MISSING',
  'MATERIALS_SCREENSHOTS_MISSING',
] as const;

export type PackageCode = (typeof PACKAGE_CODES)[number];
export type ScriptCode = (typeof SCRIPT_CODES)[number];
export type AppCode = (typeof APP_CODES)[number];
