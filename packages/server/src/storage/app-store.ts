import type { Kysely, Selectable } from 'kysely';
import type { AppTable, Database } from './schema.js';

export type AppRow = Selectable<AppTable>;

/** Apps; every function works on the database or inside a transaction. */
export const appStore = {
  async insert(db: Kysely<Database>, row: AppRow): Promise<void> {
    await db.insertInto('apps').values(row).execute();
  },

  async get(db: Kysely<Database>, appId: string): Promise<AppRow | undefined> {
    return db.selectFrom('apps').selectAll().where('app_id', '=', appId).executeTakeFirst();
  },

  /**
   * Bumps the revision first thing in a write: the row lock it takes serialises writers of one app on
   * PostgreSQL, so everything read after it is current. Returns the new revision, or undefined if no such app.
   */
  async bumpRevision(db: Kysely<Database>, appId: string, now: string): Promise<number | undefined> {
    const row = await db
      .updateTable('apps')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now }))
      .where('app_id', '=', appId)
      .returning('revision')
      .executeTakeFirst();
    return row?.revision;
  },

  async update(
    db: Kysely<Database>,
    appId: string,
    patch: { [K in keyof Omit<AppRow, 'app_id'>]?: AppRow[K] | undefined },
  ): Promise<void> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return;
    await db.updateTable('apps').set(set).where('app_id', '=', appId).execute();
  },

  /** Apps in appId order after a cursor; `visibleTo` limits them to a principal's memberships. */
  async list(
    db: Kysely<Database>,
    options: { after?: string | undefined; limit: number; visibleTo?: string | undefined },
  ): Promise<AppRow[]> {
    let q = db.selectFrom('apps').selectAll('apps').orderBy('apps.app_id').limit(options.limit);
    if (options.after !== undefined) q = q.where('apps.app_id', '>', options.after);
    if (options.visibleTo !== undefined) {
      const principal = options.visibleTo;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('members')
            .select('members.app_id')
            .whereRef('members.app_id', '=', 'apps.app_id')
            .where('members.principal', '=', principal),
        ),
      );
    }
    return q.execute();
  },
};
