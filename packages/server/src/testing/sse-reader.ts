import { type SseMessage, SseParser } from '@minirelease/core';

export interface SseReader {
  readonly status: number;
  /** The next event, waiting up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseMessage>;
  /** The next `n` events. */
  take(n: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Comment lines received so far (`hb`, …). */
  readonly comments: readonly string[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** A real `GET /v1/stream` over the network, read with the resolver's SSE parser. */
export async function openStream(
  base: string,
  token: string | null,
  options: { query?: string; headers?: Record<string, string> } = {},
): Promise<SseReader> {
  const controller = new AbortController();
  const headers: Record<string, string> = { ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/v1/stream${options.query ?? ''}`, { headers, signal: controller.signal });
  const queue: SseMessage[] = [];
  const comments: string[] = [];
  let wake: (() => void) | null = null;
  const parser = new SseParser(
    (m) => {
      queue.push(m);
      wake?.();
    },
    (c) => comments.push(c),
  );
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) parser.push(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();
  const next = async (timeoutMs = 5000): Promise<SseMessage> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 20);
      });
    }
    return queue.shift()!;
  };
  return {
    status: res.status,
    next,
    async take(n, timeoutMs) {
      const out: SseMessage[] = [];
      while (out.length < n) out.push(await next(timeoutMs));
      return out;
    },
    comments,
    ended,
    close: () => controller.abort(),
  };
}
