import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditTable, Database } from './schema.js';

export type AuditRow = Selectable<AuditTable>;
export type NewAudit = Insertable<AuditTable>;

export const auditStore = {
  async append(db: Kysely<Database>, record: NewAudit): Promise<void> {
    await db.insertInto('audit_log').values(record).execute();
  },

  /** Newest first; `before` is the id of the last record of the previous page. */
  async list(
    db: Kysely<Database>,
    appId: string,
    options: { before?: number | undefined; limit: number },
  ): Promise<AuditRow[]> {
    let q = db
      .selectFrom('audit_log')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.before !== undefined) q = q.where('id', '<', options.before);
    return q.execute();
  },
};
