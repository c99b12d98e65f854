import type { Snapshot } from '@minirelease/core';
import { ApiError, errorFromResponse, tryParse } from '../api-error.js';
import { queryString } from '../transport.js';
import type { ResolveAnswer } from '../wire.js';
import { AnswerCache, type CacheEntry } from './answer-cache.js';
import { createEventReporter, type EventReporter, type EventReporterOptions } from './event-reporter.js';
import { HeldAnswers } from './held-answers.js';
import { DocumentSlot, isReleaseState } from './host-document.js';
import {
  type HostResolveOptions,
  type HostResolveResult,
  isNothingToLaunchCode,
  type NothingToLaunch,
} from './host-result.js';
import type { HostStore } from './host-store.js';
import { createLocalResolver, type LocalResolver } from './local-resolver.js';
import { absolutePackageUrl } from './package-url.js';

export interface HostClientOptions {
  /** The resolver (or the one-process server), e.g. `https://release.example.com`. */
  baseUrl: string;
  /** Defaults to the global `fetch`; the only I/O the client does, so it runs in browsers and mini-programs. */
  fetch?: typeof fetch | undefined;
  /** How long an answer is used without asking again. Default 60 s. */
  cacheTtlMs?: number | undefined;
  /** After a failed revalidation, how long the stale answer is served before the next try. Default 5 s. */
  retryAfterMs?: number | undefined;
  /** A request that takes longer counts as unreachable. Default 5 s. */
  timeoutMs?: number | undefined;
  /** At most this many (app, user, channel) answers are kept. Default 1000. */
  maxEntries?: number | undefined;
  /** The clock, in ms; for tests. */
  now?: (() => number) | undefined;
  /**
   * Where the last good answers are kept across restarts (`fileStore`, `localStorageStore`, a native bridge's
   * adapter): read on the first `resolve`, written behind each new answer. After a restart they are served,
   * stale, while the resolver cannot be asked, like the answers of this run.
   */
  store?: HostStore | undefined;
  /**
   * The release state shipped with the host (`exportBootstrap`), for users with no answer yet while the
   * resolver cannot be asked: their answer is decided from it with core's `decide` (the resolver's gray hash),
   * marked stale. A newer state the local mode kept in the same store (`connectLocal`) is used instead.
   */
  bootstrap?: Snapshot | undefined;
  /** Errors of the store (unreadable, full): reported, and the client goes on from memory. */
  onStoreError?: ((error: unknown) => void) | undefined;
  /**
   * Event reporting (`client.events`): the host key and, optionally, the batching and retry settings. Without
   * a host key every event is dropped (`CLOSED`). Events go to `baseUrl` unless `events.baseUrl` names the API
   * server (a resolver does not count them); `fetch` and `now` are the client's.
   */
  events?: HostEventsOptions | undefined;
}

/** The reporter's settings as the host client takes them: the answers, fetch and clock are the client's. */
export type HostEventsOptions = Omit<EventReporterOptions, 'answerFor' | 'baseUrl' | 'fetch' | 'now'> & {
  baseUrl?: string | undefined;
};

export interface HostClient {
  /**
   * Which package this user gets: an answer (`ok: true`) or nothing to launch (`ok: false` with the code).
   * Fresh answers come from the cache; after the TTL the resolver is asked again (with `If-None-Match` when the
   * answer had an ETag; a 304 keeps it). When the resolver cannot answer (unreachable, timeout, 5xx, 408, 429)
   * the last answer is returned with `stale: true` and asked again after `retryAfterMs` (fail-static).
   * With no last answer for this user, the answer decided from the bootstrap or persisted state, also stale.
   * Throws `ApiError` only when there is no answer to fall back on, or the request itself is refused (400, 401…).
   * `packageUrl` is absolute, resolved against `baseUrl`.
   */
  resolve(appId: string, userId: string, options?: HostResolveOptions): Promise<HostResolveResult>;
  /** Forgets every cached answer, the kept ones too (say, on logout). */
  clear(): void;
  /**
   * Reports launches, errors, crashes and feedback, each counted under the version and channel of the last
   * answer `resolve` gave for (app, user); a user with no answer yet is dropped and counted (`NO_ANSWER`).
   */
  readonly events: EventReporter;
  /**
   * Resolves once every answer so far is written to the store and every event so far is sent or dropped
   * (say, before the process exits). Never rejects for the events.
   */
  flush(): Promise<void>;
  /** Flushes, then stops the event reporter's timer; later events are dropped. */
  close(): Promise<void>;
}

