import {
  AppIndex,
  type Change,
  createStreamReader,
  type ReleaseState,
  SseParser,
  type StreamReader,
} from '@minirelease/core';
import type { ResolverState } from '../embedded/resolver-state.js';
import { decodeSnapshot } from '../embedded/snapshot-codec.js';
import { Backoff, type BackoffOptions } from './backoff.js';

export interface StreamLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface StreamClientOptions {
  /** The API, e.g. `http://api.internal:8080`; the client reads `<upstream>/v1/stream`. */
  readonly upstream: string;
  /** A token with the platform role `resolver` (or admin): the stream carries experiencer ids. */
  readonly token?: string | undefined;
  readonly state: ResolverState;
  /** The state already holds a snapshot (from disk): resume after its seq instead of asking for a new one. */
  readonly resume?: boolean;
  /** After every applied snapshot or change: the disk snapshot is scheduled from here. */
  readonly onUpdate?: () => void;
  readonly log?: StreamLog;
  /** No byte for this long (three missed heartbeats) means a dead connection: drop it and reconnect. */
  readonly idleTimeoutMs?: number;
  readonly backoff?: BackoffOptions;
}

const quiet: StreamLog = { info: () => {}, warn: () => {} };

/**
 * Follows the API's change stream into a ResolverState: a snapshot first (or, with a state to resume from, only
 * the changes after its seq, by Last-Event-ID), then each change in seq order. Reconnects forever with backoff;
 * while it is away the state keeps answering as it was (fail-static).
 */
export class StreamClient {
  /** `failures`: connection attempts that were refused or could not reach upstream. */
  readonly stats = { connects: 0, snapshots: 0, changes: 0, failures: 0 };
  #synced: boolean;
  #connected = false;
  #stopped = false;
  #lastMessageAt = 0;
  /** Reads the protocol; a snapshot's apps are packed into an index as its parts arrive. */
  readonly #reader: StreamReader;
  /** The connection whose events are being read: a bad one aborts it. */
  #reading: AbortController | null = null;
  #controller: AbortController | null = null;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  readonly #backoff: Backoff;
  readonly #log: StreamLog;

