import type { HostEventType } from '@minirelease/core/wire';
import type { ApiError } from '../api-error.js';
import { EventQueue, utf8Length } from './event-queue.js';
import { backoffDelay, type ClearTimer, postBatch, type SendContext, type SetTimer } from './event-sender.js';
import type { HostResolveResult } from './host-result.js';

/** Why events were dropped without reaching the server. */
export type EventDropReason =
  /** No resolve answer held for (app, user), or nothing to launch: no version or channel to count it under. */
  | 'NO_ANSWER'
  /** The queue was full: the oldest waiting event made room. */
  | 'QUEUE_FULL'
  /** The server refused the whole batch (400, 401, 403, 409, 413): it would refuse it again. */
  | 'REFUSED'
  /** The batch failed `maxAttempts` times in a row (unreachable, timeouts, 5xx, 408, 429). */
  | 'RETRIES_EXHAUSTED'
  /** Reported after `close()`, or no host key configured. */
  | 'CLOSED';

export interface EventDrop {
  readonly reason: EventDropReason;
  readonly count: number;
  /** The server's refusal or the last failure, for `REFUSED` and `RETRIES_EXHAUSTED`. */
  readonly error?: ApiError | undefined;
}

/** The reporter's own counts, for the host's monitoring. */
export interface EventStats {
  /** Waiting in the queue, or in the batch being sent. */
  readonly queued: number;
  /** Events the server accepted (a replayed batch is counted once, as the server counts it). */
  readonly sent: number;
  /** Events the server refused one by one in its 202 answer, by code (never re-sent). */
  readonly rejected: Readonly<Record<string, number>>;
  readonly dropped: Readonly<Record<EventDropReason, number>>;
  /** Batches answered 202, and re-sends of a batch after a transient failure. */
  readonly batches: number;
  readonly retries: number;
}

/** What an error, crash or feedback may carry; cut to the server's limits (2,000 and 512 characters). */
export interface EventDetail {
  readonly message?: string | undefined;
  readonly page?: string | undefined;
  /** The host's own id of the event, for its logs. */
  readonly id?: string | undefined;
}

/**
 * Reports what gray users live through (DESIGN §10): one call per event, each a synchronous enqueue that never
 * throws and never waits; batches go out in the background. The version and channel of each event are those
 * of the resolve answer held for (app, user), so the server counts gray and stable as the resolver split them.
 */
export interface EventReporter {
  /** A launch of the package the user was answered. Answers whether the event was queued. */
  launch(appId: string, userId: string): boolean;
  error(appId: string, userId: string, detail?: EventDetail): boolean;
  crash(appId: string, userId: string, detail?: EventDetail): boolean;
  feedback(appId: string, userId: string, detail?: EventDetail): boolean;
  /** Sends everything queued; resolves once it is accepted or dropped. Never rejects. */
  flush(): Promise<void>;
  /** Flushes and stops: later events are dropped (`CLOSED`), no timer is left. Never rejects. */
  close(): Promise<void>;
  stats(): EventStats;
}

export interface EventReporterOptions {
  /** The API server (not a resolver: it counts), e.g. `https://release.example.com`. */
  baseUrl: string;
  /** The host key an admin made for this host app (`hk_…`); without one every event is dropped (`CLOSED`). */
  hostKey: string | undefined;
  /** The answer the host holds for (app, user); the host client passes its last resolve answers. */
  answerFor: (appId: string, userId: string) => HostResolveResult | undefined;
  fetch?: typeof fetch | undefined;
  /** A batch goes as soon as this many events wait. Default 100, at most the server's 1,000. */
  batchSize?: number | undefined;
  /** A batch is cut under this many bytes of JSON. Default 512 KiB, at most 1,000,000 (the server's 1 MB). */
  maxBatchBytes?: number | undefined;
  /** Fewer events wait at most this long. Default 5 s. */
  flushMs?: number | undefined;
  /** At most this many events wait; beyond, the oldest is dropped. Default 10,000. */
  maxQueue?: number | undefined;
  /** A post that takes longer counts as failed (and is re-sent). Default 10 s. */
  timeoutMs?: number | undefined;
  /** Re-sends: the first after about `baseMs` (1 s), doubling to `maxMs` (60 s), `maxAttempts` in all (10). */
  retry?: { baseMs?: number; maxMs?: number; maxAttempts?: number } | undefined;
  /** The clock that stamps each event's `at` (epoch ms). */
  now?: (() => number) | undefined;
  /** Jitter of the backoff, and the batch-id prefix when `crypto.randomUUID` is missing. */
  random?: (() => number) | undefined;
  setTimeout?: SetTimer | undefined;
  clearTimeout?: ClearTimer | undefined;
  /** Told of every drop; a throw in it is ignored. */
  onDrop?: ((drop: EventDrop) => void) | undefined;
}

