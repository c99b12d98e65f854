import {
  type AppRelease,
  type ReleaseSnapshot,
  ReleaseStore,
  type SseMessage,
  SseParser,
} from '@minirelease/core';
import { Backoff, type BackoffOptions } from './backoff.js';
import type { ResolverState } from './resolver-state.js';
import { decodeSnapshot } from './snapshot-codec.js';

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

/** The data of a `snapshot-part` or `snapshot` event. */
interface SnapshotPart {
  readonly seq: number;
  readonly apps: AppRelease[];
}

interface WireChange {
  readonly seq: number;
  readonly appId: string;
  readonly release: AppRelease | null;
}

const quiet: StreamLog = { info: () => {}, warn: () => {} };

/**
 * Follows the API's change stream into a ResolverState: a snapshot first (or, with a state to resume from, only
 * the changes after its seq, by Last-Event-ID), then each change in seq order. Reconnects forever with backoff;
 * while it is away the state keeps answering as it was (fail-static).
 */
export class StreamClient {
  readonly stats = { connects: 0, snapshots: 0, changes: 0 };
  #synced: boolean;
  #connected = false;
  #stopped = false;
  #lastMessageAt = 0;
  /** The snapshot being received in parts: its seq and the apps so far, packed as they arrive. */
  #partial: { seq: number; store: ReleaseStore } | null = null;
  #controller: AbortController | null = null;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  readonly #backoff: Backoff;
  readonly #log: StreamLog;

  constructor(private readonly options: StreamClientOptions) {
    this.#synced = options.resume ?? false;
    this.#backoff = new Backoff(options.backoff);
    this.#log = options.log ?? quiet;
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
      const parser = new SseParser((message) => this.#onMessage(message, controller));
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
      this.#partial = null;
    }
    return Date.now() - openedAt >= 1000 || this.stats.snapshots + this.stats.changes > before;
  }

  #onMessage(message: SseMessage, controller: AbortController): void {
    const { state } = this.options;
    try {
      if (message.event === 'snapshot-part') {
        this.#addPart(JSON.parse(message.data) as SnapshotPart);
      } else if (message.event === 'snapshot') {
        const last = JSON.parse(message.data) as SnapshotPart;
        const store = this.#addPart(last);
        this.#partial = null;
        state.replace({ seq: last.seq, apps: store });
        this.#synced = true;
        this.stats.snapshots++;
        this.options.onUpdate?.();
      } else if (message.event === 'change' && this.#synced) {
        const change = JSON.parse(message.data) as WireChange;
        const current = state.snapshot.seq;
        if (change.seq <= current) return;
        if (change.seq !== current + 1) {
          // The log's seq has no holes: a jump means something was lost. Start over from a snapshot.
          this.#log.warn(`change stream jumped from seq ${current} to ${change.seq}; asking for a snapshot`);
          this.#synced = false;
          controller.abort();
          return;
        }
        state.apply(change);
        this.stats.changes++;
        this.options.onUpdate?.();
      }
    } catch (e) {
      this.#log.warn(`unreadable ${message.event} event: ${describe(e)}; reconnecting`);
      controller.abort();
    }
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
    let snapshot: ReleaseSnapshot;
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

  /** Packs a part's apps into the snapshot they belong to; a part of another seq starts a new one. */
  #addPart(part: SnapshotPart): ReleaseStore {
    if (typeof part?.seq !== 'number' || !Array.isArray(part.apps)) throw new Error('no seq or apps');
    if (this.#partial?.seq !== part.seq) this.#partial = { seq: part.seq, store: new ReleaseStore() };
    const { store } = this.#partial;
    for (const app of part.apps) store.set(app.appId, app);
    return store;
  }
}

function describe(e: unknown): string {
  const error = e as { message?: string; cause?: { message?: string; code?: string } };
  const cause = error.cause?.code ?? error.cause?.message;
  return `${error.message ?? String(e)}${cause ? ` (${cause})` : ''}`;
}
