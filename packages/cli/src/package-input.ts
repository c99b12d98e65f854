import { readFile, stat } from 'node:fs/promises';
import { CliError } from './cli-error.js';

export type ZipDirectory = (dir: string) => Promise<Uint8Array>;

/**
 * The zip to upload: a folder is zipped the way `check` reads it, a file is sent as it is (the server reads and
 * judges it). `@minirelease/checks` is loaded only here, so other commands do not pay for it at start.
 */
export async function readPackageInput(
  path: string,
  zipDirectory: ZipDirectory = zipWithChecks,
): Promise<Uint8Array> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new CliError('PATH_NOT_FOUND', `no such file or folder: ${path}`);
    throw err;
  });
  return info.isDirectory() ? zipDirectory(path) : readFile(path);
}

async function zipWithChecks(dir: string): Promise<Uint8Array> {
  const { zipDirectory, PackageError } = await import('@minirelease/checks');
  try {
    return await zipDirectory(dir);
  } catch (err) {
    // Same code the server gives an unreadable package, so scripts handle both alike.
    if (err instanceof PackageError) throw new CliError('PACKAGE_INVALID', `${dir}: ${err.message}`);
    throw err;
  }
}
