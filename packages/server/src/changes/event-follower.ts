import type { Change } from '@minirelease/core';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../storage/schema.js';
import { appOfRow, eventLog } from './event-log.js';

export const EVENTS_CHANNEL = 'minirelease_events';
const BATCH = 500;

/**
 * Follows the event log in seq order and hands each event on exactly once, whoever committed it: this process
 * (told directly), another API instance on the same PostgreSQL (told by NOTIFY), or nobody heard (the poll).
 * Reading from the log rather than trusting in-process callbacks is what keeps the order: a later local commit
 * can never be applied before an earlier remote one.
 */
export class EventFollower {
  #lastSeq: number;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #listener: pg.Client | null = null;
  #stopped = false;
  readonly #listeners = new Set<(event: Change) => void>();

  constructor(
    private readonly db: Kysely<Database>,
    startSeq: number,
    private readonly onEvent: (event: Change) => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.#lastSeq = startSeq;
  }

  /** The seq of the last event handed on: listeners have had every event up to it, and no later one. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /**
   * Hands every later event to `listener` too, after `onEvent`. Events go out synchronously as `lastSeq` moves,
   * so a subscriber that reads `lastSeq` and subscribes in one tick misses nothing after it and gets nothing
   * before it: the change stream's gap-free join rests on this.
   */
  subscribe(listener: (event: Change) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads every event after the last one handed on; resolves once `seq` (if given) has been reached. */
  async catchUp(seq = 0): Promise<void> {
    do {
      if (this.#running) {
        this.#again = true;
        await this.#running;
      } else {
        this.#running = this.#drain().finally(() => {
          this.#running = null;
        });
        await this.#running;
      }
    } while (this.#lastSeq < seq && !this.#stopped);
  }

  async #drain(): Promise<void> {
    do {
      this.#again = false;
      try {
        for (;;) {
          const rows = await eventLog.after(this.db, this.#lastSeq, BATCH);
          for (const row of rows) {
            this.#lastSeq = row.seq;
            const event: Change = { seq: row.seq, appId: row.app_id, type: row.type, app: appOfRow(row) };
            this.onEvent(event);
            for (const listener of this.#listeners) {
              try {
                listener(event);
              } catch (e) {
                this.onError(e);
              }
            }
          }
          if (rows.length < BATCH) break;
        }
      } catch (e) {
        this.onError(e);
        return;
      }
    } while (this.#again);
  }

  /** Polls as a safety net, and on PostgreSQL listens for NOTIFY from every instance. */
  async start(options: { pollMs: number; postgresUrl?: string | undefined }): Promise<void> {
    this.#timer = setInterval(() => void this.catchUp(), options.pollMs);
    this.#timer.unref();
    if (options.postgresUrl) await this.#listen(options.postgresUrl);
  }

  async #listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', () => void this.catchUp());
    client.on('error', (e) => {
      this.onError(e);
      this.#listener = null;
      // The poll covers the gap; try to listen again shortly.
      if (!this.#stopped) setTimeout(() => void this.#listen(url).catch(this.onError), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${EVENTS_CHANNEL}`);
    this.#listener = client;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    await this.#listener?.end().catch(() => {});
  }
}
