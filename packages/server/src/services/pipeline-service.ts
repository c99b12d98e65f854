import {
  type AppState,
  type Command,
  parseSemver,
  type Transition,
  transition,
  type VersionChange,
} from '@minirelease/core';
import type { AppRow } from '../storage/app-store.js';
import { appStore } from '../storage/app-store.js';
import { type VersionRow, versionStore } from '../storage/version-store.js';
import { type AuditEntry, type WriteContext, type WriteDeps, writeApp } from './app-write.js';
import { endOpenPlans } from './gray-plan-end.js';

export interface TransitionOptions {
  readonly expectedRevision?: number | undefined;
  readonly reason?: string | undefined;
  /** The row to insert when the command uploads a new version. */
  readonly newVersion?: VersionRow | undefined;
  /** Extra columns for the main version of the transition (materials at submit, the review, …). */
  readonly versionPatch?: Partial<VersionRow> | undefined;
  /** Extra audit details. */
  readonly details?: Record<string, unknown> | undefined;
  /** Runs inside the transaction after the state is loaded and before the pure transition: a last check. */
  readonly precheck?: ((ctx: WriteContext, state: AppState) => Promise<Command>) | undefined;
  /**
   * Set by the gray ticker for its own moves: it carries the plan along in the same transaction and answers
   * the plan's audit records. Without it, a move of a version ends that version's open gray plan (DESIGN §10:
   * a person's gray, cancel-gray or publish takes over from the plan).
   */
  readonly planMove?: ((ctx: WriteContext, t: Transition) => Promise<readonly AuditEntry[]>) | undefined;
}

export interface TransitionResult {
  readonly transition: Transition;
  readonly app: AppRow;
}

/** Every pipeline step: load the app → core's `transition()` → save, audit, event; one transaction. */
export class PipelineService {
  constructor(private readonly deps: WriteDeps) {}

  apply(
    actor: string,
    appId: string,
    command: Command,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    return writeApp(this.deps, appId, actor, options.expectedRevision, async (ctx) => {
      const versions = await versionStore.list(ctx.tx, appId);
      const state = toAppState(ctx.app, versions);
      const finalCommand = options.precheck ? await options.precheck(ctx, state) : command;
      const t = transition(state, finalCommand);
      await this.save(ctx, t, options);
      const planAudit = options.planMove ? await options.planMove(ctx, t) : await endOpenPlans(ctx, t);
      const app = (await appStore.get(ctx.tx, appId))!;
      return {
        result: { transition: t, app },
        audit: [auditOf(t, options), ...planAudit],
        eventType: t.action,
      };
    });
  }

  private async save(ctx: WriteContext, t: Transition, options: TransitionOptions): Promise<void> {
    const { tx, app, now } = ctx;
    // Leaving states first, so the one-RELEASE and one-in-flight indexes never see two at once.
    const ordered = [...t.changes].sort((a, b) => rank(a) - rank(b));
    for (const change of ordered) {
      const isMain = change === t.changes[0];
      if (change.from === null) {
        if (!options.newVersion) throw new Error('upload without the new version row');
        await versionStore.insert(tx, {
          ...options.newVersion,
          status: change.to!,
          created_at: now,
          updated_at: now,
        });
      } else if (change.to === null) {
        await versionStore.delete(tx, app.app_id, change.version);
      } else {
        await versionStore.update(tx, app.app_id, change.version, {
          status: change.to,
          gray_basis_points: change.grayBasisPoints,
          updated_at: now,
          ...(isMain ? options.versionPatch : {}),
        });
      }
    }
    const patch: Partial<AppRow> = {};
    if (t.visibility) patch.visibility = t.visibility.to;
    if (t.experienceVersion) patch.experience_version = t.experienceVersion.to;
    await appStore.update(tx, app.app_id, patch);
  }
}

function rank(change: VersionChange): number {
  return change.to === 'RELEASE' || change.to === 'AUDITING' ? 1 : 0;
}

export function toAppState(app: AppRow, versions: readonly VersionRow[]): AppState {
  return {
    appId: app.app_id,
    visibility: app.visibility,
    experienceVersion: app.experience_version,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      grayBasisPoints: v.gray_basis_points,
    })),
  };
}

function auditOf(t: Transition, options: TransitionOptions): AuditEntry {
  const main = t.changes[0];
  const from = main ? main.from : (t.visibility?.from ?? t.experienceVersion?.from ?? null);
  const to = main ? main.to : (t.visibility?.to ?? t.experienceVersion?.to ?? null);
  const details: Record<string, unknown> = { ...options.details };
  if (t.changes.length > 1) details.changes = t.changes;
  if (main?.grayBasisPoints != null) details.percentage = main.grayBasisPoints / 100;
  return {
    version: main?.version ?? t.experienceVersion?.to ?? null,
    action: t.action,
    from_status: from,
    to_status: to,
    reason: options.reason ?? null,
    details: Object.keys(details).length > 0 ? JSON.stringify(details) : null,
  };
}

/** The numeric columns a version row carries for ordering. */
export function semverColumns(version: string): { major: number; minor: number; patch: number } {
  const v = parseSemver(version)!;
  return { major: v.major, minor: v.minor, patch: v.patch };
}
