import type { CatalogEntry } from '../catalog.js';
import type { ScriptCode } from './codes.js';

/** Scripts and templates: syntax, first-screen authorization, launch errors, insecure requests, leftovers. */
export const SCRIPT_ENTRIES: Readonly<Record<ScriptCode, CatalogEntry>> = {
  JS_SYNTAX_ERROR: {
    code: 'JS_SYNTAX_ERROR',
    severity: 'error',
    message: { zh: 'JS_SYNTAX_ERROR', en: 'JS_SYNTAX_ERROR' },
    hint: { zh: 'JS_SYNTAX_ERROR', en: 'JS_SYNTAX_ERROR' },
    source: 'DESIGN §4 (wording to be written)',
  },
  FIRST_SCREEN_AUTH: {
    code: 'FIRST_SCREEN_AUTH',
    severity: 'error',
    message: { zh: 'FIRST_SCREEN_AUTH', en: 'FIRST_SCREEN_AUTH' },
    hint: { zh: 'FIRST_SCREEN_AUTH', en: 'FIRST_SCREEN_AUTH' },
    source: 'DESIGN §4 (wording to be written)',
  },
  RUNTIME_ERROR_ON_LAUNCH: {
    code: 'RUNTIME_ERROR_ON_LAUNCH',
    severity: 'error',
    message: { zh: 'RUNTIME_ERROR_ON_LAUNCH', en: 'RUNTIME_ERROR_ON_LAUNCH' },
    hint: { zh: 'RUNTIME_ERROR_ON_LAUNCH', en: 'RUNTIME_ERROR_ON_LAUNCH' },
    source: 'DESIGN §4 (wording to be written)',
  },
  INSECURE_REQUEST: {
    code: 'INSECURE_REQUEST',
    severity: 'error',
    message: { zh: 'INSECURE_REQUEST', en: 'INSECURE_REQUEST' },
    hint: { zh: 'INSECURE_REQUEST', en: 'INSECURE_REQUEST' },
    source: 'DESIGN §4 (wording to be written)',
  },
  DEBUG_LEFTOVER: {
    code: 'DEBUG_LEFTOVER',
    severity: 'warning',
    message: { zh: 'DEBUG_LEFTOVER', en: 'DEBUG_LEFTOVER' },
    hint: { zh: 'DEBUG_LEFTOVER', en: 'DEBUG_LEFTOVER' },
    source: 'DESIGN §4 (wording to be written)',
  },
  PLACEHOLDER_CONTENT: {
    code: 'PLACEHOLDER_CONTENT',
    severity: 'warning',
    message: { zh: 'PLACEHOLDER_CONTENT', en: 'PLACEHOLDER_CONTENT' },
    hint: { zh: 'PLACEHOLDER_CONTENT', en: 'PLACEHOLDER_CONTENT' },
    source: 'DESIGN §4 (wording to be written)',
  },
};