  constructor(private readonly options: StreamClientOptions) {
    this.#synced = options.resume ?? false;
    this.#backoff = new Backoff(options.backoff);
    this.#log = options.log ?? quiet;
    this.#reader = createStreamReader<AppIndex>({
      startSnapshot: () => new AppIndex(),
      addApps: (index, apps) => {
        for (const app of apps) index.set(app.appId, app);
      },
      snapshot: (index, seq) => {
        this.options.state.replace({ seq, apps: index });
        this.#synced = true;
        this.stats.snapshots++;
        this.options.onUpdate?.();
      },
      change: (change) => this.#onChange(change),
    });
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** When upstream last sent anything (event or heartbeat), in ms since the epoch; 0 if never. */
  get lastMessageAt(): number {
    return this.#lastMessageAt;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#controller?.abort();
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const healthy = await this.#connect().catch((e: unknown) => {
        this.stats.failures++;
        if (!this.#stopped) this.#log.warn(`change stream from ${this.options.upstream}: ${describe(e)}`);
        return false;
      });
      if (this.#connected && !this.#stopped) {
        this.#log.warn(`change stream from ${this.options.upstream} closed; reconnecting`);
      }
      this.#connected = false;
      if (this.#stopped) break;
      if (healthy) this.#backoff.reset();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#backoff.next());
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  /** One connection, until it ends; healthy when it lasted a second or delivered an event. */
  async #connect(): Promise<boolean> {
    const controller = new AbortController();
    this.#controller = controller;
    const auth: Record<string, string> = this.options.token
      ? { authorization: `Bearer ${this.options.token}` }
      : {};
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(new Error(`nothing for ${idleMs} ms`)), idleMs);
    };
    const before = this.stats.snapshots + this.stats.changes;
    let openedAt = Number.POSITIVE_INFINITY;
    arm();
    try {
      if (!this.#synced) await this.#joinFromBinary(auth, controller.signal, arm);
      const headers: Record<string, string> = { accept: 'text/event-stream', ...auth };
      if (this.#synced) headers['last-event-id'] = String(this.options.state.snapshot.seq);
      const url = new URL('/v1/stream', this.options.upstream);
      const res = await fetch(url, { headers, signal: controller.signal });
      if (res.status !== 200 || !res.body) {
        const text = await res.text().catch(() => '');
        throw new Error(`upstream answered ${res.status} ${text.slice(0, 200)}`);
      }
      this.#connected = true;
      openedAt = Date.now();
      this.stats.connects++;
      this.#log.info(`following ${url.href}${this.#synced ? ` after seq ${headers['last-event-id']}` : ''}`);
      const decoder = new TextDecoder();
      this.#reading = controller;
      const parser = new SseParser((message) => {
        try {
          this.#reader.read(message);
        } catch (e) {
          this.#log.warn(`unreadable ${message.event} event: ${describe(e)}; reconnecting`);
          controller.abort();
        }
      });
      for await (const chunk of res.body) {
        arm();
        this.#lastMessageAt = Date.now();
        parser.push(decoder.decode(chunk, { stream: true }));
      }
    } catch (e) {
      if (!controller.signal.aborted || this.#stopped) throw e;
      // Aborted by us (idle, gap, bad message): already logged; reconnect.
    } finally {
      clearTimeout(idle);
      this.#controller = null;
      // A snapshot is only whole with its last event; the next connection asks for a new one.
      this.#reader.reset();
      this.#reading = null;
    }
    return Date.now() - openedAt >= 1000 || this.stats.snapshots + this.stats.changes > before;
  }

  #onChange(change: Change): void {
    if (!this.#synced) return;
    const { state } = this.options;
    const current = state.snapshot.seq;
    if (change.seq <= current) return;
    if (change.seq !== current + 1) {
      // The log's seq has no holes: a jump means something was lost. Start over from a snapshot.
      this.#log.warn(`change stream jumped from seq ${current} to ${change.seq}; asking for a snapshot`);
      this.#synced = false;
      this.#reading?.abort();
      return;
    }
    state.apply(change);
    this.stats.changes++;
    this.options.onUpdate?.();
  }

  /**
   * Joins from `/v1/stream/snapshot`, the state in the disk snapshot's binary format, several times faster to
   * send and read than the stream's JSON snapshot at scale; the stream then resumes after its seq. When it cannot
   * (an API without the route, a damaged body) the stream's own snapshot serves instead.
   */
  async #joinFromBinary(auth: Record<string, string>, signal: AbortSignal, alive: () => void): Promise<void> {
    const url = new URL('/v1/stream/snapshot', this.options.upstream);
    const res = await fetch(url, { headers: { accept: 'application/octet-stream', ...auth }, signal });
    if (res.status !== 200) {
      await res.body?.cancel();
      if (res.status !== 404)
        this.#log.warn(`${url.href} answered ${res.status}; using the stream's snapshot`);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      alive();
      this.#lastMessageAt = Date.now();
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    let snapshot: ReleaseState;
    try {
      snapshot = decodeSnapshot(Buffer.concat(chunks));
    } catch (e) {
      this.#log.warn(`unreadable snapshot from ${url.href}: ${describe(e)}; using the stream's snapshot`);
      return;
    }
    this.options.state.replace(snapshot);
    this.#synced = true;
    this.stats.snapshots++;
    this.options.onUpdate?.();
  }
}

function describe(e: unknown): string {
  const error = e as { message?: string; cause?: { message?: string; code?: string } };
  const cause = error.cause?.code ?? error.cause?.message;
  return `${error.message ?? String(e)}${cause ? ` (${cause})` : ''}`;
}
