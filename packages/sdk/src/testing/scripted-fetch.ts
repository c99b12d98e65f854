/**
 * A `fetch` for the reporter's tests that answers from a script and records what was posted, settling in
 * microtasks only so that hand-moved timers decide every wait.
 */
export interface PostedBatch {
  readonly key: string;
  readonly authorization: string;
  readonly body: string;
  readonly events: Record<string, unknown>[];
}

/** One scripted answer: a status with a JSON body, a throw (no answer), or a fetch that never answers. */
export type Scripted =
  | { readonly status: number; readonly json?: unknown; readonly headers?: Record<string, string> }
  | { readonly throws: unknown; readonly sync?: boolean }
  | { readonly hang: true };

export function scriptedFetch(script: (call: PostedBatch, n: number) => Scripted) {
  const posts: PostedBatch[] = [];
  const fetchFn = ((_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const body = init.body as string;
    const call: PostedBatch = {
      key: headers['idempotency-key'] as string,
      authorization: headers.authorization as string,
      body,
      events: (JSON.parse(body) as { events: Record<string, unknown>[] }).events,
    };
    posts.push(call);
    const reply = script(call, posts.length);
    if ('throws' in reply && reply.sync) throw reply.throws;
    if ('throws' in reply) return Promise.reject(reply.throws);
    if ('hang' in reply) {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    }
    const text = reply.json === undefined ? '' : JSON.stringify(reply.json);
    return Promise.resolve({
      status: reply.status,
      statusText: '',
      ok: reply.status < 300,
      headers: new Headers(reply.headers),
      text: async () => text,
    } as unknown as Response);
  }) as unknown as typeof fetch;
  return { fetch: fetchFn, posts };
}

/** The 202 a server gives a batch it counted whole. */
export const acceptAll = (call: PostedBatch): Scripted => ({
  status: 202,
  json: { accepted: call.events.length, rejected: [] },
});
