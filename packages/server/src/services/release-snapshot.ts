import type { AppRelease } from '@minirelease/core';
import type { Kysely } from 'kysely';
import { appStore } from '../storage/app-store.js';
import { eventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import { loadRelease } from './release-state.js';

/** Every app's release state at one position of the event log. */
export interface ReleaseState {
  readonly seq: number;
  readonly apps: AppRelease[];
}

/**
 * The release state of every app at the current end of the event log, read in one transaction. Repeatable read
 * on PostgreSQL (SQLite's one connection is already exclusive), so `seq` and the apps come from one moment:
 * no change committed after `seq` shows in the apps.
 */
export async function loadReleaseState(db: Kysely<Database>): Promise<ReleaseState> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const seq = await eventStore.lastSeq(tx);
      const ids = (await appStore.allIds(tx)).sort();
      const releases = await Promise.all(ids.map((id) => loadRelease(tx, id)));
      return { seq, apps: releases.filter((r) => r !== null) };
    });
}
