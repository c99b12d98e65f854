import { findFileFolderConflict } from './package-files.js';

/**
 * A path as a case-insensitive, normalization-insensitive file system sees it: NFC (APFS and HFS+ treat NFC and
 * NFD as one name) and case-folded (macOS, iOS and Windows hosts). Upper- then lower-casing folds `ß` with `SS`
 * and `ſ` with `s` as full case folding does, where a lone `toLowerCase` would not.
 */
export function foldPath(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * The first path that another one equals once folded (`pages/index/index.js` and `pages/index/INDEX.js`), or
 * that is a file where another's folded path has a folder: on a host that folds, one of them is silently
 * replaced by the other, and the unchecked one may be what runs.
 */
export function findFoldedDuplicate(paths: Iterable<string>): string | undefined {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const folded = foldPath(path);
    if (seen.has(folded)) return path;
    seen.set(folded, path);
  }
  const conflict = findFileFolderConflict(seen.keys());
  return conflict === undefined ? undefined : seen.get(conflict);
}
