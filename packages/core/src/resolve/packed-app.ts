import type { AppRelease, PackageRef } from '../wire/stream.js';

/** `PackedApp.flags`: the app is offline. */
export const PACKED_OFFLINE = 1;
/** `PackedApp.flags`: the app has a live version (`version`, `size`, `sha256` are its). */
export const PACKED_RELEASED = 2;
/** `PackedApp.flags`: `sha256` holds the digest's 32 bytes as a latin1 string, not its hex as given. */
export const PACKED_SHA_BYTES = 4;

/** What few apps have: a gray version, an experience version, insiders. Kept as given. */
export interface PackedExtra {
  readonly gray: AppRelease['gray'];
  readonly experience: PackageRef | null;
  readonly insiders: readonly string[];
}

/**
 * One app as an AppIndex keeps it when nobody is asking for it: one object of flat fields (8 slots), the id
 * being the store's key. Most apps are only live, so the rare parts share one nullable field; brands and
 * versions are interned by the store; a hex digest is kept as its 32 bytes (a 32-char one-byte string, 48 B
 * instead of 80) and written out as hex again only when the app is compiled.
 */
export interface PackedApp {
  readonly name: string;
  readonly brand: string;
  readonly flags: number;
  readonly revision: number;
  /** The live version, size and digest; '' / 0 / '' when there is none. */
  readonly version: string;
  readonly size: number;
  readonly sha256: string;
  readonly extra: PackedExtra | null;
}

/** Builds a packed app; always through here, so every packed app has one hidden class. */
export function packedApp(
  name: string,
  brand: string,
  flags: number,
  revision: number,
  version: string,
  size: number,
  sha256: string,
  extra: PackedExtra | null,
): PackedApp {
  return { name, brand, flags, revision, version, size, sha256, extra };
}

const same = (s: string) => s;

export function packApp(app: AppRelease, intern: (s: string) => string = same): PackedApp {
  const live = app.live;
  let flags = app.visibility === 'offline' ? PACKED_OFFLINE : 0;
  let sha256 = '';
  if (live) {
    const bytes = hexToBytes(live.sha256);
    flags |= PACKED_RELEASED | (bytes === null ? 0 : PACKED_SHA_BYTES);
    sha256 = bytes ?? live.sha256;
  }
  const extra =
    app.gray || app.experience || app.insiders.length > 0
      ? { gray: app.gray, experience: app.experience, insiders: app.insiders }
      : null;
  return packedApp(
    app.name,
    intern(app.brand),
    flags,
    app.revision,
    live ? intern(live.version) : '',
    live ? live.size : 0,
    sha256,
    extra,
  );
}

/** The AppRelease a packed app was made from (equal, field by field). */
export function unpackApp(appId: string, p: PackedApp): AppRelease {
  const live =
    p.flags & PACKED_RELEASED
      ? {
          version: p.version,
          sha256: p.flags & PACKED_SHA_BYTES ? bytesToHex(p.sha256) : p.sha256,
          size: p.size,
        }
      : null;
  return {
    appId,
    name: p.name,
    brand: p.brand,
    visibility: p.flags & PACKED_OFFLINE ? 'offline' : 'online',
    revision: p.revision,
    live,
    gray: p.extra?.gray ?? null,
    experience: p.extra?.experience ?? null,
    insiders: p.extra?.insiders ?? [],
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const scratch: number[] = new Array<number>(32).fill(0);

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** A lowercase hex SHA-256 as its 32 bytes in a one-byte string, or null for anything else (kept as given). */
export function hexToBytes(hex: string): string | null {
  if (hex.length !== 64) return null;
  for (let i = 0; i < 32; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return null;
    scratch[i] = (hi << 4) | lo;
  }
  // One call, so the string is flat and one byte per char (not a rope of 32 pieces).
  return String.fromCharCode(...scratch);
}

export function bytesToHex(bytes: string): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes.charCodeAt(i) & 0xff]!;
  return parts.join('');
}
