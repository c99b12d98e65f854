import {
  type AppRelease,
  createStreamReader,
  type Snapshot,
  type SseMessage,
  SseParser,
} from '@minirelease/core';
import { ApiError, errorFromResponse } from '../api-error.js';
import { DocumentSlot, isReleaseState } from './host-document.js';
import type { HostStore } from './host-store.js';
import { createLocalResolver, type LocalResolver } from './local-resolver.js';
import { absolutePackageUrl } from './package-url.js';

export interface ConnectLocalOptions {
  baseUrl: string;
  /** A token with the resolver role: `/v1/stream` carries every app's release state and is not public. */
  token: string;
  fetch?: typeof fetch | undefined;
  /** Where a package is downloaded; defaults to `<baseUrl>/v1/packages/<sha256>`, absolute. */
  packageUrl?: ((sha256: string) => string) | undefined;
  /**
   * Where the last state is kept across restarts (written behind the stream, at most once per `persistMs`).
   * With a kept state or a `bootstrap`, a start while the stream cannot be reached answers from the newer of
   * the two (`live` false) and keeps trying, instead of rejecting.
   */
  store?: HostStore | undefined;
  /** The release state shipped with the host (`exportBootstrap`). */
  bootstrap?: Snapshot | undefined;
  /** The longest a followed change waits before the state is written to the store. Default 1 s. */
  persistMs?: number | undefined;
  /** Errors of the store; the connection goes on from memory. */
  onStoreError?: ((error: unknown) => void) | undefined;
  /** After the stream ends or breaks, wait this long before following it again. Default 1 s. */
  reconnectMs?: number | undefined;
  /** Errors after the first snapshot (dropped streams, bad events); the resolver keeps its last state. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface LocalConnection {
  /** Answers in process from the streamed state; while the stream is down, from the last one (fail-static). */
  readonly resolver: LocalResolver;
  /** True while the stream is followed; false while answering from a kept or bootstrapped state (stale). */
  readonly live: boolean;
  /** Stops following the stream. */
  close(): void;
}

/**
 * Local mode fed by the change stream: `GET /v1/stream` (SSE: `event: snapshot` `{seq, apps}`, after the
 * `snapshot-part` events of the same shape that a large state is sent in first, then
 * `event: change` `{seq, appId, type, app}` with `id: <seq>`), read with fetch streaming and core's stream
 * reader. Resolves once
 * the first snapshot is applied; rejects (ApiError) when the first connection is refused or ends before it.
 * On a drop it reconnects with `Last-Event-ID` and `?after=` the last seq applied.
 */
