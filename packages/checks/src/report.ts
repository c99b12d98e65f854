import type { ReportStats, Finding as WireFinding, Report as WireReport } from '@minirelease/core/wire';
import type { FindingCode } from './catalog/catalog.js';

export type { LocalizedText, ReportStats, Severity, SubpackageSize } from '@minirelease/core/wire';

/** A finding of this checker: the wire's finding with the code narrowed to the catalog's. */
export type Finding = WireFinding<FindingCode>;
export type Report = WireReport<FindingCode>;

export function createReport(findings: Finding[], stats: ReportStats): Report {
  return { ok: !findings.some((f) => f.severity === 'error'), findings, stats };
}
