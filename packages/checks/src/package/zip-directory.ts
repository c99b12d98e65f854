import { type Zippable, zipSync } from 'fflate';
import type { PackageLimits } from '../config/limits.js';
import type { PackageProblem } from './package-problem.js';
import { readDirectory } from './read-directory.js';

/** Thrown by `zipDirectory` when the folder cannot be packaged; carries the same problem `readDirectory` gives. */
export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(problem.message.en);
    this.name = 'PackageError';
  }
}

// fflate writes DOS times from local-time getters, so the date is built from local fields: every machine and
// time zone then writes the same bytes. 2000-01-01 sits well inside the DOS range (1980–2107).
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/**
 * Zips a project folder for upload: the files `readDirectory` reads (links left out), sorted by path, with a
 * fixed time stamp, so the same folder always gives the same bytes (and the same sha256).
 */
export async function zipDirectory(dir: string, limits: Partial<PackageLimits> = {}): Promise<Buffer> {
  const read = await readDirectory(dir, limits);
  if (!read.ok) throw new PackageError(read.problem);
  const tree: Zippable = {};
  for (const path of [...read.files.keys()].sort()) {
    tree[path] = [read.files.get(path)!, { mtime: FIXED_MTIME }];
  }
  return Buffer.from(zipSync(tree, { level: 6, mtime: FIXED_MTIME }));
}
