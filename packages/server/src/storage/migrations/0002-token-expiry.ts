import type { Kysely, Migration } from 'kysely';

/**
 * Tokens may expire (`expires_at`, ISO time, null for never). `last_used_at` exists since 0001; it is now
 * written at most once a minute per token (auth/guard.ts). Both dialects take the same ALTER.
 */
export const tokenExpiryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tokens').addColumn('expires_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('tokens').dropColumn('expires_at').execute();
  },
};
