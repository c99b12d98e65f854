import type { Rule } from '../rule.js';
import { debugLeftover } from './debug-leftover.js';
import { firstScreenAuth } from './first-screen-auth.js';
import { insecureRequest } from './insecure-request.js';
import { jsSyntaxError } from './js-syntax-error.js';
import { loginUsage } from './login-usage.js';
import { navigateTargetMissing } from './navigate-target-missing.js';
import { npmNotBuilt } from './npm-not-built.js';
import { placeholderContent } from './placeholder-content.js';
import { privacyDeclarationMissing } from './privacy-declaration-missing.js';

/** The rules that read the package's scripts and templates, in report order. */
export const SCRIPT_RULES: readonly Rule[] = [
  jsSyntaxError,
  navigateTargetMissing,
  npmNotBuilt,
  firstScreenAuth,
  privacyDeclarationMissing,
  insecureRequest,
  debugLeftover,
  placeholderContent,
  loginUsage,
];
