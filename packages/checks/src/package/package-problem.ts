import { formatBytes } from '../format-bytes.js';
import type { LocalizedText } from '../report.js';

/** Why a package was refused; `detail.reason` lets callers and tests tell the cases apart. */
export const PACKAGE_PROBLEM_REASONS = [
  'NOT_A_ZIP',
  'CORRUPT_ENTRY',
  'TOO_MANY_ENTRIES',
  'ENTRY_TOO_LARGE',
  'TOTAL_TOO_LARGE',
  'COMPRESSION_RATIO',
  'UNSAFE_PATH',
  'BAD_NAME',
  'DUPLICATE_ENTRY',
  'PATH_TOO_LONG',
  'SYMLINK',
  'ENCRYPTED',
  'UNSUPPORTED_COMPRESSION',
  'UNREADABLE',
] as const;

export type PackageProblemReason = (typeof PACKAGE_PROBLEM_REASONS)[number];

export interface PackageProblemDetail {
  reason: PackageProblemReason;
  /** The entry's name as found (decoded, not normalized), when one entry is to blame. */
  entry?: string | undefined;
  /** The limit that was passed, in entries or bytes. */
  limit?: number | undefined;
  /** The underlying error, for logs. */
  cause?: string | undefined;
}

export interface PackageProblem {
  code: 'PACKAGE_INVALID';
  message: LocalizedText;
  detail: PackageProblemDetail;
}

type Texts = (d: PackageProblemDetail) => LocalizedText;

const TEXTS: Record<PackageProblemReason, Texts> = {
  NOT_A_ZIP: () => ({ zh: '不是有效的 zip 文件', en: 'not a valid zip file' }),
  CORRUPT_ENTRY: (d) => ({ zh: `条目 ${d.entry} 已损坏`, en: `entry ${d.entry} is corrupt` }),
  TOO_MANY_ENTRIES: (d) => ({
    zh: `条目数超过上限 ${d.limit}`,
    en: `more than ${d.limit} entries`,
  }),
  ENTRY_TOO_LARGE: (d) => ({
    zh: `条目 ${d.entry} 解压后超过 ${formatBytes(d.limit ?? 0)}`,
    en: `entry ${d.entry} inflates to more than ${formatBytes(d.limit ?? 0)}`,
  }),
  TOTAL_TOO_LARGE: (d) => ({
    zh: `解压后总大小超过 ${formatBytes(d.limit ?? 0)}`,
    en: `the files inflate to more than ${formatBytes(d.limit ?? 0)} in all`,
  }),
  COMPRESSION_RATIO: (d) => ({
    zh: `条目 ${d.entry} 的压缩比超过 ${d.limit}:1，疑似压缩炸弹`,
    en: `entry ${d.entry} has a compression ratio over ${d.limit}:1 (zip bomb)`,
  }),
  UNSAFE_PATH: (d) => ({
    zh: `条目 ${d.entry} 的路径是绝对路径或含有 ..`,
    en: `entry ${d.entry} has an absolute path or a .. segment`,
  }),
  BAD_NAME: (d) => ({
    zh: `条目名称无效：${d.entry ?? ''}`,
    en: `invalid entry name: ${d.entry ?? ''}`,
  }),
  DUPLICATE_ENTRY: (d) => ({
    zh: `条目 ${d.entry} 重复（不区分大小写与 Unicode 规范化形式时）`,
    en: `entry ${d.entry} appears twice (ignoring case and Unicode normalization)`,
  }),
  PATH_TOO_LONG: (d) => ({
    zh: `条目 ${d.entry} 的路径过长或层级过深（名称 ≤ 255 字节，路径 ≤ 1024 字节，≤ 64 层）`,
    en: `entry ${d.entry} has a path too long or too deep (names ≤ 255 bytes, paths ≤ 1,024 bytes, ≤ 64 levels)`,
  }),
  SYMLINK: (d) => ({ zh: `条目 ${d.entry} 是符号链接`, en: `entry ${d.entry} is a symbolic link` }),
  ENCRYPTED: (d) => ({ zh: `条目 ${d.entry} 已加密`, en: `entry ${d.entry} is encrypted` }),
  UNSUPPORTED_COMPRESSION: (d) => ({
    zh: `条目 ${d.entry} 使用了不支持的压缩方式（仅支持 store 与 deflate）`,
    en: `entry ${d.entry} uses an unsupported compression method (only store and deflate)`,
  }),
  UNREADABLE: (d) => ({
    zh: `无法读取 ${d.entry ?? '目录'}`,
    en: `cannot read ${d.entry ?? 'the folder'}`,
  }),
};

export function packageProblem(detail: PackageProblemDetail): PackageProblem {
  return { code: 'PACKAGE_INVALID', message: TEXTS[detail.reason](detail), detail };
}
