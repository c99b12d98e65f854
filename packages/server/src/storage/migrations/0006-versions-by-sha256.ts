import { type Kysely, type Migration, sql } from 'kysely';

/** `GET /v1/packages/:sha256` asks which versions a package is on each time (services/package-access.ts). */
export const versionsBySha256Migration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index versions_by_sha256 on versions (sha256)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index versions_by_sha256`.execute(db);
  },
};
