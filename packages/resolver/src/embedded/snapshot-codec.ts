import {
  AppIndex,
  type AppIndexOptions,
  PACKED_RELEASED,
  PACKED_SHA_BYTES,
  type PackedExtra,
  packedApp,
  type ReleaseState,
} from '@minirelease/core';

/**
 * The disk snapshot's format: the AppIndex's packed apps, one record after another, little-endian.
 *
 *     file    = "MRSNAP02" · seq f64 · record* · 0xFF · count u32
 *     record  = flags u8 · appId str · name str · brand ref · revision f64
 *               [released: version ref · size f64 · (sha bytes: 32 bytes | sha str)] [extra: json str]
 *     str     = length u32 · UTF-8;   ref = 0xFFFFFFFF · str (the next entry of the file's string table) | index u32
 *
 * Brands and versions repeat, so they are written once and referred to. At 1M apps the file is ≈ 95 MB and
 * decodes in about a second, where the JSON of the same apps (≈ 250 MB) takes over 2 s to parse. Strings are
 * UTF-8, so a lone surrogate in a name (not Unicode; JSON would keep it) comes back as U+FFFD.
 */
export const SNAPSHOT_MAGIC = 'MRSNAP02';

const END = 0xff;
/** Ours, beside the store's flags (which use the low bits): the record ends with its extra, as JSON. */
const HAS_EXTRA = 0x80;
const STORE_FLAGS = 0x7f;
const NEW_STRING = 0xffffffff;
const CHUNK = 1 << 20;

/**
 * Buffer's own slicing methods, which `toString(encoding, start, end)` reaches through argument checks that cost
 * ≈ 10 % of a load at 1M apps; the decoder checks its bounds itself.
 */
interface Slices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/**
 * The snapshot's bytes, in chunks of about 1 MiB, pulled one at a time: a writer that awaits each chunk lets
 * requests and changes run in between. A change applied meanwhile may or may not be in the file, and the file
 * says the seq it started at: every change carries its app's whole state, so replaying the stream from that seq
 * ends in the exact state (a fuzzy snapshot, as ZooKeeper's).
 */
export function* encodeSnapshot(snapshot: ReleaseState): Generator<Buffer> {
  let buf = Buffer.allocUnsafe(CHUNK);
  buf.write(SNAPSHOT_MAGIC, 0, 'latin1');
  buf.writeDoubleLE(snapshot.seq, 8);
  let pos = 16;
  const table = new Map<string, number>();
  const str = (s: string) => {
    const n = buf.write(s, pos + 4, 'utf8');
    buf.writeUInt32LE(n, pos);
    pos += 4 + n;
  };
  const ref = (s: string) => {
    const index = table.get(s);
    if (index !== undefined) {
      pos = buf.writeUInt32LE(index, pos);
      return;
    }
    table.set(s, table.size);
    pos = buf.writeUInt32LE(NEW_STRING, pos);
    str(s);
  };
  let count = 0;
  for (const [appId, p] of snapshot.apps.entries()) {
    const extra = p.extra === null ? null : JSON.stringify(p.extra);
    // UTF-8 takes at most 3 bytes per UTF-16 unit; 64 covers the fixed fields and length prefixes.
    const most =
      64 + 3 * (appId.length + p.name.length + p.brand.length + p.version.length + p.sha256.length);
    const need = most + (extra === null ? 0 : 4 + 3 * extra.length) + 5;
    if (pos + need > buf.length) {
      yield buf.subarray(0, pos);
      buf = Buffer.allocUnsafe(Math.max(CHUNK, need));
      pos = 0;
    }
    pos = buf.writeUInt8((p.flags & STORE_FLAGS) | (extra === null ? 0 : HAS_EXTRA), pos);
    str(appId);
    str(p.name);
    ref(p.brand);
    pos = buf.writeDoubleLE(p.revision, pos);
    if (p.flags & PACKED_RELEASED) {
      ref(p.version);
      pos = buf.writeDoubleLE(p.size, pos);
      if (p.flags & PACKED_SHA_BYTES) pos += buf.write(p.sha256, pos, 'latin1');
      else str(p.sha256);
    }
    if (extra !== null) str(extra);
    count++;
  }
  pos = buf.writeUInt8(END, pos);
  pos = buf.writeUInt32LE(count, pos);
  yield buf.subarray(0, pos);
}

/** Whether these bytes are in this format (else perhaps the JSON of an older resolver). */
export function isSnapshotFormat(bytes: Buffer): boolean {
  return bytes.length >= 16 && bytes.toString('latin1', 0, 8) === SNAPSHOT_MAGIC;
}

/** Decodes a whole file into a snapshot; throws on anything damaged or cut short. */
export function decodeSnapshot(bytes: Buffer, options?: AppIndexOptions): ReleaseState {
  if (!isSnapshotFormat(bytes)) throw new Error(`not a ${SNAPSHOT_MAGIC} file`);
  const seq = bytes.readDoubleLE(8);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`a bad seq ${seq}`);
  const store = new AppIndex(options);
  const r = new Reader(bytes, 16, store.intern);
  let count = 0;
  for (let flags = r.u8(); flags !== END; flags = r.u8()) {
    const appId = r.str();
    const name = r.str();
    const brand = r.ref();
    const revision = r.f64();
    let version = '';
    let size = 0;
    let sha256 = '';
    if (flags & PACKED_RELEASED) {
      version = r.ref();
      size = r.f64();
      sha256 = flags & PACKED_SHA_BYTES ? r.bytes32() : r.str();
    }
    const extra = flags & HAS_EXTRA ? parseExtra(r.str()) : null;
    store.setPacked(
      appId,
      packedApp(name, brand, flags & STORE_FLAGS, revision, version, size, sha256, extra),
    );
    count++;
  }
  const written = r.u32();
  if (written !== count || r.pos !== bytes.length) throw new Error(`${count} apps read, ${written} written`);
  return { seq, apps: store };
}

/** The format's fields, read in order; each read checks its bounds, so a file cut short throws. */
class Reader {
  readonly #slices: Slices;
  readonly #table: string[] = [];

  constructor(
    private readonly bytes: Buffer,
    public pos: number,
    private readonly intern: (s: string) => string,
  ) {
    this.#slices = bytes as unknown as Slices;
  }

  take(n: number): number {
    const start = this.pos;
    if (start + n > this.bytes.length) throw new Error(`cut short at byte ${start}`);
    this.pos = start + n;
    return start;
  }

  u8(): number {
    return this.bytes[this.take(1)]!;
  }

  u32(): number {
    const p = this.take(4);
    const b = this.bytes;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  }

  f64(): number {
    return this.bytes.readDoubleLE(this.take(8));
  }

  str(): string {
    const n = this.u32();
    const p = this.take(n);
    return this.#slices.utf8Slice(p, p + n);
  }

  bytes32(): string {
    const p = this.take(32);
    return this.#slices.latin1Slice(p, p + 32);
  }

  /** A brand or version: new (then the next entry of the string table) or one read before. */
  ref(): string {
    const index = this.u32();
    if (index === NEW_STRING) {
      const s = this.intern(this.str());
      this.#table.push(s);
      return s;
    }
    const s = this.#table[index];
    if (s === undefined) throw new Error(`an unknown string ${index} at byte ${this.pos - 4}`);
    return s;
  }
}

function parseExtra(json: string): PackedExtra {
  const extra = JSON.parse(json) as PackedExtra;
  if (typeof extra !== 'object' || extra === null || !Array.isArray(extra.insiders)) {
    throw new Error('a damaged gray/experience/insiders record');
  }
  return extra;
}
