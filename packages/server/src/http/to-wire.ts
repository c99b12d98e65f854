import { DomainError, IN_FLIGHT_STATUSES } from '@minirelease/core';
import type { App, AuditRecord, Materials, Review, Token, Version } from '@minirelease/core/wire';
import type { Kysely } from 'kysely';
import type { PlatformRole } from '../auth/principal.js';
import { type AppRow, appStore } from '../storage/app-store.js';
import type { AuditRow } from '../storage/audit-store.js';
import { grayPlanStore } from '../storage/gray-plan-store.js';
import { memberStore } from '../storage/member-store.js';
import { qualificationStore } from '../storage/qualification-store.js';
import type { Database } from '../storage/schema.js';
import type { TokenRow } from '../storage/token-store.js';
import { type VersionRow, versionStore } from '../storage/version-store.js';

/** Reads an app with everything its resource shows. */
export async function readApp(db: Kysely<Database>, appId: string): Promise<App> {
  const row = await appStore.get(db, appId);
  if (!row) throw new DomainError('APP_NOT_FOUND', `no app ${appId}`, { appId });
  return appToWire(db, row);
}

export async function appToWire(db: Kysely<Database>, row: AppRow): Promise<App> {
  return (await appsToWire(db, [row]))[0]!;
}

/** A page of apps as resources in five queries, whatever the page's size (not five per app). */
export async function appsToWire(db: Kysely<Database>, rows: readonly AppRow[]): Promise<App[]> {
  const ids = rows.map((r) => r.app_id);
  const [versions, members, experiencers, qualifications, plans] = await Promise.all([
    versionStore.liveAndInFlightForApps(db, ids),
    memberStore.listForApps(db, ids),
    memberStore.experiencersForApps(db, ids),
    qualificationStore.listForApps(db, ids),
    grayPlanStore.openForApps(db, ids),
  ]);
  const byApp = <T extends { app_id: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.app_id);
      if (list) list.push(item);
      else map.set(item.app_id, [item]);
    }
    return (appId: string) => map.get(appId) ?? [];
  };
  const versionsOf = byApp(versions);
  const membersOf = byApp(members);
  const experiencersOf = byApp(experiencers);
  const qualificationsOf = byApp(qualifications);
  const plansOf = byApp(plans);
  return rows.map((row) => {
    // A person's move ends a plan, so an app has at most one open plan; newest first all the same.
    const plan = plansOf(row.app_id)[0];
    const live = versionsOf(row.app_id).find((v) => v.status === 'RELEASE');
    const gray = versionsOf(row.app_id).find((v) => v.status === 'GRAY');
    const inFlight = versionsOf(row.app_id).find((v) => IN_FLIGHT_STATUSES.includes(v.status));
    return {
      appId: row.app_id,
      name: row.name,
      brand: row.brand,
      category: row.category,
      description: row.description,
      visibility: row.visibility,
      revision: row.revision,
      experienceVersion: row.experience_version,
      liveVersion: live?.version ?? null,
      grayVersion: gray?.version ?? null,
      grayPercentage: gray?.gray_basis_points != null ? gray.gray_basis_points / 100 : null,
      inFlight: inFlight ? { version: inFlight.version, status: inFlight.status } : null,
      grayPlan: plan ? { version: plan.version, state: plan.state as 'active' | 'paused' | 'halted' } : null,
      experiencers: experiencersOf(row.app_id).map((e) => e.user_id),
      qualifications: qualificationsOf(row.app_id).map((q) => ({
        id: q.id,
        type: q.type,
        number: q.number,
        expiresAt: q.expires_at,
        fileSha256: q.file_sha256,
        createdAt: q.created_at,
      })),
      members: membersOf(row.app_id).map((m) => ({ principal: m.principal, role: m.role })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function readVersion(db: Kysely<Database>, appId: string, version: string): Promise<VersionRow> {
  const row = await versionStore.get(db, appId, version);
  if (!row) {
    if (!(await appStore.get(db, appId)))
      throw new DomainError('APP_NOT_FOUND', `no app ${appId}`, { appId });
    throw new DomainError('VERSION_NOT_FOUND', `${appId} has no version ${version}`, { version });
  }
  return row;
}

export function versionToWire(row: VersionRow): Version {
  const materials = row.materials ? (JSON.parse(row.materials) as Materials) : null;
  if (materials) delete materials.testPassword;
  return {
    appId: row.app_id,
    version: row.version,
    status: row.status,
    sha256: row.sha256,
    size: row.size,
    description: row.description,
    grayPercentage: row.gray_basis_points != null ? row.gray_basis_points / 100 : null,
    reportOk: row.report_ok === 1,
    materials,
    review: row.review ? (JSON.parse(row.review) as Review) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function auditToWire(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    appId: row.app_id,
    version: row.version,
    action: row.action as AuditRecord['action'],
    actor: row.actor,
    from: row.from_status,
    to: row.to_status,
    reason: row.reason,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    at: row.at,
  };
}

export function tokenToWire(row: TokenRow): Token {
  return {
    id: row.id,
    principal: row.principal,
    // The sdk's PlatformRole lacks 'resolver' until the sdk adds it; the wire (TokenSchema) already has it.
    roles: JSON.parse(row.roles) as PlatformRole[],
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}
