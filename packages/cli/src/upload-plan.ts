import { readFile, stat } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** What `upload --dry-run` shows: each file that would be sent, its size, and what was left out. */
export interface UploadPlan {
  files: { path: string; size: number }[];
  totalSize: number;
  excluded: { path: string; rule: string }[];
}

/**
 * Reads a folder or zip as the upload would, and sends nothing: a folder through the same reader that zips
 * it (so the list is what goes), a zip through the reader the server uses (docs/upload.md).
 */
export async function planUpload(path: string): Promise<UploadPlan> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new CliError('PATH_NOT_FOUND', `no such file or folder: ${path}`);
    throw err;
  });
  const checks = await import('@minirelease/checks');
  const read = info.isDirectory()
    ? await checks.readDirectory(path)
    : await checks.readPackage(await readFile(path));
  if (!read.ok) throw new CliError('PACKAGE_INVALID', `${path}: ${read.problem.message.en}`);
  const files = [...read.files]
    .map(([file, data]) => ({ path: file, size: data.length }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, totalSize: read.totalSize, excluded: 'excluded' in read ? read.excluded : [] };
}
