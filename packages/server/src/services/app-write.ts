import { type ChangedApp, DomainError } from '@minirelease/core';
import { type Kysely, sql } from 'kysely';
import type { ChangeFeed } from '../changes/change-feed.js';
import { EVENTS_CHANNEL } from '../changes/event-follower.js';
import { eventLog } from '../changes/event-log.js';
import { type AppRow, appStore } from '../storage/app-store.js';
import { auditStore, type NewAudit } from '../storage/audit-store.js';
import type { Database } from '../storage/schema.js';
import { loadAppRelease } from './app-release.js';

export interface WriteDeps {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly feed: ChangeFeed;
  readonly now: () => Date;
}

export interface WriteContext {
  readonly tx: Kysely<Database>;
  /** The app as it is inside the write, its revision already bumped. */
  readonly app: AppRow;
  readonly now: string;
  readonly actor: string;
}

export type AuditEntry = Omit<NewAudit, 'app_id' | 'actor' | 'at'>;

export interface WriteOutcome<T> {
  readonly result: T;
  readonly audit: readonly AuditEntry[];
  readonly eventType: string;
  /** The write changed members or experiencers: its change event carries the insiders (docs/adr/0008). */
  readonly insidersChanged?: boolean;
}

/**
 * The one way an app changes: in one transaction, bump its revision (checking the caller's expected revision),
 * run the change, append its audit records and one change event with the app's release state after it.
 * A refusal or a crash anywhere rolls all of it back. Listeners hear of it only after commit.
 */
export async function writeApp<T>(
  deps: WriteDeps,
  appId: string,
  actor: string,
  expectedRevision: number | undefined,
  body: (ctx: WriteContext) => Promise<WriteOutcome<T>>,
): Promise<T> {
  const committed = await deps.db.transaction().execute(async (tx) => {
    const now = deps.now().toISOString();
    const revision = await appStore.bumpRevision(tx, appId, now);
    if (revision === undefined) throw new DomainError('APP_NOT_FOUND', `no app ${appId}`, { appId });
    if (expectedRevision !== undefined && revision - 1 !== expectedRevision) {
      throw new DomainError(
        'CONFLICT',
        `${appId} changed since you read it: you expected revision ${expectedRevision}, it is ${revision - 1}; read it again`,
        { expectedRevision, currentRevision: revision - 1 },
      );
    }
    const app = (await appStore.get(tx, appId))!;
    const outcome = await body({ tx, app, now, actor });
    for (const entry of outcome.audit)
      await auditStore.append(tx, { ...entry, app_id: appId, actor, at: now });
    // Without its insiders unless they changed: resolvers keep theirs (docs/adr/0008).
    const release: ChangedApp = (await loadAppRelease(tx, appId, {
      insiders: outcome.insidersChanged === true,
    }))!;
    const seq = await eventLog.append(tx, {
      appId,
      type: outcome.eventType,
      payload: JSON.stringify(release),
      at: now,
    });
    await notify(deps, tx, seq);
    return { outcome, seq, release };
  });
  await deps.feed.publish({
    seq: committed.seq,
    appId,
    type: committed.outcome.eventType,
    app: committed.release,
  });
  return committed.outcome.result;
}

/** Creating an app is the one write with no revision to bump: insert, owner, audit and event together. */
export async function createAppRow(deps: WriteDeps, row: AppRow, owner: string): Promise<void> {
  const committed = await insertApp(deps, row, owner).catch((e: unknown) => {
    // Two creates racing for one id: the loser hits the primary key, which is the same answer as the check.
    if (isUniqueViolation(e))
      throw new DomainError('APP_EXISTS', `an app ${row.app_id} exists already`, { appId: row.app_id });
    throw e;
  });
  await deps.feed.publish({
    seq: committed.seq,
    appId: row.app_id,
    type: 'create',
    app: committed.release,
  });
}

/** Tells every API instance on this PostgreSQL that the log grew; delivered at commit, never for a rollback. */
async function notify(deps: WriteDeps, tx: Kysely<Database>, seq: number): Promise<void> {
  if (deps.dialect === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, ${String(seq)})`.execute(tx);
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function insertApp(deps: WriteDeps, row: AppRow, owner: string) {
  return deps.db.transaction().execute(async (tx) => {
    if (await appStore.get(tx, row.app_id)) {
      throw new DomainError('APP_EXISTS', `an app ${row.app_id} exists already`, { appId: row.app_id });
    }
    await appStore.insert(tx, row);
    await tx.insertInto('members').values({ app_id: row.app_id, principal: owner, role: 'owner' }).execute();
    await auditStore.append(tx, {
      app_id: row.app_id,
      version: null,
      action: 'create',
      actor: owner,
      from_status: null,
      to_status: row.visibility,
      reason: null,
      details: JSON.stringify({ name: row.name, brand: row.brand, category: row.category }),
      at: row.created_at,
    });
    const release = (await loadAppRelease(tx, row.app_id))!;
    const seq = await eventLog.append(tx, {
      appId: row.app_id,
      type: 'create',
      payload: JSON.stringify(release),
      at: row.created_at,
    });
    await notify(deps, tx, seq);
    return { seq, release };
  });
}
