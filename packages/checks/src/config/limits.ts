/** Limits applied while reading an archive or a folder: what keeps a hostile upload from exhausting the server. */
export interface PackageLimits {
  /** Entries in the archive, directories included (checked against the central directory before reading). */
  maxEntries: number;
  /** Decompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Decompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Decompressed ÷ compressed bytes above which an entry is taken for a zip bomb … */
  maxCompressionRatio: number;
  /** … once it has inflated past this many bytes (small files of spaces legitimately compress very well). */
  compressionRatioMinBytes: number;
}

/** Size limits of the mini-program itself (Alipay's and WeChat's published limits by default). */
export interface SizeLimits {
  /** The main package: every file not under a subpackage root. */
  mainPackageBytes: number;
  /** All packages together, main and subpackages. */
  totalPackageBytes: number;
  /** The uploaded archive as sent: the server answers 413 above this before reading anything. */
  totalUploadBytes: number;
}

export type Limits = PackageLimits & SizeLimits;

const MiB = 1024 * 1024;

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = Object.freeze({
  maxEntries: 5000,
  maxEntryBytes: 16 * MiB,
  maxTotalBytes: 64 * MiB,
  // Source code and JSON compress 3–20×; deflate's ceiling is ≈1032×. 100× on a megabyte only catches bombs.
  maxCompressionRatio: 100,
  compressionRatioMinBytes: 1 * MiB,
});

export const DEFAULT_LIMITS: Limits = Object.freeze({
  ...DEFAULT_PACKAGE_LIMITS,
  mainPackageBytes: 2 * MiB,
  totalPackageBytes: 8 * MiB,
  totalUploadBytes: 8 * MiB,
});

/** Fills the unset fields of a partial limits object from the defaults (an explicit `undefined` is unset). */
export function resolveLimits(limits?: { [K in keyof Limits]?: Limits[K] | undefined }): Limits {
  return { ...DEFAULT_LIMITS, ...dropUndefined(limits ?? {}) };
}

/** The same for the reading limits alone: an `undefined` must never switch a limit off. */
export function resolvePackageLimits(
  limits?: { [K in keyof PackageLimits]?: PackageLimits[K] | undefined },
): PackageLimits {
  return { ...DEFAULT_PACKAGE_LIMITS, ...dropUndefined(limits ?? {}) };
}

function dropUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
