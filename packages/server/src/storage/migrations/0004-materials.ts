import type { Kysely, Migration } from 'kysely';

/**
 * Review materials (screenshots) an app uploaded: the bytes live in the blob store by SHA-256, this row binds a
 * blob to the app, so an app's members and reviewers read its materials and nobody else's
 * (docs/architecture.md, "Materials").
 */
export function materialsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('materials')
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.app_id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('materials_pk', ['app_id', 'sha256'])
        .execute();
    },
  };
}
