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

export interface HealthQuery {
  appId: string;
  version: string;
  /** Epoch ms of the window's first minute; default a day back. */
  from?: number;
  badRatio?: number;
  minLaunches?: number;
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
    // The share the version has now stands for the whole window; a widening inside it shows as a lower
    // observed share, which the sample-ratio check's 2× margin absorbs (docs/gray-health.md).
    const bp =
      version.status === 'GRAY'
        ? (version.gray_basis_points ?? 0)
        : version.status === 'RELEASE'
          ? 10_000
          : 0;
    const options: HealthOptions = { updatedAt: new Date(nowMs).toISOString() };
    if (q.badRatio !== undefined) options.badRatio = q.badRatio;
    if (q.minLaunches !== undefined) options.minLaunches = q.minLaunches;
    const health = assessHealth(stretchesOf(gray, stable, bp), options);
    return { ...health, distinctUsers: { gray: usersOf(gray), stable: usersOf(stable) } };
  }
}

/** One stretch per minute with data; stable rows of several versions in one minute are added up. */
export function stretchesOf(
  gray: readonly EventMinuteRow[],
  stable: readonly EventMinuteRow[],
  grayBasisPoints: number,
): HealthStretch[] {
  const byMinute = new Map<number, HealthStretch>();
  const at = (minute: number) => {
    let s = byMinute.get(minute);
    if (s === undefined) {
      s = {
        grayBasisPoints,
        gray: { launches: 0, errors: 0, crashes: 0, feedback: 0 },
        stable: { launches: 0, errors: 0, crashes: 0, feedback: 0 },
      };
      byMinute.set(minute, s);
    }
    return s;
  };
  const add = (side: 'gray' | 'stable', r: EventMinuteRow) => {
    const s = at(r.minute)[side];
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
