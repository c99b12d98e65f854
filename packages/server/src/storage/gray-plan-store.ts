import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, GrayPlanTable } from './schema.js';

export type GrayPlanRow = Selectable<GrayPlanTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** The states in which a plan still acts or waits for a person: a manual move of its version ends it. */
export const OPEN_PLAN_STATES = ['active', 'paused', 'halted'] as const;

/** Gray plans as rows (DESIGN §10): the plan and its progress survive restarts and are shared by instances. */
export const grayPlanStore = {
  async get(db: Db, appId: string, version: string): Promise<GrayPlanRow | undefined> {
    return db
      .selectFrom('gray_plans')
      .selectAll()
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  /** Sets the plan of a version, replacing one it had. */
  async put(db: Db, row: GrayPlanRow): Promise<void> {
    const { app_id: _a, version: _v, ...rest } = row;
    await db
      .insertInto('gray_plans')
      .values(row)
      .onConflict((oc) => oc.columns(['app_id', 'version']).doUpdateSet(rest))
      .execute();
  },

  async update(
    db: Db,
    appId: string,
    version: string,
    patch: Partial<Omit<GrayPlanRow, 'app_id' | 'version'>>,
  ): Promise<void> {
    await db
      .updateTable('gray_plans')
      .set(patch)
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .execute();
  },

  /** The open plans of some apps (one query for a page of apps), newest first. */
  async openForApps(db: Db, appIds: readonly string[]) {
    if (appIds.length === 0) return [];
    return db
      .selectFrom('gray_plans')
      .select(['app_id', 'version', 'state'])
      .where('app_id', 'in', appIds)
      .where('state', 'in', OPEN_PLAN_STATES)
      .orderBy('updated_at', 'desc')
      .execute();
  },

  /** Every plan the ticker acts on, oldest first. */
  async active(db: Db): Promise<GrayPlanRow[]> {
    return db
      .selectFrom('gray_plans')
      .selectAll()
      .where('state', '=', 'active')
      .orderBy('started_at')
      .orderBy('app_id')
      .execute();
  },
};
