import { createHash } from 'node:crypto';
import {
  addUser,
  type CountedEvent,
  checkHostEvent,
  DomainError,
  newUserSketch,
  userSketchToHex,
} from '@minirelease/core';
import type { HostEventsAnswer, RejectedEvent } from '@minirelease/core/wire';
import type { Kysely, Transaction } from 'kysely';
import { type EventMinuteRow, eventMinuteStore } from '../storage/event-minute-store.js';
import type { Database } from '../storage/schema.js';

/** DESIGN §10: at most 1,000 events a batch (the route also caps the body at 1 MB). */
export const MAX_EVENTS_PER_BATCH = 1_000;
/** Replays are recognised for at least a day (DESIGN §10: kept ≥ 24 h); two, to cover a host's long outage. */
const BATCH_RETENTION_MS = 48 * 3_600_000;

export interface IngestResult {
  answer: HostEventsAnswer;
  /** The batch id was seen before: nothing was counted again. */
  replayed: boolean;
}

/**
 * Counts host events into per-minute rows (DESIGN §10; docs/gray-health.md). One transaction per batch: the
 * batch id is claimed first, so a replay — concurrent or a day later — counts nothing and gets the first answer.
 */
export class HostEventService {
  private lastPurge = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly retentionDays = 30,
  ) {}

  async ingest(keyId: string, idempotencyKey: string, events: readonly unknown[]): Promise<IngestResult> {
    if (events.length > MAX_EVENTS_PER_BATCH) {
      throw new DomainError('VALIDATION_FAILED', `at most ${MAX_EVENTS_PER_BATCH} events a batch`, {
        field: 'events',
      });
    }
    const bodySha256 = createHash('sha256').update(JSON.stringify(events)).digest('hex');
    const nowMs = this.now().getTime();
    const result = await this.db.transaction().execute(async (trx) => {
      const claimed = await eventMinuteStore.claimBatch(trx, {
        key_id: keyId,
        idempotency_key: idempotencyKey,
        body_sha256: bodySha256,
        answer: '',
        received_at: new Date(nowMs).toISOString(),
      });
      if (!claimed) return this.replay(trx, keyId, idempotencyKey, bodySha256);
      const answer = await this.count(trx, events, nowMs);
      await eventMinuteStore.setBatchAnswer(trx, keyId, idempotencyKey, JSON.stringify(answer));
      return { answer, replayed: false };
    });
    await this.purgeHourly(nowMs);
    return result;
  }

  private async replay(
    trx: Transaction<Database>,
    keyId: string,
    idempotencyKey: string,
    bodySha256: string,
  ): Promise<IngestResult> {
    const stored = await eventMinuteStore.batch(trx, keyId, idempotencyKey);
    if (stored === undefined || stored.body_sha256 !== bodySha256) {
      throw new DomainError('CONFLICT', `batch ${idempotencyKey} was sent before with other events`, {
        idempotencyKey,
      });
    }
    return { answer: JSON.parse(stored.answer) as HostEventsAnswer, replayed: true };
  }

  private async count(trx: Transaction<Database>, events: readonly unknown[], nowMs: number) {
    const rejected: RejectedEvent[] = [];
    const checked: { index: number; event: CountedEvent }[] = [];
    events.forEach((raw, index) => {
      const c = checkHostEvent(raw, nowMs);
      if (c.ok) checked.push({ index, event: c.event });
      else rejected.push({ index, code: c.code });
    });
    const known = await this.knownVersions(
      trx,
      checked.map((c) => c.event.app),
    );
    const rows = new Map<string, EventMinuteRow & { sketch: Uint8Array }>();
    for (const { index, event } of checked) {
      const versions = known.get(event.app);
      if (versions === undefined) {
        rejected.push({ index, code: 'APP_NOT_FOUND' });
        continue;
      }
      if (!versions.has(event.version)) {
        rejected.push({ index, code: 'VERSION_NOT_FOUND' });
        continue;
      }
      const key = `${event.app}\u0000${event.version}\u0000${event.channel}\u0000${event.minute}`;
      let row = rows.get(key);
      if (row === undefined) {
        row = {
          app_id: event.app,
          version: event.version,
          channel: event.channel,
          minute: event.minute,
          launches: 0,
          errors: 0,
          crashes: 0,
          feedback: 0,
          users: '',
          sketch: newUserSketch(),
        };
        rows.set(key, row);
      }
      if (event.type === 'launch') row.launches++;
      else if (event.type === 'error') row.errors++;
      else if (event.type === 'crash') row.crashes++;
      else row.feedback++;
      addUser(row.sketch, event.user);
    }
    await eventMinuteStore.add(
      trx,
      [...rows.values()].map(({ sketch, ...row }) => ({ ...row, users: userSketchToHex(sketch) })),
    );
    rejected.sort((a, b) => a.index - b.index);
    return { accepted: events.length - rejected.length, rejected };
  }

  /** The versions of each app named in the batch: two small queries, whatever the batch's size. */
  private async knownVersions(trx: Transaction<Database>, apps: readonly string[]) {
    const unique = [...new Set(apps)];
    const known = new Map<string, Set<string>>();
    if (unique.length === 0) return known;
    const appRows = await trx.selectFrom('apps').select('app_id').where('app_id', 'in', unique).execute();
    for (const a of appRows) known.set(a.app_id, new Set());
    const versionRows = await trx
      .selectFrom('versions')
      .select(['app_id', 'version'])
      .where('app_id', 'in', unique)
      .execute();
    for (const v of versionRows) known.get(v.app_id)?.add(v.version);
    return known;
  }

  /** Retention (default 30 days of minutes; batches two days), at most once an hour per process. */
  async purgeHourly(nowMs: number): Promise<void> {
    if (nowMs - this.lastPurge < 3_600_000) return;
    this.lastPurge = nowMs;
    await this.purge(nowMs);
  }

  purge(nowMs: number): Promise<{ minutes: number; batches: number }> {
    return eventMinuteStore.purge(
      this.db,
      nowMs - this.retentionDays * 86_400_000,
      new Date(nowMs - BATCH_RETENTION_MS).toISOString(),
    );
  }
}
