import {
  basisPointsToPercentage,
  type Command,
  DomainError,
  type GrayPlanSpec,
  type GrayStep,
  nextGrayStep,
} from '@minirelease/core';
import type { Health } from '@minirelease/core/wire';
import type { AuditEntry, WriteContext, WriteDeps } from '../services/app-write.js';
import { writeApp } from '../services/app-write.js';
import { planAudit } from '../services/gray-plan-service.js';
import type { HealthService } from '../services/health-service.js';
import type { PipelineService } from '../services/pipeline-service.js';
import { eventMinuteStore } from '../storage/event-minute-store.js';
import { type GrayPlanRow, grayPlanStore } from '../storage/gray-plan-store.js';
import { versionStore } from '../storage/version-store.js';
import { planEvidence } from './plan-evidence.js';

/** Who the audit log names for the plan's own moves. */
export const PLAN_ACTOR = 'gray-plan';

export interface ReconcileDeps extends WriteDeps {
  readonly pipeline: PipelineService;
  readonly health: HealthService;
}

export interface Decision {
  readonly appId: string;
  readonly version: string;
  readonly step: GrayStep;
  /** The health the step was decided from (absent when the plan could not be judged). */
  readonly health?: Health;
}

/**
 * One pass of the reconcile loop for one plan (DESIGN §10; docs/gray-health.md "The plan"): read the version,
 * its health since the plan began and its progress, ask core's pure `nextGrayStep`, and apply the answer
 * through the ordinary write path. A move re-checks the plan inside its transaction, so a person who paused,
 * replaced or ended the plan a moment before wins, and nothing is applied twice.
 */
export async function reconcilePlan(deps: ReconcileDeps, row: GrayPlanRow): Promise<Decision> {
  const { app_id: appId, version } = row;
  const v = await versionStore.get(deps.db, appId, version);
  const nowMs = deps.now().getTime();
  if (!v || (v.status !== 'GRAY' && v.status !== 'WAIT_RELEASE')) {
    const step: GrayStep = { action: 'wait', reason: `version is ${v?.status ?? 'gone'}; the plan ended` };
    await grayPlanStore.update(deps.db, appId, version, {
      state: 'ended',
      last_decision: step.reason,
      updated_at: new Date(nowMs).toISOString(),
    });
    return { appId, version, step };
  }
  const steps = JSON.parse(row.steps) as number[];
  const startedAt = Date.parse(row.started_at);
  const stepStartedAt = Date.parse(row.step_started_at);
  const health = await deps.health.health({
    appId,
    version,
    from: startedAt - (startedAt % 60_000),
    badRatio: row.bad_ratio,
    minLaunches: row.min_launches,
    withoutSeries: true,
  });
  const stepGrayLaunches = await grayLaunchesSince(deps, appId, version, stepStartedAt, nowMs);
  const spec: GrayPlanSpec = {
    steps,
    soakMinutes: row.soak_minutes,
    minLaunches: row.min_launches,
    badRatio: row.bad_ratio,
    onDegraded: row.on_degraded,
    publishAtEnd: row.publish_at_end === 1,
    state: row.state,
  };
  const progress = {
    stepIndex: row.step_index,
    stepStartedAt,
    currentBasisPoints: v.status === 'GRAY' ? (v.gray_basis_points ?? 0) : 0,
    stepGrayLaunches,
  };
  const step = nextGrayStep(spec, health, progress, nowMs);
  const evidence = planEvidence(health, {
    stepIndex: row.step_index,
    steps: steps.map(basisPointsToPercentage),
    stepGrayLaunches,
  });
  try {
    await apply(deps, row, step, evidence, progress.currentBasisPoints);
  } catch (e) {
    // The plan or the version changed under us (a person's move, another instance): the next pass decides.
    if (!(e instanceof DomainError)) throw e;
    return { appId, version, step: { action: 'wait', reason: `not applied: ${e.message}` }, health };
  }
  return { appId, version, step, health };
}

async function apply(
  deps: ReconcileDeps,
  row: GrayPlanRow,
  step: GrayStep,
  evidence: ReturnType<typeof planEvidence>,
  currentBasisPoints: number,
): Promise<void> {
  const { app_id: appId, version } = row;
  const decision = `${step.action}: ${step.reason}`;
  if (step.action === 'wait') {
    if (row.last_decision !== decision) {
      await grayPlanStore.update(deps.db, appId, version, {
        last_decision: decision,
        updated_at: deps.now().toISOString(),
      });
    }
    return;
  }
  if (step.action === 'halt' || (step.action === 'cancel' && currentBasisPoints === 0)) {
    // A halt moves no version: the plan stops and waits for a person, its evidence in the log.
    const to = step.action === 'halt' ? 'halted' : 'ended';
    await writeApp(deps, appId, PLAN_ACTOR, undefined, async (ctx) => {
      await stillAsRead(ctx, row);
      await grayPlanStore.update(ctx.tx, appId, version, {
        state: to,
        last_decision: decision,
        updated_at: ctx.now,
      });
      const action = step.action === 'halt' ? 'gray-plan-halt' : 'gray-plan-end';
      return {
        result: undefined,
        audit: [planAudit(version, action, 'active', to, step.reason, evidence)],
        eventType: 'gray-plan',
      };
    });
    return;
  }
  const command: Command =
    step.action === 'widen'
      ? { type: 'gray', version, basisPoints: step.basisPoints }
      : step.action === 'publish'
        ? { type: 'publish', version }
        : { type: 'cancel-gray', version };
  await deps.pipeline.apply(PLAN_ACTOR, appId, command, {
    reason: step.reason,
    details: evidence,
    planMove: async (ctx) => {
      await stillAsRead(ctx, row);
      if (step.action === 'widen') {
        await grayPlanStore.update(ctx.tx, appId, version, {
          step_index: step.stepIndex,
          step_started_at: ctx.now,
          last_decision: decision,
          updated_at: ctx.now,
        });
        return [];
      }
      const to = step.action === 'publish' ? 'completed' : 'ended';
      await grayPlanStore.update(ctx.tx, appId, version, {
        state: to,
        last_decision: decision,
        updated_at: ctx.now,
      });
      return [planAudit(version, 'gray-plan-end', 'active', to, step.reason, null)] satisfies AuditEntry[];
    },
  });
}

/** Inside the move's transaction: the plan is still the one the decision was made from. */
async function stillAsRead(ctx: WriteContext, row: GrayPlanRow): Promise<void> {
  const now = await grayPlanStore.get(ctx.tx, row.app_id, row.version);
  if (
    now?.state !== 'active' ||
    now.step_index !== row.step_index ||
    now.started_at !== row.started_at ||
    now.step_started_at !== row.step_started_at
  ) {
    throw new DomainError('CONFLICT', `the gray plan of ${row.app_id} ${row.version} changed meanwhile`);
  }
}

/** Gray launches of whole minutes since the step began: a minute the step began inside is left out. */
async function grayLaunchesSince(
  deps: ReconcileDeps,
  appId: string,
  version: string,
  fromMs: number,
  nowMs: number,
): Promise<number> {
  const from = Math.ceil(fromMs / 60_000) * 60_000;
  const rows = await eventMinuteStore.range(deps.db, {
    appId,
    version,
    channel: 'gray',
    from,
    to: nowMs - (nowMs % 60_000) + 60_000,
  });
  return rows.reduce((sum, r) => sum + r.launches, 0);
}
