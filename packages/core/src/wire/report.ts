/**
 * The pre-review report (DESIGN §4): what the checker produces, the server stores and every client reads.
 * `Code` is left open on the wire (a platform may add rules); the checker narrows it to its catalog's codes.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The two mini-program dialects: Alipay (`.axml`, `.acss`, `my.`) and WeChat (`.wxml`, `.wxss`, `wx.`). */
export type Layout = 'alipay' | 'wechat';

/** Every text a user reads comes in both languages; the CLI and the console pick one. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** One thing a rule noticed. `error` blocks submission. */
export interface Finding<Code extends string = string> {
  code: Code;
  severity: Severity;
  message: LocalizedText;
  hint: LocalizedText;
  /** Package-relative posix path. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based; given with `snippet` where a line alone does not find the spot (one-line compiled code). */
  column?: number;
  /** A short excerpt of the code around the spot. */
  snippet?: string;
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

export interface Report<Code extends string = string> {
  /** No `error` finding. */
  ok: boolean;
  findings: Finding<Code>[];
  stats: ReportStats;
}
