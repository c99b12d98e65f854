import type { Snapshot } from '@minirelease/core';
import { type AppRelease, isNothingToLaunchCode } from '@minirelease/core';
import type { HostResolveResult } from './host-result.js';
import type { HostStore } from './host-store.js';

/** One answer as kept: whom it was for, the resolver's answer (without `stale`) and its ETag. */
export interface PersistedAnswer {
  readonly appId: string;
  readonly userId: string;
  readonly channel: string | null;
  readonly result: HostResolveResult;
  readonly etag: string | null;
}

/**
 * What a host store holds. `format` changes only with an incompatible change; a document of another format
 * (or a corrupt one) is read as empty, never as an error: the host then starts as on its first run.
 */
export interface HostDocument {
  readonly format: 1;
  /** The host client's last good answers, least recently stored first. */
  readonly answers: readonly PersistedAnswer[];
  /** The local mode's last release state (the stream's snapshot form), or null. */
  readonly state: Snapshot | null;
}

export const EMPTY_DOCUMENT: HostDocument = Object.freeze({ format: 1, answers: [], state: null });

/** Reads a stored document; anything that is not one (torn write, other format, hand edits) reads as empty. */
export function parseHostDocument(text: string | undefined | null): HostDocument {
  if (typeof text !== 'string' || text === '') return EMPTY_DOCUMENT;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY_DOCUMENT;
  }
  const doc = raw as Partial<Record<keyof HostDocument, unknown>> | null;
  if (doc?.format !== 1) return EMPTY_DOCUMENT;
  const answers = Array.isArray(doc.answers) ? doc.answers.filter(isPersistedAnswer) : [];
  return { format: 1, answers, state: isReleaseState(doc.state) ? doc.state : null };
}

function isPersistedAnswer(a: unknown): a is PersistedAnswer {
  const p = a as Partial<Record<keyof PersistedAnswer, unknown>> | null;
  if (typeof p?.appId !== 'string' || typeof p.userId !== 'string') return false;
  if (p.channel !== null && typeof p.channel !== 'string') return false;
  if (p.etag !== null && typeof p.etag !== 'string') return false;
  const r = p.result as Record<string, unknown> | null;
  if (r?.ok === true) {
    return (
      typeof r.version === 'string' &&
      typeof r.sha256 === 'string' &&
      typeof r.packageUrl === 'string' &&
      typeof r.channel === 'string' &&
      typeof r.size === 'number'
    );
  }
  return r?.ok === false && typeof r.message === 'string' && isNothingToLaunchCode(String(r.code));
}

/** The stream's snapshot form, checked as far as `decide` relies on it (core compiles what it is given). */
export function isReleaseState(s: unknown): s is Snapshot {
  const state = s as { seq?: unknown; apps?: unknown } | null;
  return typeof state?.seq === 'number' && Array.isArray(state.apps) && state.apps.every(isAppRelease);
}

function isAppRelease(a: unknown): a is AppRelease {
  const app = a as Partial<Record<keyof AppRelease, unknown>> | null;
  return (
    typeof app?.appId === 'string' &&
    (app.visibility === 'online' || app.visibility === 'offline') &&
    Array.isArray(app.insiders) &&
    (app.live === null || isRef(app.live)) &&
    (app.gray === null ||
      (isRef(app.gray) && typeof (app.gray as { basisPoints?: unknown }).basisPoints === 'number')) &&
    (app.experience === null || isRef(app.experience))
  );
}

function isRef(r: unknown): boolean {
  const ref = r as { version?: unknown; sha256?: unknown; size?: unknown } | null;
  return typeof ref?.version === 'string' && typeof ref.sha256 === 'string' && typeof ref.size === 'number';
}

/**
 * One store's document, shared by everything in the process that writes to it (a host client and a local
 * connection may be given the same store): read once, changed in memory, written behind — at most one write
 * in flight, and a change made during it written once after it, so a burst of answers costs two writes.
 */
export class DocumentSlot {
  static readonly #slots = new WeakMap<HostStore, DocumentSlot>();

  /** The slot of a store: one per store object. */
  static of(store: HostStore): DocumentSlot {
    let slot = DocumentSlot.#slots.get(store);
    if (!slot) {
      slot = new DocumentSlot(store);
      DocumentSlot.#slots.set(store, slot);
    }
    return slot;
  }

  #doc: HostDocument = EMPTY_DOCUMENT;
  #loading: Promise<HostDocument> | undefined;
  /** Changes made before the read finished, applied again to what was read. */
  #early: Array<(doc: HostDocument) => HostDocument> | undefined = [];
  #writing: Promise<void> | undefined;
  #dirty = false;
  /** Errors of the store (a full quota, a read-only disk); the document lives on in memory. */
  onError: ((error: unknown) => void) | undefined;

  private constructor(readonly store: HostStore) {}

  /** The stored document, read on the first call; a store that throws reads as empty (and is reported). */
  load(): Promise<HostDocument> {
    // The document as it is now, not as it was read: another writer of this store may have changed it since.
    return this.#read().then(() => this.#doc);
  }

  #read(): Promise<HostDocument> {
    this.#loading ??= (async () => {
      try {
        let doc = parseHostDocument(await this.store.get());
        for (const change of this.#early ?? []) doc = change(doc);
        this.#doc = doc;
      } catch (err) {
        this.onError?.(err);
      }
      this.#early = undefined;
      return this.#doc;
    })();
    return this.#loading;
  }

  get current(): HostDocument {
    return this.#doc;
  }

  /** Changes the document and schedules its write. */
  update(change: (doc: HostDocument) => HostDocument): void {
    this.#doc = change(this.#doc);
    this.#early?.push(change);
    this.#dirty = true;
    this.#writing ??= this.#drain();
  }

  /** Resolves once every change so far is written (or its write failed and was reported). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    try {
      // Not before the read: a write must not replace a document this process has not seen yet.
      await this.load();
      while (this.#dirty) {
        this.#dirty = false;
        try {
          await this.store.set(JSON.stringify(this.#doc));
        } catch (err) {
          this.onError?.(err);
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }
}
