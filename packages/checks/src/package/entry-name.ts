import { crc32 } from 'node:zlib';

/** The raw name fields of a zip entry, as in the central directory. */
export interface RawEntryName {
  generalPurposeBitFlag: number;
  fileNameRaw: Buffer;
  extraFields: ReadonlyArray<{ id: number; data: Buffer }>;
}

const UTF8_FLAG = 0x800;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// CP437, the zip spec's default code page, for the bytes 0x80–0xFF.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/**
 * Decodes an entry name, or returns undefined when it claims UTF-8 and is not. Without the UTF-8 flag the spec
 * says CP437, but most tools (macOS, Info-ZIP, many Windows zippers) write UTF-8 without setting it, so valid
 * UTF-8 is taken as UTF-8 and only other bytes fall back to CP437: a name may come out odd, never a crash.
 */
export function decodeEntryName(entry: RawEntryName): string | undefined {
  const raw = entry.fileNameRaw;
  if (entry.generalPurposeBitFlag & UTF8_FLAG) return tryUtf8(raw);
  const unicodePath = infoZipUnicodePath(entry);
  if (unicodePath !== undefined) return unicodePath;
  return tryUtf8(raw) ?? decodeCp437(raw);
}

function infoZipUnicodePath(entry: RawEntryName): string | undefined {
  // Version 1, then the CRC-32 of the header name it stands for: a stale field (name edited later) is ignored.
  const field = entry.extraFields.find((f) => f.id === INFO_ZIP_UNICODE_PATH);
  if (!field || field.data.length < 6 || field.data[0] !== 1) return undefined;
  if (field.data.readUInt32LE(1) !== crc32(entry.fileNameRaw)) return undefined;
  return tryUtf8(field.data.subarray(5));
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeCp437(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export type NormalizedPath =
  | { ok: true; path: string; directory: boolean }
  | { ok: false; reason: 'UNSAFE_PATH' | 'BAD_NAME' | 'PATH_TOO_LONG' };

/**
 * What every file system a host unpacks onto can hold: a name of 255 bytes (ext4, APFS, NTFS), a path of
 * 1,024 bytes (macOS's PATH_MAX, below Linux's 4,096) and 64 levels, far beyond any real package.
 */
export const MAX_NAME_SEGMENT_BYTES = 255;
export const MAX_PATH_BYTES = 1024;
export const MAX_PATH_DEPTH = 64;

/**
 * Turns an entry name into a package-relative posix path, or refuses it. Backslashes count as separators
 * (Windows tools write them, and a host app on Windows would read them so); absolute paths, drive letters,
 * UNC paths and `..` segments could write outside the folder the host app unpacks into.
 */
export function normalizeEntryPath(name: string): NormalizedPath {
  // Control characters (NUL above all) are cut or rejected differently by each file system.
  if (name === '' || CONTROL_CHARACTER.test(name)) return { ok: false, reason: 'BAD_NAME' };
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/')) return { ok: false, reason: 'UNSAFE_PATH' };
  const directory = slashed.endsWith('/');
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  // Windows drops trailing dots and spaces, so `.. ` or `...` may act as `..` there; and a colon anywhere
  // (`C:`, even after `./`, or `file:stream`) is a drive or an NTFS stream, never part of an app's path.
  if (segments.some((s) => /^[. ]+$/.test(s) || s.includes(':'))) return { ok: false, reason: 'UNSAFE_PATH' };
  if (segments.length === 0)
    return directory ? { ok: true, path: '', directory } : { ok: false, reason: 'BAD_NAME' };
  const path = segments.join('/');
  if (
    segments.length > MAX_PATH_DEPTH ||
    Buffer.byteLength(path) > MAX_PATH_BYTES ||
    segments.some((s) => Buffer.byteLength(s) > MAX_NAME_SEGMENT_BYTES)
  ) {
    return { ok: false, reason: 'PATH_TOO_LONG' };
  }
  return { ok: true, path, directory };
}

/** An entry name fit for a message: control characters escaped, length capped. */
export function printableName(name: string): string {
  const escaped = name.replace(
    CONTROL_CHARACTERS,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}
