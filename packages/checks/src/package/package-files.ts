import type { PackageProblem } from './package-problem.js';
import type { ExcludedPath } from './upload-excludes.js';

/** The files of a package: normalized posix path → content. Directories are implied, never listed. */
export type PackageFiles = Map<string, Buffer>;

/** What reading an archive gives: the files, or why it was refused. Never thrown. */
export type ReadResult =
  | { ok: true; files: PackageFiles; totalSize: number; compressedSize: number }
  | { ok: false; problem: PackageProblem };

/** A path of a folder left out of the package, and why (links are never followed). */
export interface SkippedPath {
  path: string;
  reason: 'symlink' | 'not-a-file';
}

export type DirectoryReadResult =
  | { ok: true; files: PackageFiles; totalSize: number; skipped: SkippedPath[]; excluded: ExcludedPath[] }
  | { ok: false; problem: PackageProblem };

/** macOS Finder adds AppleDouble copies under `__MACOSX/`: metadata of the zip, not part of the app. */
export function isArchiveMetadata(path: string): boolean {
  return path === '__MACOSX' || path.startsWith('__MACOSX/');
}

/**
 * Zipping the project folder itself (rather than its contents) puts every file under one top folder. When that
 * folder holds `app.json` it is the project root, so it is stripped; any other single folder is left alone.
 */
export function stripProjectFolder(files: PackageFiles): PackageFiles {
  let top: string | undefined;
  for (const path of files.keys()) {
    const slash = path.indexOf('/');
    if (slash < 0) return files;
    const first = path.slice(0, slash);
    if (top === undefined) top = first;
    else if (top !== first) return files;
  }
  if (top === undefined || !files.has(`${top}/app.json`)) return files;
  const prefix = top.length + 1;
  return new Map([...files].map(([path, data]) => [path.slice(prefix), data]));
}

/** A path that is both a file and a folder (`a` and `a/b`) cannot be unpacked; returns the file's path. */
export function findFileFolderConflict(paths: Iterable<string>): string | undefined {
  const all = new Set(paths);
  for (const path of all) {
    let slash = path.indexOf('/');
    while (slash >= 0) {
      const folder = path.slice(0, slash);
      if (all.has(folder)) return folder;
      slash = path.indexOf('/', slash + 1);
    }
  }
  return undefined;
}
