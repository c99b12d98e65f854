import { readAppJson } from './app-json.js';
import { CATALOG, type Catalog } from './catalog.js';
import { createFinding } from './finding.js';
import { detectLayout } from './layout.js';
import { type Limits, resolveLimits } from './limits.js';
import { readPackage } from './package/read-package.js';
import { measurePackage } from './package-size.js';
import { createReport, type Report } from './report.js';
import { ALL_RULES } from './rules/all-rules.js';
import { packageInvalidFinding } from './rules/package-invalid.js';
import type { Rule, RuleContext } from './rules/rule.js';

export interface CheckOptions {
  /** Any limit left out keeps its default (`DEFAULT_LIMITS`). */
  limits?: Partial<Limits>;
  /** A platform's tuned catalog (severity, wording); `CATALOG` by default. */
  catalog?: Catalog;
  /** The rules to run; `ALL_RULES` by default. */
  rules?: readonly Rule[];
}

/** Checks an uploaded archive: reads it safely, then runs the rules. Never throws on a bad package. */
export async function checkPackage(zip: Buffer, options: CheckOptions = {}): Promise<Report> {
  const limits = resolveLimits(options.limits);
  const read = await readPackage(zip, limits);
  if (!read.ok) {
    const stats = {
      files: 0,
      totalSize: 0,
      mainSize: 0,
      subpackages: [],
      compressedSize: zip.length,
      layout: 'alipay' as const,
    };
    return createReport([packageInvalidFinding(options.catalog ?? CATALOG, read.problem)], stats);
  }
  const report = checkFiles(read.files, options);
  report.stats.compressedSize = read.compressedSize;
  return report;
}

/** Runs the rules on files already read (a folder, or an archive read by `readPackage`). */
export function checkFiles(files: ReadonlyMap<string, Buffer>, options: CheckOptions = {}): Report {
  const catalog = options.catalog ?? CATALOG;
  const appJson = readAppJson(files);
  const sizes = measurePackage(files, appJson.status === 'ok' ? appJson.app.subpackages : []);
  const layout = detectLayout(files);
  const context: RuleContext = {
    files,
    layout,
    appJson,
    sizes,
    limits: resolveLimits(options.limits),
    finding: (code, input) => createFinding(catalog, code, input),
  };
  const findings = (options.rules ?? ALL_RULES).flatMap((rule) => rule.run(context));
  return createReport(findings, { files: files.size, ...sizes, layout });
}
