import type { FindingCode } from './catalog.js';
import type { Layout } from './layout.js';

export type Severity = 'error' | 'warning' | 'info';

/** Every text a user reads comes in both languages; the CLI and the console pick one. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** One thing a rule noticed. `error` blocks submission (DESIGN §4). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: LocalizedText;
  hint: LocalizedText;
  /** Package-relative posix path. */
  file?: string;
  /** 1-based. */
  line?: number;
}

export interface SubpackageSize {
  root: string;
  size: number;
}

export interface ReportStats {
  files: number;
  /** Decompressed bytes of every file. */
  totalSize: number;
  /** Decompressed bytes of the main package (files under no subpackage root). */
  mainSize: number;
  subpackages: SubpackageSize[];
  /** Bytes of the archive as uploaded; absent when a folder was checked. */
  compressedSize?: number;
  layout: Layout;
  /** Whether the app logs users in (a test account is then needed at submit); known after script rules ran. */
  usesLogin?: boolean;
}

export interface Report {
  /** True when no finding is an `error`. */
  ok: boolean;
  findings: Finding[];
  stats: ReportStats;
}

export function createReport(findings: Finding[], stats: ReportStats): Report {
  return { ok: !findings.some((f) => f.severity === 'error'), findings, stats };
}
