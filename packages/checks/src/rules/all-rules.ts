import { APP_RULES } from './app/app-rules.js';
import { launchSandboxRule } from './launch/launch-sandbox.js';
import { appJsonInvalid } from './package/app-json-invalid.js';
import { appJsonMissing } from './package/app-json-missing.js';
import { packageTooLarge } from './package/package-too-large.js';
import { pageMissing } from './package/page-missing.js';
import type { Rule } from './rule.js';
import { SCRIPT_RULES } from './script/script-rules.js';

/** The rules `checkFiles` runs, in report order. A new rule is one file and one line here. */
export const ALL_RULES: readonly Rule[] = [
  packageTooLarge,
  appJsonMissing,
  appJsonInvalid,
  pageMissing,
  ...SCRIPT_RULES,
  ...APP_RULES,
  launchSandboxRule,
];
