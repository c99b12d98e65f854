export {
  type Category,
  type CategoryCatalog,
  DEFAULT_CATEGORIES,
  findCategory,
  findQualificationType,
  type QualificationRequirement,
  type QualificationType,
  requiredQualifications,
} from './app/category-catalog.js';
export { type AppLimits, DEFAULT_APP_LIMITS, DEFAULT_WORDS, type WordLists } from './app/word-lists.js';
export { type AppJson, type AppJsonResult, readAppJson, type Subpackage } from './app-json.js';
export {
  CATALOG,
  type Catalog,
  type CatalogEntry,
  FINDING_CODES,
  type FindingCode,
} from './catalog/catalog.js';
export { APP_CODES, PACKAGE_CODES, SCRIPT_CODES } from './catalog/codes.js';
export {
  REVIEWER_REASON_CODES,
  REVIEWER_REASONS,
  type ReviewerReasonCode,
  reviewReasons,
} from './catalog/review-reasons.js';
export { type CheckOptions, checkFiles, checkPackage, checkSubmission } from './check.js';
export {
  type CheckConfig,
  CONFIG_SEVERITIES,
  type ConfigSeverity,
  loadCheckConfig,
  parseCheckConfig,
  withoutCodes,
} from './config/check-config.js';
export { CheckConfigError } from './config/check-config-error.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_PACKAGE_LIMITS,
  type Limits,
  type PackageLimits,
  resolveLimits,
  resolvePackageLimits,
  type SizeLimits,
} from './config/limits.js';
export { buildContext } from './context.js';
export { createFinding, type FindingInput, type FindingParam } from './finding.js';
export type { AppInfo, CheckInput, Materials, QualificationInfo } from './input.js';
export { detectLayout, type Layout } from './layout.js';
export type { DirectoryReadResult, PackageFiles, ReadResult, SkippedPath } from './package/package-files.js';
export {
  PACKAGE_PROBLEM_REASONS,
  type PackageProblem,
  type PackageProblemDetail,
  type PackageProblemReason,
} from './package/package-problem.js';
export { readDirectory } from './package/read-directory.js';
export { readPackage } from './package/read-package.js';
export {
  type ExcludedPath,
  type ProjectFiles,
  type UploadExcludes,
  uploadExcludes,
} from './package/upload-excludes.js';
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
export { APP_RULES } from './rules/app/app-rules.js';
export { createLaunchSandboxRule, launchSandboxRule } from './rules/launch/launch-sandbox.js';
export { packageInvalidFinding } from './rules/package/package-invalid.js';
export type { Rule, RuleContext } from './rules/rule.js';
export { SCRIPT_RULES } from './rules/script/script-rules.js';
export type {
  LaunchCall,
  LaunchError,
  LaunchPhase,
  LaunchResult,
  LaunchStatus,
} from './sandbox/launch-types.js';
export { DEFAULT_LAUNCH_OPTIONS, type LaunchOptions, runLaunch } from './sandbox/run-launch.js';
export {
  AUTH_APIS,
  LOGIN_APIS,
  NAVIGATE_APIS,
  REQUEST_APIS,
} from './script/api-lists.js';
export { isMinified, isVendored } from './script/own-code.js';
export { entryPage } from './script/pages.js';
export {
  createScriptIndex,
  type ParsedScript,
  type ScannedTemplate,
  type ScriptIndex,
} from './script/script-index.js';