export async function connectLocal(options: ConnectLocalOptions): Promise<LocalConnection> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!fetchFn) throw new TypeError('no global fetch in this runtime: pass `fetch` in the options');
  if (options.bootstrap !== undefined && !isReleaseState(options.bootstrap))
    throw new TypeError('bootstrap is not a release state {seq, apps}: see exportBootstrap');
  const packageUrl =
    options.packageUrl ?? ((sha256: string) => absolutePackageUrl(baseUrl, `/v1/packages/${sha256}`));
  const resolver = createLocalResolver({ snapshot: { seq: 0, apps: [] }, packageUrl });
  const slot = options.store ? DocumentSlot.of(options.store) : undefined;
  if (slot && options.onStoreError) slot.onError = options.onStoreError;
  const kept = (await slot?.load())?.state ?? null;
  const shipped = options.bootstrap ?? null;
  const start = kept && (!shipped || kept.seq >= shipped.seq) ? kept : shipped;
  if (start) resolver.replace(start);
  // A kept state is whole: the stream resumes after its seq, as after a drop. A bootstrap may not be (insiders
  // dropped, other apps left out): the stream starts from a snapshot.
  let resumable = start !== null && start === kept;
  let live = false;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  const persistNow = () => {
    if (persistTimer !== undefined) clearTimeout(persistTimer);
    persistTimer = undefined;
    slot?.update((doc) => ({ ...doc, state: resolver.snapshot() }));
  };
  // A burst of changes is written once: the whole state is copied per write, not per change.
  const persistSoon = () => {
    if (slot && persistTimer === undefined) persistTimer = setTimeout(persistNow, options.persistMs ?? 1_000);
  };
  const controller = new AbortController();
  let closed = false;
  let ready = start !== null; // there is a state to answer from
  let resolveFirst!: () => void;
  let rejectFirst!: (err: unknown) => void;
  let settled = false;
  const first = new Promise<void>((resolve, reject) => {
    resolveFirst = () => {
      settled = true;
      resolve();
    };
    rejectFirst = reject;
  });
  let wait: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined;
  // A large snapshot arrives as `snapshot-part` events before its `snapshot`: the reader gathers them.
  const reader = createStreamReader<AppRelease[]>({
    startSnapshot: () => [],
    addApps: (gathering, apps) => {
      for (const app of apps) gathering.push(app);
    },
    snapshot: (apps, seq) => {
      resolver.replace({ seq, apps });
      ready = true;
      resumable = true;
      live = true;
      if (slot) persistNow();
      resolveFirst();
    },
    change: (change) => {
      if (resolver.update(change)) persistSoon();
    },
  });
  const apply = (event: SseMessage) => {
    try {
      reader.read(event);
    } catch (err) {
      throw new ApiError(0, 'BAD_RESPONSE', `bad ${event.event} event in the stream`, undefined, {
        cause: err,
      });
    }
  };

  async function follow(): Promise<void> {
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${options.token}`,
    };
    const after = resumable ? resolver.seq : 0;
    if (after > 0) headers['last-event-id'] = String(after);
    let res: Response;
    try {
      res = await fetchFn(`${baseUrl}/v1/stream${after > 0 ? `?after=${after}` : ''}`, {
        headers,
        signal: controller.signal,
      });
    } catch (err) {
      throw new ApiError(0, 'UNREACHABLE', `cannot reach ${baseUrl}`, undefined, { cause: err });
    }
    if (!res.ok) throw errorFromResponse(res.status, res.statusText, await res.text());
    if (!res.body) throw new TypeError('this runtime’s fetch does not stream response bodies');
    if (ready) {
      // Resumed after the state held: the stream now sends only what changed since (or starts over).
      live = true;
      resolveFirst();
    }
    reader.reset();
    const body = res.body.getReader();
    const decoder = new TextDecoder();
    const events: SseMessage[] = [];
    const parser = new SseParser((message) => events.push(message));
    for (;;) {
      const { done, value } = await body.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      for (const event of events.splice(0)) {
        try {
          apply(event);
        } catch (err) {
          if (!ready) throw err;
          options.onError?.(err);
        }
      }
    }
    if (!ready) throw new ApiError(0, 'BAD_RESPONSE', 'the stream ended before its snapshot');
  }

  void (async () => {
    while (!closed) {
      try {
        await follow();
      } catch (err) {
        if (closed) return;
        // A refusal (a revoked token, a wrong URL) is a mistake to show, not an outage to ride out.
        if (!settled && (!ready || refused(err))) return rejectFirst(err);
        options.onError?.(err);
        // Fail-static from the kept or shipped state: answer now, keep trying the stream.
        resolveFirst();
      }
      live = false;
      if (closed) return;
      await new Promise<void>((wake) => {
        wait = { timer: setTimeout(wake, options.reconnectMs ?? 1_000), wake };
      });
    }
  })();

  const connection: LocalConnection = {
    resolver,
    get live() {
      return live;
    },
    close() {
      closed = true;
      live = false;
      if (persistTimer !== undefined) persistNow();
      controller.abort();
      if (wait) {
        clearTimeout(wait.timer);
        wait.wake();
      }
    },
  };
  await first.catch((err) => {
    connection.close();
    throw err;
  });
  return connection;
}

/** A status that says the request is wrong, not that the server cannot answer now. */
function refused(err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  return err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}
