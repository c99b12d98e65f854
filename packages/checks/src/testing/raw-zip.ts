import { crc32, deflateRawSync } from 'node:zlib';

/**
 * One entry of a hand-built archive. Every field a hostile or broken zip could set is open, which no zip
 * library lets you do: raw name bytes, flags, Unix mode, sizes that lie. For tests only.
 */
export interface RawZipEntry {
  name: string | Buffer;
  data?: Buffer | string | undefined;
  /** 0 store, 8 deflate (default), anything else written as is. */
  method?: number | undefined;
  /** General purpose bit flag; defaults to the UTF-8 bit (0x800) for a string name with non-ASCII text. */
  flags?: number | undefined;
  /** External file attributes, e.g. `(0o120777 << 16) >>> 0` for a Unix symlink. */
  externalAttributes?: number | undefined;
  uncompressedSize?: number | undefined;
  compressedSize?: number | undefined;
  crc?: number | undefined;
  extra?: Buffer | undefined;
  /** Written as the entry's stored bytes instead of `data` compressed by `method`: for broken streams. */
  body?: Buffer | undefined;
}

const UNIX_MADE_BY = (3 << 8) | 30;
const DOS_TIME = 0;
const DOS_DATE = (20 << 9) | (1 << 5) | 1; // 2000-01-01

export function rawZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data =
      typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : (entry.data ?? Buffer.alloc(0));
    const method = entry.method ?? 8;
    const body = entry.body ?? (method === 8 ? deflateRawSync(data) : data);
    const nonAscii = typeof entry.name === 'string' && /[^\x20-\x7e]/.test(entry.name);
    const fields = {
      flags: entry.flags ?? (nonAscii ? 0x800 : 0),
      method,
      crc: entry.crc ?? crc32(data),
      compressedSize: entry.compressedSize ?? body.length,
      uncompressedSize: entry.uncompressedSize ?? data.length,
      extra: entry.extra ?? Buffer.alloc(0),
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeCommon(local, 6, fields, name.length);
    locals.push(local, name, fields.extra, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(UNIX_MADE_BY, 4);
    central.writeUInt16LE(20, 6);
    writeCommon(central, 8, fields, name.length);
    central.writeUInt32LE((entry.externalAttributes ?? 0) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, fields.extra);
    offset += local.length + name.length + fields.extra.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface CommonFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  extra: Buffer;
}

/** The run of fields local and central headers share, from "flags" to "extra field length". */
function writeCommon(header: Buffer, at: number, f: CommonFields, nameLength: number): void {
  header.writeUInt16LE(f.flags, at);
  header.writeUInt16LE(f.method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(f.crc >>> 0, at + 8);
  header.writeUInt32LE(f.compressedSize >>> 0, at + 12);
  header.writeUInt32LE(f.uncompressedSize >>> 0, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
  header.writeUInt16LE(f.extra.length, at + 22);
}

/** A symlink's external attributes: Unix mode 0o120777 in the high 16 bits. */
export const SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0;
