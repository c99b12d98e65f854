import {
  assessHealth,
  DomainError,
  estimateUsers,
  type HealthOptions,
  type HealthStretch,
  mergeUserSketch,
  newUserSketch,
  userSketchFromHex,
} from '@minirelease/core';
import type { Health } from '@minirelease/core/wire';
import type { Kysely } from 'kysely';
import { type EventMinuteRow, eventMinuteStore } from '../storage/event-minute-store.js';
import type { Database } from '../storage/schema.js';
import { healthSeries } from './health-series.js';

export interface HealthQuery {
  appId: string;
  version: string;
  /** Epoch ms of the window's first minute; default a day back. */
  from?: number;
  badRatio?: number;
  minLaunches?: number;
  /** Leave out the series (the ticker decides from the totals; only people read the series). Default false. */
  withoutSeries?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Gray against stable over the same minutes (DESIGN §10): this version's `gray` minutes against the app's
 * `stable` minutes (whatever version stable was), one stretch per minute, judged by core's `assessHealth`.
 */
export class HealthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async health(q: HealthQuery): Promise<Health> {
    const version = await this.db
      .selectFrom('versions')
      .select(['gray_basis_points', 'status'])
      .where('app_id', '=', q.appId)
      .where('version', '=', q.version)
      .executeTakeFirst();
    if (!version) {
      throw new DomainError('VERSION_NOT_FOUND', `no version ${q.version} of ${q.appId}`, {
        appId: q.appId,
        version: q.version,
      });
    }
    const nowMs = this.now().getTime();
    const to = nowMs - (nowMs % 60_000) + 60_000;
    const from = q.from ?? to - DAY_MS;
    const [gray, stable] = await Promise.all([
      eventMinuteStore.range(this.db, { appId: q.appId, version: q.version, channel: 'gray', from, to }),
      eventMinuteStore.range(this.db, { appId: q.appId, channel: 'stable', from, to }),
    ]);
    const bp =
      version.status === 'GRAY'
        ? (version.gray_basis_points ?? 0)
        : version.status === 'RELEASE'
          ? 10_000
          : 0;
    // Each minute is judged against the share the version had in it, read from its audit records: a plan
    // widens inside the window, and the share it has now would make every earlier minute look short of gray.
    const shareAt = shareHistory(await grayMoves(this.db, q.appId, q.version), bp);
    const options: HealthOptions = { updatedAt: new Date(nowMs).toISOString() };
    if (q.badRatio !== undefined) options.badRatio = q.badRatio;
    if (q.minLaunches !== undefined) options.minLaunches = q.minLaunches;
    const health = assessHealth(stretchesOf(gray, stable, shareAt), options);
    return {
      ...health,
      distinctUsers: { gray: usersOf(gray), stable: usersOf(stable) },
      ...(q.withoutSeries ? {} : { series: healthSeries(gray, stable, to) }),
    };
  }
}

/** One stretch per minute with data; stable rows of several versions in one minute are added up. */
export function stretchesOf(
  gray: readonly EventMinuteRow[],
  stable: readonly EventMinuteRow[],
  grayBasisPoints: number | ((minute: number) => number),
): HealthStretch[] {
  const byMinute = new Map<number, HealthStretch>();
  const shareAt = typeof grayBasisPoints === 'number' ? () => grayBasisPoints : grayBasisPoints;
  const at = (minute: number) => {
    let s = byMinute.get(minute);
    if (s === undefined) {
      s = {
        grayBasisPoints: shareAt(minute),
        gray: { launches: 0, errors: 0, crashes: 0, feedback: 0 },
        stable: { launches: 0, errors: 0, crashes: 0, feedback: 0 },
      };
      byMinute.set(minute, s);
    }
    return s;
  };
  const add = (side: 'gray' | 'stable', r: EventMinuteRow) => {
    const s = at(Number(r.minute))[side];
    s.launches += r.launches;
    s.errors += r.errors;
    s.crashes += r.crashes;
    s.feedback += r.feedback;
  };
  for (const r of gray) add('gray', r);
  for (const r of stable) add('stable', r);
  return [...byMinute.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
}

function usersOf(rows: readonly EventMinuteRow[]): number {
  const sketch = newUserSketch();
  for (const r of rows) mergeUserSketch(sketch, userSketchFromHex(r.users));
  return estimateUsers(sketch);
}

/** A version's gray share changes (gray, cancel-gray, publish) in the order they were written. */
async function grayMoves(db: Kysely<Database>, appId: string, version: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'details', 'at'])
    .where('app_id', '=', appId)
    .where('version', '=', version)
    .where('action', 'in', ['gray', 'cancel-gray', 'publish'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    atMs: Date.parse(r.at),
    bp:
      r.action === 'gray'
        ? Math.round(((JSON.parse(r.details ?? '{}') as { percentage?: number }).percentage ?? 0) * 100)
        : r.action === 'publish'
          ? 10_000
          : 0,
  }));
}

/**
 * The share in effect at the end of each minute (a move inside a minute counts for all of it); without any
 * recorded move, the share the version has now.
 */
export function shareHistory(
  moves: readonly { atMs: number; bp: number }[],
  current: number,
): (minute: number) => number {
  if (moves.length === 0) return () => current;
  return (minute) => {
    let bp = 0;
    for (const m of moves) {
      if (m.atMs >= minute + 60_000) break;
      bp = m.bp;
    }
    return bp;
  };
}
