import type { AppRole } from '@minirelease/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface MemberRow {
  principal: string;
  role: AppRole;
}

/** App members, experiencers and qualifications: the people and papers around an app. */
export const memberStore = {
  async list(db: Kysely<Database>, appId: string): Promise<MemberRow[]> {
    return db
      .selectFrom('members')
      .select(['principal', 'role'])
      .where('app_id', '=', appId)
      .orderBy('principal')
      .execute();
  },

  async roleOf(db: Kysely<Database>, appId: string, principal: string): Promise<AppRole | undefined> {
    const row = await db
      .selectFrom('members')
      .select('role')
      .where('app_id', '=', appId)
      .where('principal', '=', principal)
      .executeTakeFirst();
    return row?.role;
  },

  async put(db: Kysely<Database>, appId: string, principal: string, role: AppRole): Promise<void> {
    await db
      .insertInto('members')
      .values({ app_id: appId, principal, role })
      .onConflict((oc) => oc.columns(['app_id', 'principal']).doUpdateSet({ role }))
      .execute();
  },

  async remove(db: Kysely<Database>, appId: string, principal: string): Promise<number> {
    const r = await db
      .deleteFrom('members')
      .where('app_id', '=', appId)
      .where('principal', '=', principal)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async experiencers(db: Kysely<Database>, appId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('experiencers')
      .select('user_id')
      .where('app_id', '=', appId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  },

  /** The members of many apps in one query, for a page of apps. */
  async listForApps(
    db: Kysely<Database>,
    appIds: readonly string[],
  ): Promise<(MemberRow & { app_id: string })[]> {
    if (appIds.length === 0) return [];
    return db
      .selectFrom('members')
      .select(['app_id', 'principal', 'role'])
      .where('app_id', 'in', appIds)
      .orderBy('app_id')
      .orderBy('principal')
      .execute();
  },

  async experiencersForApps(
    db: Kysely<Database>,
    appIds: readonly string[],
  ): Promise<{ app_id: string; user_id: string }[]> {
    if (appIds.length === 0) return [];
    return db
      .selectFrom('experiencers')
      .select(['app_id', 'user_id'])
      .where('app_id', 'in', appIds)
      .orderBy('app_id')
      .orderBy('user_id')
      .execute();
  },

  async setExperiencers(db: Kysely<Database>, appId: string, userIds: readonly string[]): Promise<void> {
    await db.deleteFrom('experiencers').where('app_id', '=', appId).execute();
    if (userIds.length > 0) {
      await db
        .insertInto('experiencers')
        .values(userIds.map((user_id) => ({ app_id: appId, user_id })))
        .execute();
    }
  },
};
