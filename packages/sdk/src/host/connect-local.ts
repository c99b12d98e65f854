import { type AppRelease, createStreamReader, type SseMessage, SseParser } from '@minirelease/core';
import { ApiError, errorFromResponse } from '../api-error.js';
import { createLocalResolver, type LocalResolver } from './local-resolver.js';

export interface ConnectLocalOptions {
  baseUrl: string;
  /** A token with the resolver role: `/v1/stream` carries every app's release state and is not public. */
  token: string;
  fetch?: typeof fetch | undefined;
  packageUrl?: ((sha256: string) => string) | undefined;
  /** After the stream ends or breaks, wait this long before following it again. Default 1 s. */
  reconnectMs?: number | undefined;
  /** Errors after the first snapshot (dropped streams, bad events); the resolver keeps its last state. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface LocalConnection {
  /** Answers in process from the streamed state; while the stream is down, from the last one (fail-static). */
  readonly resolver: LocalResolver;
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
  const resolver = createLocalResolver({ snapshot: { seq: 0, apps: [] }, packageUrl: options.packageUrl });
  const controller = new AbortController();
  let closed = false;
  let ready = false;
  let resolveFirst!: () => void;
  let rejectFirst!: (err: unknown) => void;
  const first = new Promise<void>((resolve, reject) => {
    resolveFirst = resolve;
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
      resolveFirst();
    },
    change: (change) => resolver.update(change),
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
    const after = resolver.seq;
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
        if (!ready) return rejectFirst(err);
        options.onError?.(err);
      }
      if (closed) return;
      await new Promise<void>((wake) => {
        wait = { timer: setTimeout(wake, options.reconnectMs ?? 1_000), wake };
      });
    }
  })();

  const connection: LocalConnection = {
    resolver,
    close() {
      closed = true;
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
