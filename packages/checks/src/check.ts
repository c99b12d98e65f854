import { CATALOG } from './catalog/catalog.js';
import { resolveLimits } from './config/limits.js';
import { buildContext, type CheckOptions } from './context.js';
import { readPackage } from './package/read-package.js';
import { createReport, type Finding, type Report } from './report.js';
import { ALL_RULES } from './rules/all-rules.js';
import { packageInvalidFinding } from './rules/package/package-invalid.js';
import type { Rule, RuleContext, RuleNeeds } from './rules/rule.js';

export type { CheckOptions } from './context.js';

/** Checks an uploaded archive: reads it safely, then runs the rules. Never throws on a bad package. */
export async function checkPackage(zip: Buffer, options: CheckOptions = {}): Promise<Report> {
  const read = await readPackage(zip, resolveLimits(options.limits));
  if (!read.ok) {
    const stats = {
      files: 0,
      totalSize: 0,
      mainSize: 0,
      subpackages: [],
      compressedSize: zip.length,
      layout: 'alipay' as const,
    };
    const findings = [packageInvalidFinding(options.catalog ?? CATALOG, read.problem)];
    const context = buildContext(new Map(), options);
    findings.push(...(await runRules(context, options.rules ?? ALL_RULES, appNeeds(options))));
    return createReport(findings, stats);
  }
  const report = await checkFiles(read.files, options);
  report.stats.compressedSize = read.compressedSize;
  return report;
}

/** Runs the rules on files already read (a folder, or an archive read by `readPackage`). */
export async function checkFiles(
  files: ReadonlyMap<string, Buffer>,
  options: CheckOptions = {},
): Promise<Report> {
  const context = buildContext(files, options);
  const needs: RuleNeeds[] = ['package', ...appNeeds(options)];
  const findings = await runRules(context, options.rules ?? ALL_RULES, needs);
  const report = createReport(findings, { files: files.size, ...context.sizes, layout: context.layout });
  if (context.facts.usesLogin !== undefined) report.stats.usesLogin = context.facts.usesLogin;
  return report;
}

/** At submit: the app-level rules again (the app may have changed since upload) and the materials. */
export async function checkSubmission(options: CheckOptions = {}): Promise<Report> {
  const context = buildContext(new Map(), options);
  const findings = await runRules(context, options.rules ?? ALL_RULES, appNeeds(options));
  return createReport(findings, {
    files: 0,
    totalSize: 0,
    mainSize: 0,
    subpackages: [],
    layout: context.layout,
  });
}

function appNeeds(options: CheckOptions): RuleNeeds[] {
  const input = options.input ?? {};
  const needs: RuleNeeds[] = [];
  if (input.app !== undefined || input.description !== undefined) needs.push('app');
  if (input.materials !== undefined) needs.push('submission');
  return needs;
}

async function runRules(context: RuleContext, rules: readonly Rule[], needs: readonly RuleNeeds[]) {
  const selected = rules.filter((rule) => needs.includes(rule.needs) && (context.sandbox || !rule.sandbox));
  const results = await Promise.all(selected.map((rule) => rule.run(context)));
  return dedupe(results.flat());
}

/**
 * The static reading and the launch sandbox may both find one authorization call: report it once. Findings are
 * the same call when they share code, file and line.
 */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.code !== 'FIRST_SCREEN_AUTH' || f.file === undefined) return true;
    const key = `${f.file}:${f.line ?? 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
