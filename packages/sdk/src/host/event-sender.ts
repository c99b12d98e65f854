import type { HostEventsAnswer } from '@minirelease/core/wire';
import { ApiError, errorFromResponse, tryParse } from '../api-error.js';

/** A timer handle as the runtime gives it: a number in browsers, an object in Node. */
export type TimerHandle = unknown;
export type SetTimer = (fn: () => void, ms: number) => TimerHandle;
export type ClearTimer = (handle: TimerHandle) => void;

/** What posting one batch came to. */
export type SendOutcome =
  | { readonly kind: 'accepted'; readonly answer: HostEventsAnswer }
  /** Worth re-sending, the same batch under the same key: no answer, a timeout, 5xx, 408, 429. */
  | { readonly kind: 'transient'; readonly error: ApiError; readonly retryAfterMs?: number | undefined }
  /** The batch itself is refused (400, 401, 403, 409, 413): re-sending it would be refused again. */
  | { readonly kind: 'refused'; readonly error: ApiError };

export interface SendContext {
  readonly url: string;
  readonly hostKey: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly setTimeout: SetTimer;
  readonly clearTimeout: ClearTimer;
}

const transient = (status: number) => status >= 500 || status === 408 || status === 429;

/** Posts one batch to `POST /v1/events`; never throws, every failure is an outcome. */
export async function postBatch(ctx: SendContext, key: string, body: string): Promise<SendOutcome> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? ctx.setTimeout(() => controller.abort(), ctx.timeoutMs) : undefined;
  try {
    const res = await ctx.fetch(ctx.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.hostKey}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body,
      ...(controller ? { signal: controller.signal } : {}),
    });
    const text = await res.text();
    if (res.status === 202) {
      const answer = tryParse(text) as HostEventsAnswer | undefined;
      if (typeof answer?.accepted === 'number' && Array.isArray(answer.rejected)) {
        return { kind: 'accepted', answer };
      }
      // Not the server speaking (a proxy's page): the batch may not have landed; the key makes a retry safe.
      const error = new ApiError(res.status, 'BAD_RESPONSE', `expected a batch answer from ${ctx.url}`);
      return { kind: 'transient', error };
    }
    const error = errorFromResponse(res.status, res.statusText, text);
    if (transient(res.status)) {
      return { kind: 'transient', error, retryAfterMs: retryAfterHeader(res.headers.get('retry-after')) };
    }
    return { kind: 'refused', error };
  } catch (err) {
    const reason = controller?.signal.aborted ? `no answer within ${ctx.timeoutMs} ms` : describe(err);
    const error = new ApiError(0, 'UNREACHABLE', `cannot reach ${ctx.url}: ${reason}`, undefined, {
      cause: err,
    });
    return { kind: 'transient', error };
  } finally {
    if (timer !== undefined) ctx.clearTimeout(timer);
  }
}

export interface BackoffOptions {
  /** The wait before the first retry, before jitter. */
  readonly baseMs: number;
  /** No wait is longer. */
  readonly maxMs: number;
}

/**
 * The wait before retry `attempt` (0 for the first): exponential, capped, with "equal jitter" — half of the
 * step fixed, half random — so waits grow for certain while hosts that failed together spread apart.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return step / 2 + random() * (step / 2);
}

/** A `Retry-After` in seconds as ms; the caller caps it. */
function retryAfterHeader(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value) * 1000;
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}
