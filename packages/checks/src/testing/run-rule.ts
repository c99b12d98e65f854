import { readAppJson } from '../app-json.js';
import { CATALOG } from '../catalog.js';
import { createFinding } from '../finding.js';
import { detectLayout } from '../layout.js';
import { type Limits, resolveLimits } from '../limits.js';
import { measurePackage } from '../package-size.js';
import type { Finding } from '../report.js';
import type { Rule } from '../rules/rule.js';

/** Runs one rule alone on literal files, the way `checkFiles` would, for the rule's own tests. */
export function runRule(rule: Rule, files: Map<string, Buffer>, limits: Partial<Limits> = {}): Finding[] {
  const appJson = readAppJson(files);
  return rule.run({
    files,
    layout: detectLayout(files),
    appJson,
    sizes: measurePackage(files, appJson.status === 'ok' ? appJson.app.subpackages : []),
    limits: resolveLimits(limits),
    finding: (code, input) => createFinding(CATALOG, code, input),
  });
}
