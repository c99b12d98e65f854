import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { type PackageLimits, resolvePackageLimits } from '../config/limits.js';
import { decodeEntryName, normalizeEntryPath, printableName, type RawEntryName } from './entry-name.js';
import { findFoldedDuplicate } from './folded-duplicate.js';
import {
  findFileFolderConflict,
  isArchiveMetadata,
  type PackageFiles,
  type ReadResult,
  stripProjectFolder,
} from './package-files.js';
import { type PackageProblemDetail, packageProblem } from './package-problem.js';

/** The fields of a yauzl 3 entry read with `decodeStrings: false` (@types/yauzl describes version 2). */
type ZipEntry = yauzl.Entry & RawEntryName;

type Outcome<T> = { ok: true; value: T } | { ok: false; detail: PackageProblemDetail };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;

/**
 * Reads a mini-program package from a zip archive, refusing anything unsafe or oversized. Never throws and
 * never trusts a header: sizes are counted while inflating and CRCs are checked.
 */
export function readPackage(zip: Buffer, limits: Partial<PackageLimits> = {}): Promise<ReadResult> {
  const lim = resolvePackageLimits(limits);
  return new Promise((resolve) => {
    try {
      // decodeStrings: false, so names are judged by our rules and non-UTF-8 bytes reach us intact.
      const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
      yauzl.fromBuffer(zip, options, (err, zipfile) => {
        if (err || !zipfile) resolve(refuse({ reason: 'NOT_A_ZIP', cause: err?.message }));
        else readEntries(zipfile, zip.length, lim).then(resolve);
      });
    } catch (err) {
      resolve(refuse({ reason: 'NOT_A_ZIP', cause: String(err) }));
    }
  });
}

function readEntries(zipfile: yauzl.ZipFile, archiveBytes: number, lim: PackageLimits): Promise<ReadResult> {
  return new Promise((resolve) => {
    const files: PackageFiles = new Map();
    let totalSize = 0;
    let settled = false;
    const finish = (result: ReadResult) => {
      if (settled) return;
      settled = true;
      zipfile.close();
      resolve(result);
    };
    // Stays attached after settling: a late error must not become an unhandled 'error' event.
    zipfile.on('error', (err: Error) => finish(refuse({ reason: 'NOT_A_ZIP', cause: err.message })));
    zipfile.on('end', () => {
      const conflict = findFileFolderConflict(files.keys()) ?? findFoldedDuplicate(files.keys());
      if (conflict !== undefined) {
        return finish(refuse({ reason: 'DUPLICATE_ENTRY', entry: printableName(conflict) }));
      }
      const stripped = stripProjectFolder(files);
      finish({ ok: true, files: stripped, totalSize, compressedSize: archiveBytes });
    });
    zipfile.on('entry', (entry: ZipEntry) => {
      const budget = { entryBytes: lim.maxEntryBytes, totalLeft: lim.maxTotalBytes - totalSize };
      readOne(zipfile, entry, files, archiveBytes, lim, budget).then(
        (outcome) => {
          if (settled) return;
          if (!outcome.ok) return finish(refuse(outcome.detail));
          if (outcome.value) {
            files.set(outcome.value.path, outcome.value.data);
            totalSize += outcome.value.data.length;
          }
          zipfile.readEntry();
        },
        (err: unknown) => finish(refuse({ reason: 'NOT_A_ZIP', cause: String(err) })),
      );
    });
    // The central directory states the count up front: refuse before reading thousands of headers.
    if (zipfile.entryCount > lim.maxEntries) {
      return finish(refuse({ reason: 'TOO_MANY_ENTRIES', limit: lim.maxEntries }));
    }
    zipfile.readEntry();
  });
}

interface Budget {
  entryBytes: number;
  totalLeft: number;
}

