import type { AppRelease, ChangedApp } from '../wire/stream.js';
import { type CompiledApp, compileApp } from './compile-app.js';
import { type PackedApp, packApp, unpackApp } from './packed-app.js';

export interface AppIndexOptions {
  /** At most this many apps are held compiled (those asked for lately); default 20 000, at least 2. */
  readonly compiledCacheSize?: number;
}

export const DEFAULT_COMPILED_CACHE_SIZE = 20_000;

/** Brands and versions repeat across apps; past this many distinct ones a new one is simply kept as given. */
const MAX_INTERNED = 1 << 16;

/**
 * The packed apps live in 64 Maps by a hash of the id, not one: inserting into one Map of 1M entries misses the
 * CPU cache at every step (its table is ≈ 30 MB), while a loader fed shard by shard (as `entries()` writes them)
 * fills one small table at a time: ≈ 3× faster to load, which is most of a resolver's cold start.
 */
const SHARD_BITS = 6;
/** Every shard nothing was put in yet (a host's store holds a few apps: 64 Maps each would be most of it). */
const NO_APPS: ReadonlyMap<string, PackedApp> = new Map();

/** FNV-1a and murmur3's finalizer: cheap, and the top bits of ids that differ in their last digit spread. */
function shardOf(appId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < appId.length; i++) h = Math.imul(h ^ appId.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> (32 - SHARD_BITS);
}

/**
 * Every app's release state, packed (≈ 240 B an app at 1M apps, bench/scale), with the apps asked for lately compiled: the
 * hot ones answer as fast as from a Map of compiled apps, the cold ones cost only their packed form. A change
 * replaces one app in O(1) and drops its compiled form.
 *
 * The compiled cache is two generations rather than a move-to-front LRU: a hit in the young Map costs one
 * lookup, where an LRU deletes and re-inserts on every hit. A miss compiles (or takes the old generation's)
 * into the young Map; when that is full it becomes the old one and the old one is dropped. So at most
 * `compiledCacheSize` apps are held compiled, and an app asked for in every generation stays compiled.
 */
export class AppIndex {
  readonly compiledCacheSize: number;
  #shards: ReadonlyMap<string, PackedApp>[] = new Array(1 << SHARD_BITS).fill(NO_APPS);
  #interned = new Map<string, string>();
  #young = new Map<string, CompiledApp>();
  #old = new Map<string, CompiledApp>();
  readonly #generation: number;

  constructor(options: AppIndexOptions = {}) {
    this.#generation = Math.max(
      1,
      Math.floor((options.compiledCacheSize ?? DEFAULT_COMPILED_CACHE_SIZE) / 2),
    );
    this.compiledCacheSize = this.#generation * 2;
  }

  get size(): number {
    let size = 0;
    for (const shard of this.#shards) size += shard.size;
    return size;
  }

  has(appId: string): boolean {
    return this.packed(appId) !== undefined;
  }

  /** The app compiled for `decide`: the hot path (one Map lookup when it was asked for lately). */
  get(appId: string): CompiledApp | undefined {
    const hot = this.#young.get(appId);
    return hot !== undefined ? hot : this.#promote(appId);
  }

  #promote(appId: string): CompiledApp | undefined {
    let compiled = this.#old.get(appId);
    if (compiled === undefined) {
      const packed = this.packed(appId);
      if (packed === undefined) return undefined;
      compiled = compileApp(unpackApp(appId, packed));
    }
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(appId, compiled);
    return compiled;
  }

  /**
   * Replaces one app (removes it when `release` is null), in O(1). A change without `insiders` keeps the ones
   * the app has (docs/adr/0008): changes carry them only when they changed.
   */
  set(appId: string, release: ChangedApp | null): void {
    if (release === null) this.#shardToChange(appId).delete(appId);
    else this.#shardToChange(appId).set(appId, packApp(this.#withInsiders(appId, release), this.intern));
    this.#young.delete(appId);
    this.#old.delete(appId);
  }

  /** Puts an already packed app (a loader's path: no AppRelease built and taken apart again). */
  setPacked(appId: string, packed: PackedApp): void {
    this.#shardToChange(appId).set(appId, packed);
    this.#young.delete(appId);
    this.#old.delete(appId);
  }

  #withInsiders(appId: string, release: ChangedApp): AppRelease {
    if (release.insiders !== undefined) return release as AppRelease;
    return { ...release, insiders: this.packed(appId)?.extra?.insiders ?? [] };
  }

  #shardToChange(appId: string): Map<string, PackedApp> {
    const k = shardOf(appId);
    const shard = this.#shards[k]!;
    if (shard !== NO_APPS) return shard as Map<string, PackedApp>;
    const created = new Map<string, PackedApp>();
    this.#shards[k] = created;
    return created;
  }

  /** The one copy of a brand or version string this store keeps. */
  readonly intern = (s: string): string => {
    const known = this.#interned.get(s);
    if (known !== undefined) return known;
    if (this.#interned.size < MAX_INTERNED) this.#interned.set(s, s);
    return s;
  };

  packed(appId: string): PackedApp | undefined {
    return this.#shards[shardOf(appId)]!.get(appId);
  }

  /** Every app's packed form with its id, shard by shard (no order to rely on): for search and for serialising. */
  *entries(): Generator<[string, PackedApp]> {
    for (const shard of this.#shards) yield* shard;
  }

  toRelease(appId: string): AppRelease | undefined {
    const packed = this.packed(appId);
    return packed === undefined ? undefined : unpackApp(appId, packed);
  }

  *releases(): Generator<AppRelease> {
    for (const [appId, packed] of this.entries()) yield unpackApp(appId, packed);
  }

  /** Every app compiled: the cached form when there is one, else compiled for the caller only. O(N). */
  *values(): Generator<CompiledApp> {
    for (const [appId, packed] of this.entries()) {
      yield this.#young.get(appId) ?? this.#old.get(appId) ?? compileApp(unpackApp(appId, packed));
    }
  }

  /** Apps held compiled now (an app in both generations counts twice); never above `compiledCacheSize`. */
  get compiledCount(): number {
    return this.#young.size + this.#old.size;
  }

  /** An independent copy (O(N), packed forms shared: they are immutable), compiled apps included. */
  clone(): AppIndex {
    const copy = new AppIndex({ compiledCacheSize: this.compiledCacheSize });
    copy.#shards = this.#shards.map((shard) => (shard === NO_APPS ? shard : new Map(shard)));
    copy.#interned = this.#interned;
    copy.#young = new Map(this.#young);
    copy.#old = new Map(this.#old);
    return copy;
  }
}
