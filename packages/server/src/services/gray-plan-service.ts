import {
  assertActionAllowed,
  basisPointsToPercentage,
  DomainError,
  type GrayPlanAction,
  grayPlanStepsProblem,
  parsePercentage,
} from '@minirelease/core';
import type { GrayPlan, GrayPlanRequest, GrayPlanState } from '@minirelease/core/wire';
import { type GrayPlanRow, grayPlanStore } from '../storage/gray-plan-store.js';
import { versionStore } from '../storage/version-store.js';
import { type AuditEntry, type WriteContext, type WriteDeps, writeApp } from './app-write.js';

/** DESIGN §10: a gray step is 2× worse unless told otherwise. */
export const DEFAULT_BAD_RATIO = 2;

/**
 * Gray plans set by a person (DESIGN §10; docs/gray-health.md "The plan"): PUT, pause, resume. Each is one app
 * write (revision, audit record, change event), so `If-Match` guards it like any pipeline step and the audit log
 * shows who set which plan. The ticker moves the plan on; a person's gray, cancel-gray or publish ends it
 * (`PipelineService`).
 */
export class GrayPlanService {
  constructor(private readonly deps: WriteDeps) {}

  async get(appId: string, version: string): Promise<GrayPlan> {
    return grayPlanToWire(await mustGet(this.deps.db, appId, version));
  }

  set(
    actor: string,
    appId: string,
    version: string,
    request: GrayPlanRequest,
    expectedRevision?: number,
  ): Promise<GrayPlan> {
    const steps = request.steps.map((p) => {
      try {
        return parsePercentage(p);
      } catch {
        throw new DomainError('VALIDATION_FAILED', `steps: ${p} is no percentage in (0, 100]`, {
          field: 'steps',
        });
      }
    });
    const problem = grayPlanStepsProblem(steps);
    if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: 'steps' });
    return writeApp(this.deps, appId, actor, expectedRevision, async (ctx) => {
      const v = await versionStore.get(ctx.tx, appId, version);
      if (!v)
        throw new DomainError('VERSION_NOT_FOUND', `no version ${version} of ${appId}`, { appId, version });
      // A plan drives gray: it starts from an approved version or one already in gray, as `gray` does.
      assertActionAllowed(appId, { version, status: v.status, grayBasisPoints: v.gray_basis_points }, 'gray');
      const current = v.status === 'GRAY' ? (v.gray_basis_points ?? 0) : 0;
      const last = steps.at(-1) as number;
      if (current > last) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `${version} is at ${basisPointsToPercentage(current)} % already; the last step must be at least that (gray never narrows)`,
          { field: 'steps', currentPercentage: basisPointsToPercentage(current) },
        );
      }
      const before = await grayPlanStore.get(ctx.tx, appId, version);
      const row: GrayPlanRow = {
        app_id: appId,
        version,
        steps: JSON.stringify(steps),
        soak_minutes: request.soakMinutes,
        min_launches: request.minLaunches,
        bad_ratio: request.badRatio ?? DEFAULT_BAD_RATIO,
        on_degraded: request.onDegraded ?? 'halt',
        publish_at_end: request.publishAtEnd ? 1 : 0,
        state: 'active',
        // The first step at or above the share it has: a plan over a running gray never narrows it.
        step_index: steps.findIndex((s) => s >= current),
        step_started_at: ctx.now,
        started_at: ctx.now,
        last_decision: null,
        updated_at: ctx.now,
      };
      await grayPlanStore.put(ctx.tx, row);
      const plan = grayPlanToWire(row);
      return {
        result: plan,
        audit: [planAudit(version, 'gray-plan', before?.state ?? null, 'active', null, plan)],
        eventType: 'gray-plan',
      };
    });
  }

  /** Stops the ticker from acting on the plan; the version keeps its share. */
  pause(actor: string, appId: string, version: string, expectedRevision?: number): Promise<GrayPlan> {
    return this.move(actor, appId, version, expectedRevision, 'gray-plan-pause', ['active'], () => ({
      state: 'paused',
    }));
  }

  /**
   * Lets the ticker act again. A halted plan resumes with a fresh test from now: a person looked at the evidence
   * and decided to go on, and the minutes that halted it would halt it again at once.
   */
  resume(actor: string, appId: string, version: string, expectedRevision?: number): Promise<GrayPlan> {
    return this.move(
      actor,
      appId,
      version,
      expectedRevision,
      'gray-plan-resume',
      ['paused', 'halted'],
      (row, now) =>
        row.state === 'halted'
          ? { state: 'active', started_at: now, step_started_at: now, last_decision: null }
          : { state: 'active' },
    );
  }

  private move(
    actor: string,
    appId: string,
    version: string,
    expectedRevision: number | undefined,
    action: GrayPlanAction,
    from: readonly GrayPlanState[],
    patch: (row: GrayPlanRow, now: string) => Partial<GrayPlanRow>,
  ): Promise<GrayPlan> {
    return writeApp(this.deps, appId, actor, expectedRevision, async (ctx: WriteContext) => {
      const row = await mustGet(ctx.tx, appId, version);
      if (!from.includes(row.state)) {
        throw new DomainError(
          'GRAY_PLAN_INVALID_STATE',
          `cannot ${action.slice('gray-plan-'.length)} the gray plan of ${appId} ${version}: it is ${row.state}; allowed from ${from.join(', ')}`,
          { state: row.state, allowedFrom: [...from] },
        );
      }
      const next = { ...row, ...patch(row, ctx.now), updated_at: ctx.now };
      await grayPlanStore.put(ctx.tx, next);
      const plan = grayPlanToWire(next);
      return {
        result: plan,
        audit: [planAudit(version, action, row.state, next.state, null, null)],
        eventType: 'gray-plan',
      };
    });
  }
}

async function mustGet(db: WriteDeps['db'], appId: string, version: string): Promise<GrayPlanRow> {
  const row = await grayPlanStore.get(db, appId, version);
  if (!row) {
    throw new DomainError('GRAY_PLAN_NOT_FOUND', `${appId} ${version} has no gray plan; PUT one first`, {
      appId,
      version,
    });
  }
  return row;
}

/** An audit record of a plan: its state before and after, and why (the evidence of an automatic decision). */
export function planAudit(
  version: string,
  action: GrayPlanAction,
  from: GrayPlanState | null,
  to: GrayPlanState,
  reason: string | null,
  details: object | null,
): AuditEntry {
  return {
    version,
    action,
    from_status: from,
    to_status: to,
    reason,
    details: details === null ? null : JSON.stringify(details),
  };
}

export function grayPlanToWire(row: GrayPlanRow): GrayPlan {
  const plan: GrayPlan = {
    appId: row.app_id,
    version: row.version,
    steps: (JSON.parse(row.steps) as number[]).map(basisPointsToPercentage),
    soakMinutes: row.soak_minutes,
    minLaunches: row.min_launches,
    // `real` on PostgreSQL is a float4: 1.3 reads back as 1.2999999523.
    badRatio: Math.round(row.bad_ratio * 1000) / 1000,
    onDegraded: row.on_degraded,
    publishAtEnd: row.publish_at_end === 1,
    state: row.state,
    stepIndex: row.step_index,
    stepStartedAt: row.step_started_at,
    updatedAt: row.updated_at,
  };
  if (row.last_decision !== null) plan.lastDecision = row.last_decision;
  return plan;
}
