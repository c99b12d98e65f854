import { DomainError } from '@minirelease/core';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { memberStore } from '../storage/member-store.js';
import type { Database } from '../storage/schema.js';
import { versionStore } from '../storage/version-store.js';

/**
 * Whoever uploaded or submitted a version never reviews it, whatever their membership is now (leaving the app,
 * a changed role or another token of the same principal change nothing), and a member of the app never reviews
 * it. Runs inside the review's write transaction, so a membership change racing the review cannot slip between
 * the check and the write (docs/architecture.md, "Roles" and "The write path").
 *
 * An admin is not held to either rule: on a one-person platform (`minirelease start`) the admin is the only
 * reviewer there is; the audit log says who reviewed.
 */
export async function assertMayReview(
  tx: Kysely<Database>,
  principal: Principal,
  appId: string,
  version: string,
): Promise<void> {
  const who = principal.principal;
  if (principal.roles.includes('admin')) return;
  const row = await versionStore.get(tx, appId, version);
  if (row) {
    const authors = new Set([row.created_by, row.submitted_by]);
    // An earlier submission (before a cancel-review or a rejection) counts as much as the latest one.
    const submitters = await tx
      .selectFrom('audit_log')
      .select('actor')
      .where('app_id', '=', appId)
      .where('version', '=', version)
      .where('action', 'in', ['upload', 'submit'])
      .where('actor', '=', who)
      .executeTakeFirst();
    if (authors.has(who) || submitters !== undefined) {
      throw new DomainError(
        'SELF_REVIEW',
        `${who} uploaded or submitted ${appId} ${version} and may not review it; another reviewer must`,
        { version, principal: who },
      );
    }
  }
  if ((await memberStore.roleOf(tx, appId, who)) !== undefined) {
    throw new DomainError('FORBIDDEN', `${who} is a member of ${appId} and may not review it`, {
      needed: 'a reviewer who is not a member',
    });
  }
}
