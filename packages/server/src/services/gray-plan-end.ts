import type { Transition } from '@minirelease/core';
import { grayPlanStore, OPEN_PLAN_STATES } from '../storage/gray-plan-store.js';
import type { AuditEntry, WriteContext } from './app-write.js';
import { planAudit } from './gray-plan-service.js';

/**
 * A person moved a version (gray, cancel-gray, publish, or any other step): its open plan ends in the same
 * transaction, audited with the move that ended it, so the ticker never fights a person (DESIGN §10).
 */
export async function endOpenPlans(ctx: WriteContext, t: Transition): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const versions = new Set(t.changes.map((c) => c.version));
  for (const version of versions) {
    const row = await grayPlanStore.get(ctx.tx, ctx.app.app_id, version);
    if (!row || !(OPEN_PLAN_STATES as readonly string[]).includes(row.state)) continue;
    await grayPlanStore.update(ctx.tx, ctx.app.app_id, version, {
      state: 'ended',
      last_decision: `ended by ${t.action} of ${ctx.actor}`,
      updated_at: ctx.now,
    });
    audit.push(planAudit(version, 'gray-plan-end', row.state, 'ended', `ended by ${t.action}`, null));
  }
  return audit;
}
