import type { AppRelease } from '@minirelease/core';
import { type SseMessage, SseParser } from '@minirelease/core';
import { ApiError, errorFromResponse, tryParse } from '../api-error.js';
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
 * `event: change` `{seq, appId, type, release}` with `id: <seq>`), read with fetch streaming. Resolves once
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
  // A large snapshot arrives as `snapshot-part` events before its `snapshot`: the apps so far, and their seq.
  let parts: { seq: number; apps: AppRelease[] } | null = null;

  const apply = (event: SseMessage) => {
    const body = tryParse(event.data) as {
      seq?: unknown;
      apps?: unknown;
      appId?: unknown;
      release?: unknown;
    };
    if (typeof body?.seq !== 'number')
      throw new ApiError(0, 'BAD_RESPONSE', `bad ${event.event} event in the stream`);
    if (event.event === 'snapshot-part' && Array.isArray(body.apps)) {
      if (parts?.seq !== body.seq) parts = { seq: body.seq, apps: [] };
      for (const app of body.apps as AppRelease[]) parts.apps.push(app);
    } else if (event.event === 'snapshot' && Array.isArray(body.apps)) {
      const earlier = parts?.seq === body.seq ? parts.apps : [];
      parts = null;
      resolver.replace({ seq: body.seq, apps: [...earlier, ...(body.apps as AppRelease[])] });
      ready = true;
      resolveFirst();
    } else if (event.event === 'change' && typeof body.appId === 'string') {
      resolver.update({
        seq: body.seq,
        appId: body.appId,
        release: (body.release ?? null) as AppRelease | null,
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
    parts = null;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const events: SseMessage[] = [];
    const parser = new SseParser((message) => events.push(message));
    for (;;) {
      const { done, value } = await reader.read();
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
