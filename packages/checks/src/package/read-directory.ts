import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type PackageLimits, resolvePackageLimits } from '../config/limits.js';
import { normalizeEntryPath, printableName } from './entry-name.js';
import { type DirectoryReadResult, type SkippedPath, stripProjectFolder } from './package-files.js';
import { type PackageProblemDetail, packageProblem } from './package-problem.js';
import { type ExcludedPath, type UploadExcludes, uploadExcludes } from './upload-excludes.js';

class Refusal {
  constructor(readonly detail: PackageProblemDetail) {}
}

/**
 * Reads a project folder into the same map `readPackage` gives, under the same limits, so the offline check
 * judges exactly what `zipDirectory` would upload. Links are never followed: they are left out and listed in
 * `skipped` (node_modules/.bin is full of them). What the upload excludes (docs/upload.md) is never read nor
 * counted against the limits, and is listed in `excluded`. Never throws.
 */
export async function readDirectory(
  dir: string,
  limits: Partial<PackageLimits> = {},
): Promise<DirectoryReadResult> {
  // readText never throws: a missing folder is refused below, by stat.
  const excludes = uploadExcludes({
    projectConfig: await readText(join(dir, 'project.config.json')),
    miniProject: await readText(join(dir, 'mini.project.json')),
  });
  const walker = new Walker(resolvePackageLimits(limits), excludes);
  try {
    if (!(await stat(dir)).isDirectory())
      throw new Refusal({ reason: 'UNREADABLE', entry: dir, cause: 'not a folder' });
    await walker.walk(dir, '');
  } catch (err) {
    const detail =
      err instanceof Refusal ? err.detail : { reason: 'UNREADABLE' as const, entry: dir, cause: String(err) };
    return { ok: false, problem: packageProblem(detail) };
  }
  const files = stripProjectFolder(walker.files);
  return { ok: true, files, totalSize: walker.totalSize, skipped: walker.skipped, excluded: walker.excluded };
}

/** A project file's text, or undefined when there is none; a project file that is a folder counts as none. */
async function readText(path: string): Promise<string | undefined> {
  try {
    const info = await lstat(path);
    // Bounded: a project file is a few KB; a huge one is not a project file and is judged as any other file.
    return info.isFile() && info.size <= 1024 * 1024 ? await readFile(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

class Walker {
  readonly files = new Map<string, Buffer>();
  readonly skipped: SkippedPath[] = [];
  readonly excluded: ExcludedPath[] = [];
  totalSize = 0;
  private entries = 0;

  constructor(
    private readonly lim: PackageLimits,
    private readonly excludes: UploadExcludes,
  ) {}

  async walk(absolute: string, relative: string): Promise<void> {
    const dirents = await readdir(absolute, { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of dirents) {
      const path = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
      // Before counting: `.git` or `node_modules` alone can pass the entry limit.
      const folder = dirent.isDirectory();
      const rule = this.excludes.match(path, folder);
      if (rule !== undefined) {
        this.excluded.push({ path: folder ? `${path}/` : path, rule });
        continue;
      }
      this.entries += 1;
      if (this.entries > this.lim.maxEntries)
        throw new Refusal({ reason: 'TOO_MANY_ENTRIES', limit: this.lim.maxEntries });
      await this.visit(dirent, join(absolute, dirent.name), path);
    }
  }

  private async visit(dirent: Dirent, absolute: string, path: string): Promise<void> {
    // A name a zip could not carry the same way (a backslash, a control character) is refused here too.
    const normalized = normalizeEntryPath(path);
    if (!normalized.ok || normalized.path !== path) {
      throw new Refusal({
        reason: normalized.ok ? 'BAD_NAME' : normalized.reason,
        entry: printableName(path),
      });
    }
    if (dirent.isSymbolicLink()) this.skipped.push({ path, reason: 'symlink' });
    else if (dirent.isDirectory()) await this.walk(absolute, path);
    else if (dirent.isFile()) await this.readOne(absolute, path);
    else this.skipped.push({ path, reason: 'not-a-file' });
  }

  private async readOne(absolute: string, path: string): Promise<void> {
    // lstat before reading refuses a huge file without loading it; the length is checked again after, as the
    // file may have grown in between.
    const declared = (await lstat(absolute)).size;
    this.guard(declared, path);
    const data = await readFile(absolute);
    this.guard(data.length, path);
    this.files.set(path, data);
    this.totalSize += data.length;
  }

  private guard(bytes: number, path: string): void {
    if (bytes > this.lim.maxEntryBytes) {
      throw new Refusal({
        reason: 'ENTRY_TOO_LARGE',
        entry: printableName(path),
        limit: this.lim.maxEntryBytes,
      });
    }
    if (this.totalSize + bytes > this.lim.maxTotalBytes) {
      throw new Refusal({ reason: 'TOTAL_TOO_LARGE', limit: this.lim.maxTotalBytes });
    }
  }
}