const LIMITS = { batch: 1_000, bytes: 1_000_000, message: 2_000, page: 512, id: 128 } as const;
/** `{"events":[` and `]}` around the events. */
const ENVELOPE = 13;

export function createEventReporter(options: EventReporterOptions): EventReporter {
  // A runtime without fetch gets a reporter that drops (`CLOSED`) rather than a throw into the host.
  const fetchFn: typeof fetch | undefined =
    options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const setTimer: SetTimer = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  // The idle flush timer alone must not hold a Node process open; a retry's wait does (a batch is on its way).
  const setIdleTimer: SetTimer = options.setTimeout ?? unrefTimeout;
  const clearTimer: ClearTimer = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number));
  const batchSize = clamp(options.batchSize ?? 100, 1, LIMITS.batch);
  const maxBytes = clamp(options.maxBatchBytes ?? 512 * 1024, 4_096, LIMITS.bytes) - ENVELOPE;
  const flushMs = options.flushMs ?? 5_000;
  const backoff = { baseMs: options.retry?.baseMs ?? 1_000, maxMs: options.retry?.maxMs ?? 60_000 };
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 10);
  const queue = new EventQueue(Math.max(1, options.maxQueue ?? 10_000));
  const ctx: SendContext | undefined =
    fetchFn && options.hostKey
      ? {
          url: `${options.baseUrl.replace(/\/+$/, '')}/v1/events`,
          hostKey: options.hostKey,
          fetch: fetchFn,
          timeoutMs: options.timeoutMs ?? 10_000,
          setTimeout: setTimer,
          clearTimeout: clearTimer,
        }
      : undefined;
  // Batch ids unique across hosts and restarts: a random prefix, then a counter.
  const prefix = batchPrefix(random);
  let batchNo = 0;

  const counts = { sent: 0, batches: 0, retries: 0, inFlight: 0 };
  const rejected: Record<string, number> = {};
  const dropped: Record<EventDropReason, number> = {
    NO_ANSWER: 0,
    QUEUE_FULL: 0,
    REFUSED: 0,
    RETRIES_EXHAUSTED: 0,
    CLOSED: 0,
  };
  let closed = ctx === undefined;
  let timer: unknown;
  let sending: Promise<void> | undefined;
  /** The timer fired or `flush()` asked: the partial batch goes too. */
  let due = false;

  const drop = (reason: EventDropReason, count: number, error?: ApiError) => {
    if (count === 0) return;
    dropped[reason] += count;
    try {
      options.onDrop?.(error === undefined ? { reason, count } : { reason, count, error });
    } catch {
      // The host's callback must not break reporting.
    }
  };

  function report(type: HostEventType, appId: string, userId: string, detail?: EventDetail): boolean {
    try {
      if (closed) {
        drop('CLOSED', 1);
        return false;
      }
      const answer = options.answerFor(appId, userId);
      if (!answer?.ok) {
        drop('NO_ANSWER', 1);
        return false;
      }
      const event: Record<string, unknown> = {
        app: appId,
        version: answer.version,
        channel: answer.channel,
        user: userId,
        type,
        at: now(),
      };
      if (detail) {
        for (const field of ['id', 'message', 'page'] as const) {
          const v = detail[field];
          if (typeof v === 'string' && v.length > 0) event[field] = v.slice(0, LIMITS[field]);
        }
      }
      const json = JSON.stringify(event);
      drop('QUEUE_FULL', queue.push({ json, bytes: utf8Length(json) }));
      if (queue.length >= batchSize) kick();
      else arm();
      return true;
    } catch {
      // A broken `answerFor` or clock: the event is lost, the host goes on.
      drop('NO_ANSWER', 1);
      return false;
    }
  }

  function arm(): void {
    if (timer !== undefined || sending !== undefined) return;
    timer = setIdleTimer(() => {
      timer = undefined;
      due = true;
      kick();
    }, flushMs);
  }

  function kick(): void {
    if (sending !== undefined) return;
    if (timer !== undefined) {
      clearTimer(timer);
      timer = undefined;
    }
    // After the caller's turn: an enqueue never waits for, nor runs, a send.
    sending = Promise.resolve().then(drain);
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length >= batchSize || (due && queue.length > 0)) {
        await deliver(queue.take(batchSize, maxBytes));
      }
    } catch {
      // deliver never throws; this only keeps a bug from leaving `sending` set for ever.
    } finally {
      due = false;
      sending = undefined;
      if (queue.length > 0 && !closed) arm();
    }
  }

  async function deliver(batch: readonly { json: string }[]): Promise<void> {
    const c = ctx as SendContext;
    const key = `${prefix}-${++batchNo}`;
    const body = `{"events":[${batch.map((e) => e.json).join(',')}]}`;
    counts.inFlight = batch.length;
    try {
      for (let attempt = 0; ; attempt++) {
        const outcome = await postBatch(c, key, body);
        if (outcome.kind === 'accepted') {
          counts.batches++;
          counts.sent += outcome.answer.accepted;
          for (const r of outcome.answer.rejected) rejected[r.code] = (rejected[r.code] ?? 0) + 1;
          return;
        }
        if (outcome.kind === 'refused') return drop('REFUSED', batch.length, outcome.error);
        if (attempt + 1 >= maxAttempts) return drop('RETRIES_EXHAUSTED', batch.length, outcome.error);
        counts.retries++;
        const wait = Math.max(
          backoffDelay(attempt, backoff, random),
          Math.min(outcome.retryAfterMs ?? 0, backoff.maxMs),
        );
        await new Promise<void>((resolve) => setTimer(resolve, wait));
      }
    } finally {
      counts.inFlight = 0;
    }
  }

  async function flush(): Promise<void> {
    try {
      // Loops: a send in progress may have been cutting full batches only, leaving the rest for the timer.
      while (sending !== undefined || queue.length > 0) {
        if (queue.length > 0) {
          due = true;
          kick();
        }
        await sending;
      }
    } catch {
      // Never rejects: flush is awaited on the host's way out.
    }
  }

  return {
    launch: (appId, userId) => report('launch', appId, userId),
    error: (appId, userId, detail) => report('error', appId, userId, detail),
    crash: (appId, userId, detail) => report('crash', appId, userId, detail),
    feedback: (appId, userId, detail) => report('feedback', appId, userId, detail),
    flush,
    async close() {
      if (ctx === undefined) return;
      closed = true;
      await flush();
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
    stats: () => ({
      queued: queue.length + counts.inFlight,
      sent: counts.sent,
      rejected: { ...rejected },
      dropped: { ...dropped },
      batches: counts.batches,
      retries: counts.retries,
    }),
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}

/** The runtime's timer, `unref`ed where there is such a thing (Node), without naming Node's types. */
function unrefTimeout(fn: () => void, ms: number): unknown {
  const handle = globalThis.setTimeout(fn, ms) as unknown as { unref?: () => void };
  if (typeof handle === 'object' && handle !== null && typeof handle.unref === 'function') handle.unref();
  return handle;
}

function batchPrefix(random: () => number): string {
  const uuid = (globalThis.crypto as { randomUUID?: () => string } | undefined)?.randomUUID;
  if (typeof uuid === 'function') {
    try {
      return uuid.call(globalThis.crypto);
    } catch {
      // Not a secure context (a browser page over http): fall back to the random source.
    }
  }
  let s = '';
  for (let i = 0; i < 4; i++) s += Math.floor(random() * 0x1_0000_0000).toString(36);
  return s;
}
