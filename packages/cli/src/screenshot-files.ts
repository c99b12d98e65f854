import { readFile, stat } from 'node:fs/promises';
import { IMAGE_TYPES, type ImageType, imageTypeOf, MAX_MATERIAL_BYTES } from '@minirelease/core';
import { CliError, usageError } from './cli-error.js';

/** As many as the review form takes (the server's `materials.screenshots` holds at most 5). */
export const MAX_SCREENSHOTS = 5;

/** A `--screenshot` value: a local image to upload, or the sha256 of one the app already has. */
export type ScreenshotInput =
  | { kind: 'file'; path: string; bytes: Uint8Array; mediaType: ImageType }
  | { kind: 'uploaded'; sha256: string };

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads and judges every `--screenshot` before anything is sent, with the server's own rules (type told by the
 * first bytes, at most 2 MB; docs/architecture.md, "Materials"), so a bad file never leaves a half-done submit.
 * The codes are the server's, so a script handles a local and a server refusal alike.
 */
export async function readScreenshots(values: readonly string[]): Promise<ScreenshotInput[]> {
  if (values.length > MAX_SCREENSHOTS) {
    throw usageError(`at most ${MAX_SCREENSHOTS} screenshots, got ${values.length}`, { field: 'screenshot' });
  }
  return Promise.all(values.map(readScreenshot));
}

async function readScreenshot(path: string): Promise<ScreenshotInput> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    // A resubmission names the screenshots it uploaded before by their hash.
    if (SHA256.test(path)) return undefined;
    throw new CliError('PATH_NOT_FOUND', `no such screenshot file: ${path}`, 1, { path });
  });
  if (info === undefined) return { kind: 'uploaded', sha256: path };
  if (!info.isFile()) throw new CliError('PATH_NOT_FOUND', `not a file: ${path}`, 1, { path });
  if (info.size > MAX_MATERIAL_BYTES) {
    throw new CliError(
      'BODY_TOO_LARGE',
      `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; a screenshot may be at most 2 MB`,
      1,
      { path, size: info.size, limit: MAX_MATERIAL_BYTES },
    );
  }
  const bytes = await readFile(path);
  const mediaType = imageTypeOf(bytes);
  if (mediaType === undefined) {
    throw new CliError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${path} is not a PNG, JPEG or WebP image (told by its bytes, not its name)`,
      1,
      { path, allowed: [...IMAGE_TYPES] },
    );
  }
  return { kind: 'file', path, bytes, mediaType };
}

/** The file name a saved screenshot gets: its hash, with the extension of its type. */
export function screenshotFileName(sha256: string, mediaType: ImageType | undefined): string {
  const ext = mediaType === 'image/jpeg' ? 'jpg' : mediaType === 'image/webp' ? 'webp' : 'png';
  return `${sha256}.${ext}`;
}
