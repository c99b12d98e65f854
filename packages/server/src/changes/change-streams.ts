import type { ServerResponse } from 'node:http';
import { type Change, type ChangedApp, type ReleaseState, snapshotEvents } from '@minirelease/core';
import type { Kysely } from 'kysely';
import { drained, gone, writeParts } from '../http/drained.js';
import type { Database } from '../storage/schema.js';
import { tokenStore } from '../storage/token-store.js';
import type { EventFollower } from './event-follower.js';
import { appOfRow, type EventRow, eventLog } from './event-log.js';

export interface ChangeStreamOptions {
  /** How often a quiet stream gets a `: hb` comment, so proxies and the resolver's idle timer keep it. */
  readonly heartbeatMs?: number;
  /** A subscriber with more unsent bytes than this is dropped; it comes back with Last-Event-ID. */
  readonly maxBufferedBytes?: number;
  /** Apps per snapshot event: a snapshot of more apps goes out as `snapshot-part` events, then a `snapshot`. */
  readonly snapshotPartApps?: number;
  /** How often the tokens of open streams are looked up again: a revoked one ends its streams. */
  readonly tokenCheckMs?: number;
  /**
   * Events kept behind the oldest position a live subscriber of this process holds (ADR 0008's sibling: a
   * reader asking from a compacted seq gets a snapshot). 0 turns compaction off.
   */
  readonly keepEvents?: number;
  /** How often the log is compacted. */
  readonly compactEveryMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface StreamStart {
  /** Send the changes after this seq; null or 0: a snapshot first. */
  readonly after: number | null;
  /** Keep the stream open for later changes (false: end once caught up, for tools). */
  readonly follow: boolean;
  /** The token the stream was opened with: the stream lasts no longer than it does. */
  readonly tokenId?: string | undefined;
}

const REPLAY_BATCH = 500;

/** The release state this process holds, at the follower's `lastSeq` whenever no await is pending. */
export interface ReleaseSource {
  /** A copy that stays at its seq while changes go on (`ResolverState.copy`). */
  copy(): ReleaseState;
}

/**
 * `GET /v1/stream` subscribers (DESIGN §7). A subscriber gets a snapshot or a replay of the event log from the
 * table, then joins the live fan-out of the EventFollower. The join is gap-free and duplicate-free: the replay
 * runs until it has reached the follower's `lastSeq`, and the subscriber is attached in the same tick as that
 * check, so every later event reaches it through the follower; anything it already had is skipped by seq.
 */
export class ChangeStreams {
  readonly #open = new Set<ServerResponse>();
  /** Live subscribers and the last seq each was sent. */
  readonly #live = new Map<ServerResponse, { seq: number }>();
  /** The token each open stream was opened with. */
  readonly #tokens = new Map<ServerResponse, string>();
  readonly #timer: NodeJS.Timeout;
  readonly #tokenTimer: NodeJS.Timeout;
  readonly #compactTimer: NodeJS.Timeout;
  #checking = false;
  readonly #maxBuffered: number;
  #closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly follower: EventFollower,
    private readonly source: ReleaseSource,
    private readonly options: ChangeStreamOptions = {},
  ) {
    this.#maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;
    follower.subscribe((event) => this.#broadcast(event));
    this.#timer = setInterval(() => this.#heartbeat(), options.heartbeatMs ?? 15_000);
    this.#timer.unref();
    this.#tokenTimer = setInterval(() => void this.#endRevoked(), options.tokenCheckMs ?? 500);
    this.#tokenTimer.unref();
    this.#compactTimer = setInterval(
      () => void this.compact().catch((e) => this.options.onError?.(e)),
      options.compactEveryMs ?? 60_000,
    );
    this.#compactTimer.unref();
  }

