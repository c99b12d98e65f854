import { buildContext, type CheckOptions } from '../context.js';
import type { Finding } from '../report.js';
import type { Rule } from '../rules/rule.js';

/** Runs one rule alone on literal files, the way `checkFiles` would, for the rule's own tests. */
export async function runRule(
  rule: Rule,
  files: Map<string, Buffer>,
  options: CheckOptions = {},
): Promise<Finding[]> {
  return rule.run(buildContext(files, options));
}
