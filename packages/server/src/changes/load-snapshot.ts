import type { AppRelease } from '@minirelease/core';
import type { Kysely } from 'kysely';
import { releaseOf } from '../services/app-release.js';
import type { Database } from '../storage/schema.js';
import type { VersionRow } from '../storage/version-store.js';
import { eventLog } from './event-log.js';

/** Every app's release state at one position of the event log. */
export interface Snapshot {
  readonly seq: number;
  readonly apps: AppRelease[];
}

/**
 * The release state of every app at the current end of the event log, read in one transaction. Repeatable read
 * on PostgreSQL (SQLite's one connection is already exclusive), so `seq` and the apps come from one moment:
 * no change committed after `seq` shows in the apps. Four queries whatever the number of apps (a process
 * starting over a million apps must not ask four million).
 */
export async function loadSnapshot(db: Kysely<Database>): Promise<Snapshot> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const seq = await eventLog.lastSeq(tx);
      const apps = await tx.selectFrom('apps').selectAll().execute();
      // In code-unit order, as before: a database's collation may order `-` otherwise.
      apps.sort((a, b) => (a.app_id < b.app_id ? -1 : a.app_id > b.app_id ? 1 : 0));
      // Only the versions a release state names: live, gray, and the experience version.
      const versions = await tx
        .selectFrom('versions')
        .innerJoin('apps', 'apps.app_id', 'versions.app_id')
        .selectAll('versions')
        .where((eb) =>
          eb.or([
            eb('versions.status', 'in', ['RELEASE', 'GRAY']),
            eb('versions.version', '=', eb.ref('apps.experience_version')),
          ]),
        )
        .execute();
      const members = await tx.selectFrom('members').select(['app_id', 'principal']).execute();
      const experiencers = await tx.selectFrom('experiencers').select(['app_id', 'user_id']).execute();
      const versionsOf = groupBy(versions, (v) => v.app_id);
      const membersOf = groupBy(members, (m) => m.app_id);
      const experiencersOf = groupBy(experiencers, (e) => e.app_id);
      return {
        seq,
        apps: apps.map((app) =>
          releaseOf(
            app,
            versionsOf.get(app.app_id) ?? NONE,
            (membersOf.get(app.app_id) ?? []).map((m) => m.principal),
            (experiencersOf.get(app.app_id) ?? []).map((e) => e.user_id),
          ),
        ),
      };
    });
}

const NONE: readonly VersionRow[] = [];

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
