import type { CheckOptions } from '../context.js';
import type { AppInfo, CheckInput } from '../input.js';
import type { Finding } from '../report.js';
import type { Rule } from '../rules/rule.js';
import { runRule } from './run-rule.js';

/** The examples' app (青禾读书, category 图书): passes every app-level rule. */
export const QINGHE_BOOKS: AppInfo = {
  name: '青禾读书',
  brand: '青禾',
  category: '图书',
  qualifications: [],
};

/** Runs one app-level rule on the example app with some fields changed, for the rules' tests. */
export function runAppRule(
  rule: Rule,
  app: Partial<AppInfo>,
  input: Omit<CheckInput, 'app'> = {},
  options: Omit<CheckOptions, 'input'> = {},
): Promise<Finding[]> {
  return runRule(rule, new Map(), {
    ...options,
    input: { today: '2025-06-01', ...input, app: { ...QINGHE_BOOKS, ...app } },
  });
}