/** Statuses that say "the resolver cannot answer now", not "the question is wrong": serve the last answer. */
const transient = (status: number) => status >= 500 || status === 408 || status === 429;

/** What one request to the resolver came to. */
type Outcome =
  | { readonly kind: 'not-modified'; readonly etag: string | undefined }
  | { readonly kind: 'answer'; readonly result: HostResolveResult; readonly etag: string | undefined }
  | {
      readonly kind: 'failed';
      readonly error: ApiError;
      readonly transient: boolean;
      /** The server's `Retry-After`, in ms, when it sent one (a resolver not ready yet does). */
      readonly retryAfterMs?: number | undefined;
    };

/** A `Retry-After` in seconds as ms, at most 5 minutes (a wrong header must not park a host for a day). */
function retryAfterHeader(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(Number(value) * 1000, 300_000);
}

export function createHostClient(options: HostClientOptions): HostClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Bound: browsers throw "Illegal invocation" when fetch is called as a method of another object.
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!fetchFn) throw new TypeError('no global fetch in this runtime: pass `fetch` in the options');
  const ttl = options.cacheTtlMs ?? 60_000;
  const retryAfter = options.retryAfterMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const cache = new AnswerCache(options.maxEntries ?? 1000);
  const held = new HeldAnswers(options.maxEntries ?? 1000);
  const events = createEventReporter({
    ...options.events,
    baseUrl: options.events?.baseUrl ?? baseUrl,
    hostKey: options.events?.hostKey,
    answerFor: (appId, userId) => held.get(appId, userId),
    fetch: fetchFn,
    now,
  });
  const inFlight = new Map<string, Promise<HostResolveResult>>();
  const absolute = (url: string) => absolutePackageUrl(baseUrl, url);
  if (options.bootstrap !== undefined && !isReleaseState(options.bootstrap))
    throw new TypeError('bootstrap is not a release state {seq, apps}: see exportBootstrap');
  const slot = options.store ? DocumentSlot.of(options.store) : undefined;
  if (slot && options.onStoreError) slot.onError = options.onStoreError;
  let loaded = slot === undefined;
  let loading: Promise<void> | undefined;
  // The kept answers go into the cache as already expired: asked again at once, served stale if that fails.
  const load = () =>
    (loading ??= (async () => {
      const doc = await slot?.load();
      for (const a of doc?.answers ?? []) {
        const channel = a.channel ?? undefined;
        const key = AnswerCache.key(a.appId, a.userId, channel);
        if (!cache.get(key))
          cache.set(key, { ...a, channel, persist: true }, a.result, a.etag ?? undefined, 0);
      }
      loaded = true;
    })());
  const persist = () => slot?.update((doc) => ({ ...doc, answers: cache.persisted() }));

  let local: { state: Snapshot; resolver: LocalResolver } | undefined;
  /**
   * The answer decided from the newest state at hand, or undefined when it does not know the app: core's
   * `decide`, so the answer the resolver gave at that seq (docs/adr/0007-host-cold-start.md).
   */
  function fromState(
    appId: string,
    userId: string,
    channel: string | undefined,
  ): HostResolveResult | undefined {
    const kept = slot?.current.state ?? null;
    const shipped = options.bootstrap ?? null;
    const state = kept && (!shipped || kept.seq >= shipped.seq) ? kept : shipped;
    if (!state) return undefined;
    if (local?.state !== state) {
      const packageUrl = (sha256: string) => absolute(`/v1/packages/${sha256}`);
      local = { state, resolver: createLocalResolver({ snapshot: state, packageUrl }) };
    }
    const result = local.resolver.resolve(appId, userId, {
      channel: channel === 'experience' ? channel : undefined,
    });
    return !result.ok && result.code === 'APP_NOT_FOUND' ? undefined : result;
  }

  async function ask(
    appId: string,
    userId: string,
    channel: string | undefined,
    etag: string | undefined,
  ): Promise<Outcome> {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (etag !== undefined) headers['if-none-match'] = etag;
      const url = `${baseUrl}/v1/resolve${queryString({ app: appId, user: userId, channel })}`;
      const res = await fetchFn(url, { headers, ...(controller ? { signal: controller.signal } : {}) });
      if (res.status === 304) return { kind: 'not-modified', etag: res.headers.get('etag') ?? etag };
      const text = await res.text();
      const resEtag = res.headers.get('etag') ?? undefined;
      if (res.ok) {
        const answer = tryParse(text) as ResolveAnswer | undefined;
        if (typeof answer?.version !== 'string' || typeof answer.sha256 !== 'string') {
          // Not the resolver speaking (a captive portal's page, a broken proxy): as good as unreachable.
          const error = new ApiError(res.status, 'BAD_RESPONSE', `expected a resolve answer from ${baseUrl}`);
          return { kind: 'failed', error, transient: true };
        }
        const result = {
          ...answer,
          packageUrl: absolute(answer.packageUrl),
          ok: true as const,
          stale: false,
        };
        return { kind: 'answer', result, etag: resEtag };
      }
      const error = errorFromResponse(res.status, res.statusText, text);
      if (res.status === 404 && isNothingToLaunchCode(error.code)) {
        const nothing: NothingToLaunch = {
          ok: false,
          appId,
          code: error.code,
          message: error.message,
          stale: false,
        };
        return { kind: 'answer', result: nothing, etag: resEtag };
      }
      // A 503 (RESOLVER_NOT_READY, DATABASE_UNAVAILABLE) is an outage, never an answer: the cached one stays.
      return {
        kind: 'failed',
        error,
        transient: transient(res.status),
        retryAfterMs: retryAfterHeader(res.headers.get('retry-after')),
      };
    } catch (err) {
      const reason = controller?.signal.aborted ? `no answer within ${timeoutMs} ms` : describe(err);
      const error = new ApiError(0, 'UNREACHABLE', `cannot reach ${baseUrl}: ${reason}`, undefined, {
        cause: err,
      });
      return { kind: 'failed', error, transient: true };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async function revalidate(
    key: string,
    appId: string,
    userId: string,
    channel: string | undefined,
    entry: CacheEntry | undefined,
  ): Promise<HostResolveResult> {
    const outcome = await ask(appId, userId, channel, entry?.etag);
    if (outcome.kind === 'not-modified') {
      if (!entry)
        throw new ApiError(304, 'BAD_RESPONSE', 'the resolver answered 304 to an unconditional request');
      entry.etag = outcome.etag;
      entry.freshUntil = now() + ttl;
      entry.retryAt = 0;
      return entry.fresh;
    }
    if (outcome.kind === 'answer') {
      const source = { appId, userId, channel, persist: true };
      const fresh = cache.set(key, source, outcome.result, outcome.etag, now() + ttl).fresh;
      persist();
      return fresh;
    }
    if (!outcome.transient) throw outcome.error;
    if (entry) {
      entry.retryAt = now() + (outcome.retryAfterMs ?? retryAfter);
      return entry.stale;
    }
    const decided = fromState(appId, userId, channel);
    if (decided === undefined) throw outcome.error;
    // Cached like an answer that has expired, so the resolver is asked again after retryAfter, not per call.
    const computed = cache.set(key, { appId, userId, channel, persist: false }, decided, undefined, 0);
    computed.retryAt = now() + (outcome.retryAfterMs ?? retryAfter);
    return computed.stale;
  }

  const hold = (appId: string, userId: string, result: HostResolveResult) => {
    held.note(appId, userId, result);
    return result;
  };

  const client: HostClient = {
    resolve(appId, userId, opts = {}) {
      if (!loaded) return load().then(() => client.resolve(appId, userId, opts));
      const channel = opts.channel;
      const key = AnswerCache.key(appId, userId, channel);
      const entry = cache.get(key);
      const t = now();
      if (entry && t < entry.freshUntil) return Promise.resolve(hold(appId, userId, entry.fresh));
      if (entry && t < entry.retryAt) return Promise.resolve(hold(appId, userId, entry.stale));
      // Callers asking for the same answer at once share one request.
      let pending = inFlight.get(key);
      if (!pending) {
        pending = revalidate(key, appId, userId, channel, entry)
          .then((result) => hold(appId, userId, result))
          .finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    events,
    clear() {
      cache.clear();
      held.clear();
      persist();
    },
    async flush() {
      await Promise.all([
        events.flush(),
        (async () => {
          await load();
          await slot?.flush();
        })(),
      ]);
    },
    async close() {
      await Promise.all([events.close(), client.flush()]);
    },
  };
  return client;
}

/** Node wraps the reason (ECONNREFUSED, ENOTFOUND) in `cause`; that is the part worth showing. */
function describe(err: unknown): string {
  const cause = (err as { cause?: { message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}