  /**
   * Deletes the events every reader of this process has read, but the newest `keepEvents` (a resolver that
   * dropped its connection a moment ago resumes from the log, not from a snapshot). Answers the rows deleted.
   * Another API instance's readers may be further behind: they get a snapshot, as anyone asking from before
   * the log's start does.
   */
  async compact(): Promise<number> {
    const keep = this.options.keepEvents ?? 10_000;
    if (keep <= 0) return 0;
    let through = this.follower.lastSeq - keep;
    for (const sent of this.#live.values()) through = Math.min(through, sent.seq - keep);
    return through > 0 ? eventLog.compactThrough(this.db, through) : 0;
  }

  /** Open streams, replaying or live. */
  get size(): number {
    return this.#open.size;
  }

  async open(res: ServerResponse, start: StreamStart): Promise<void> {
    res.on('error', () => {});
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // A stream is the last response on its connection: when it ends, so does the connection.
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    if (this.#closed) return void res.end();
    res.flushHeaders();
    this.#open.add(res);
    if (start.tokenId !== undefined) this.#tokens.set(res, start.tokenId);
    res.on('close', () => {
      this.#open.delete(res);
      this.#live.delete(res);
      this.#tokens.delete(res);
    });
    try {
      let seq = start.after ?? 0;
      // A position this log never reached (the database was replaced), or one compacted away, is answered
      // with a fresh snapshot.
      if (
        seq === 0 ||
        seq > (await eventLog.lastSeq(this.db)) ||
        seq + 1 < (await eventLog.oldestSeq(this.db))
      ) {
        seq = await this.#sendSnapshot(res);
      }
      for (;;) {
        if (gone(res)) return;
        if (seq >= this.follower.lastSeq) break;
        let rows = await eventLog.after(this.db, seq, REPLAY_BATCH);
        // Compacted meanwhile (by another instance): a snapshot, then on from there.
        if (rows.length > 0 && rows[0]!.seq !== seq + 1) {
          seq = await this.#sendSnapshot(res);
          rows = await eventLog.after(this.db, seq, REPLAY_BATCH);
        }
        if (rows.length === 0) break;
        for (const row of rows) res.write(rowFrame(row));
        seq = rows[rows.length - 1]!.seq;
        await drained(res);
      }
      // No await since the last look at the follower's lastSeq: nothing can slip between replay and live.
      if (!start.follow) return void res.end();
      this.#live.set(res, { seq });
    } catch (e) {
      this.options.onError?.(e);
      res.destroy();
    }
  }

  /**
   * The release state this process follows, copied at one seq, then written in parts that wait for the socket:
   * a million apps never become one string, and changes go on meanwhile. Only the last event carries the `id`,
   * so a client cut off mid-snapshot cannot resume from a snapshot it did not get whole.
   */
  async #sendSnapshot(res: ServerResponse): Promise<number> {
    const { seq, apps } = this.source.copy();
    await writeParts(res, snapshotEvents(seq, apps.releases(), this.options.snapshotPartApps));
    return seq;
  }

  /** Ends every stream (server shutdown); subscribers reconnect elsewhere or later. */
  closeAll(): void {
    this.#closed = true;
    clearInterval(this.#timer);
    clearInterval(this.#tokenTimer);
    clearInterval(this.#compactTimer);
    for (const res of this.#open) res.end();
  }

  /**
   * Ends the streams whose token was revoked or expired (here or by another API instance: the table is the truth), within
   * `tokenCheckMs`: a stream carries experiencer ids, and a revoked token must stop receiving them at once.
   * One query for all open streams, however many.
   */
  async #endRevoked(): Promise<void> {
    if (this.#checking || this.#tokens.size === 0) return;
    this.#checking = true;
    try {
      const active = await tokenStore.activeAmong(this.db, [...new Set(this.#tokens.values())], new Date());
      for (const [res, tokenId] of this.#tokens) {
        if (active.has(tokenId)) continue;
        this.#tokens.delete(res);
        this.#live.delete(res);
        res.destroy();
      }
    } catch (e) {
      this.options.onError?.(e);
    } finally {
      this.#checking = false;
    }
  }

  #broadcast(event: Change): void {
    if (this.#live.size === 0) return;
    const text = changeFrame(event.seq, event.appId, event.type, event.app);
    for (const [res, sent] of this.#live) {
      if (event.seq <= sent.seq) continue;
      sent.seq = event.seq;
      res.write(text);
      // A consumer that does not read would make us hold every later change for it: let it go instead.
      if (res.writableLength > this.#maxBuffered) {
        this.options.onError?.(
          new Error(
            `dropped a change-stream subscriber ${res.writableLength} bytes behind at seq ${event.seq}`,
          ),
        );
        this.#live.delete(res);
        res.destroy();
      }
    }
  }

  #heartbeat(): void {
    for (const res of this.#live.keys()) res.write(': hb\n\n');
  }
}

const frame = (event: string, id: number, data: string) => `event: ${event}\nid: ${id}\ndata: ${data}\n\n`;

const changeFrame = (seq: number, appId: string, type: string, app: ChangedApp | null) =>
  frame('change', seq, JSON.stringify({ seq, appId, type, app } satisfies Change));

const rowFrame = (row: EventRow) => changeFrame(row.seq, row.app_id, row.type, appOfRow(row));
