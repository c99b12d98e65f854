import type { Subpackage } from './app-json.js';
import type { SubpackageSize } from './report.js';

export interface PackageSizes {
  totalSize: number;
  mainSize: number;
  subpackages: SubpackageSize[];
}

/**
 * Splits the package's bytes into the main package and each subpackage. Counted decompressed, as the
 * platforms' developer tools count the project's files; a file under no subpackage root is main package.
 */
export function measurePackage(
  files: ReadonlyMap<string, Buffer>,
  subpackages: readonly Subpackage[],
): PackageSizes {
  const sizes = subpackages.map((s) => ({ root: s.root, size: 0 }));
  let totalSize = 0;
  let mainSize = 0;
  for (const [path, data] of files) {
    totalSize += data.length;
    const sub = sizes.find((s) => path.startsWith(`${s.root}/`));
    if (sub) sub.size += data.length;
    else mainSize += data.length;
  }
  return { totalSize, mainSize, subpackages: sizes };
}
