export {
  type Category,
  type CategoryCatalog,
  DEFAULT_CATEGORIES,
  type QualificationType,
} from './app/category-catalog.js';
export { DEFAULT_WORDS, type WordLists } from './app/word-lists.js';
export { type AppJson, type AppJsonResult, readAppJson, type Subpackage } from './app-json.js';
export { APP_CODES, PACKAGE_CODES, SCRIPT_CODES } from './catalog/codes.js';
export { CATALOG, type Catalog, type CatalogEntry, FINDING_CODES, type FindingCode } from './catalog.js';
export { type CheckOptions, checkFiles, checkPackage, checkSubmission } from './check.js';
export { buildContext } from './context.js';
export { createFinding, type FindingInput, type FindingParam } from './finding.js';
export type { AppInfo, CheckInput, Materials, QualificationInfo } from './input.js';
export { detectLayout, type Layout } from './layout.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_PACKAGE_LIMITS,
  type Limits,
  type PackageLimits,
  resolveLimits,
  resolvePackageLimits,
  type SizeLimits,
} from './limits.js';
export type { DirectoryReadResult, PackageFiles, ReadResult, SkippedPath } from './package/package-files.js';
export {
  PACKAGE_PROBLEM_REASONS,
  type PackageProblem,
  type PackageProblemDetail,
  type PackageProblemReason,
} from './package/package-problem.js';
export { readDirectory } from './package/read-directory.js';
export { readPackage } from './package/read-package.js';
export { PackageError, zipDirectory } from './package/zip-directory.js';
export type { PackageSizes } from './package-size.js';
export {
  createReport,
  type Finding,
  type LocalizedText,
  type Report,
  type ReportStats,
  type Severity,
  type SubpackageSize,
} from './report.js';
export { ALL_RULES } from './rules/all-rules.js';
export { packageInvalidFinding } from './rules/package-invalid.js';
export type { Rule, RuleContext } from './rules/rule.js';
