import { DomainError } from '@minirelease/core';
import type { App, AuditRecord, Materials, Review, Token, Version } from '@minirelease/core/wire';
import type { Kysely } from 'kysely';
import type { PlatformRole } from '../auth/principal.js';
import { type AppRow, appStore } from '../storage/app-store.js';
import type { AuditRow } from '../storage/audit-store.js';
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
  const [versions, members, experiencers, qualifications] = await Promise.all([
    versionStore.list(db, row.app_id),
    memberStore.list(db, row.app_id),
    memberStore.experiencers(db, row.app_id),
    qualificationStore.list(db, row.app_id),
  ]);
  const live = versions.find((v) => v.status === 'RELEASE');
  const gray = versions.find((v) => v.status === 'GRAY');
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
    experiencers,
    qualifications: qualifications.map((q) => ({
      id: q.id,
      type: q.type,
      number: q.number,
      expiresAt: q.expires_at,
      fileSha256: q.file_sha256,
      createdAt: q.created_at,
    })),
    members: members.map((m) => ({ principal: m.principal, role: m.role })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
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
  };
}
