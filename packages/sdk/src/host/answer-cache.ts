import type { PersistedAnswer } from './host-document.js';
import type { HostResolveResult } from './host-result.js';

/** One cached answer: both forms built once, so a cache hit allocates nothing. */
export interface CacheEntry {
  readonly fresh: HostResolveResult;
  readonly stale: HostResolveResult;
  /** The answer's entity tag, sent back as `If-None-Match`; absent while the server sends none. */
  etag: string | undefined;
  /** Until then the answer is used without asking. */
  freshUntil: number;
  /** After a failed revalidation: until then the stale answer is served without asking again. */
  retryAt: number;
  /** Whom the answer is for, kept to write it to the host store. */
  readonly appId: string;
  readonly userId: string;
  readonly channel: string | undefined;
  /** False for an answer computed from the bootstrap or persisted state: only the resolver's are kept. */
  readonly persist: boolean;
}

/** Where an answer came from: the resolver (kept in the host store) or the host's own state (not kept). */
export interface EntrySource {
  readonly appId: string;
  readonly userId: string;
  readonly channel: string | undefined;
  readonly persist: boolean;
}

/**
 * Answers per (app, user, channel), bounded: the least recently stored entry goes first (a host app asks for
 * a handful of users; a server-side host for many).
 */
export class AnswerCache {
  readonly #entries = new Map<string, CacheEntry>();

  constructor(readonly maxEntries: number) {}

  static key(appId: string, userId: string, channel: string | undefined): string {
    // NUL cannot appear in an id that reached the resolver, so keys never collide.
    return `${appId}\u0000${userId}\u0000${channel ?? ''}`;
  }

  get(key: string): CacheEntry | undefined {
    return this.#entries.get(key);
  }

  set(
    key: string,
    source: EntrySource,
    result: HostResolveResult,
    etag: string | undefined,
    freshUntil: number,
  ): CacheEntry {
    const entry: CacheEntry = {
      ...source,
      fresh: Object.freeze({ ...result, stale: false }),
      stale: Object.freeze({ ...result, stale: true }),
      etag,
      freshUntil,
      retryAt: 0,
    };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry;
  }

  /** The resolver's answers, least recently stored first, as the host store keeps them. */
  persisted(): PersistedAnswer[] {
    const out: PersistedAnswer[] = [];
    for (const e of this.#entries.values()) {
      if (!e.persist) continue;
      out.push({
        appId: e.appId,
        userId: e.userId,
        channel: e.channel ?? null,
        result: e.fresh,
        etag: e.etag ?? null,
      });
    }
    return out;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