/** Judges one entry and inflates it; `value` is undefined for entries that are not files of the app. */
async function readOne(
  zipfile: yauzl.ZipFile,
  entry: ZipEntry,
  files: PackageFiles,
  archiveBytes: number,
  lim: PackageLimits,
  budget: Budget,
): Promise<Outcome<{ path: string; data: Buffer } | undefined>> {
  const name = decodeEntryName(entry);
  if (name === undefined) return no('BAD_NAME', printableName(entry.fileNameRaw.toString('latin1')));
  const shown = printableName(name);
  const normalized = normalizeEntryPath(name);
  if (!normalized.ok) return no(normalized.reason, shown);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return no('SYMLINK', shown);
  const dosDirectory = (entry.externalFileAttributes & DOS_DIRECTORY) !== 0 && entry.uncompressedSize === 0;
  if (normalized.directory || dosDirectory || isArchiveMetadata(normalized.path)) return yes(undefined);
  if (entry.isEncrypted()) return no('ENCRYPTED', shown);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    return no('UNSUPPORTED_COMPRESSION', shown);
  if (files.has(normalized.path)) return no('DUPLICATE_ENTRY', shown);

  // Headers first, to refuse honest bombs without inflating them; then the same limits on the real bytes.
  const compressed = Math.max(1, Math.min(entry.compressedSize, archiveBytes));
  const guard = (bytes: number): PackageProblemDetail | undefined => {
    if (bytes > budget.entryBytes)
      return { reason: 'ENTRY_TOO_LARGE', entry: shown, limit: lim.maxEntryBytes };
    if (bytes > budget.totalLeft) return { reason: 'TOTAL_TOO_LARGE', limit: lim.maxTotalBytes };
    if (bytes > lim.compressionRatioMinBytes && bytes > compressed * lim.maxCompressionRatio) {
      return { reason: 'COMPRESSION_RATIO', entry: shown, limit: lim.maxCompressionRatio };
    }
    return undefined;
  };
  const declared = guard(entry.uncompressedSize);
  if (declared) return { ok: false, detail: declared };

  const data = await inflate(zipfile, entry, guard);
  if (!data.ok) return { ok: false, detail: { entry: shown, ...data.detail } };
  if (crc32(data.value) !== entry.crc32) return no('CORRUPT_ENTRY', shown, 'CRC-32 mismatch');
  return yes({ path: normalized.path, data: data.value });
}

/** Inflates an entry, counting the bytes as they come and stopping at the first one over a limit. */
function inflate(
  zipfile: yauzl.ZipFile,
  entry: ZipEntry,
  guard: (bytes: number) => PackageProblemDetail | undefined,
): Promise<Outcome<Buffer>> {
  return new Promise((resolve) => {
    zipfile.openReadStream(entry, (err, stream) => {
      if (err || !stream)
        return resolve({ ok: false, detail: { reason: 'CORRUPT_ENTRY', cause: err?.message } });
      const chunks: Buffer[] = [];
      let bytes = 0;
      let done = false;
      const stop = (outcome: Outcome<Buffer>) => {
        if (done) return;
        done = true;
        stream.removeAllListeners('data');
        (stream as Readable).destroy();
        resolve(outcome);
      };
      stream.on('error', (e: Error) =>
        stop({ ok: false, detail: { reason: 'CORRUPT_ENTRY', cause: e.message } }),
      );
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        const problem = guard(bytes);
        if (problem) stop({ ok: false, detail: problem });
        else chunks.push(chunk);
      });
      stream.on('end', () => {
        if (done) return;
        done = true;
        resolve({ ok: true, value: Buffer.concat(chunks, bytes) });
      });
    });
  });
}

function refuse(detail: PackageProblemDetail): ReadResult {
  return { ok: false, problem: packageProblem(detail) };
}

function no<T>(reason: PackageProblemDetail['reason'], entry: string, cause?: string): Outcome<T> {
  return { ok: false, detail: cause === undefined ? { reason, entry } : { reason, entry, cause } };
}

function yes<T>(value: T): Outcome<T> {
  return { ok: true, value };
}
