import type { AppRole, AppVisibility, AuditAction, VersionStatus } from '@minirelease/core';
import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Both dialects store times as ISO-8601 text and structured values as JSON text, so one
 * set of migrations and one set of queries serve SQLite and PostgreSQL alike.
 */
export interface Database {
  apps: AppTable;
  versions: VersionTable;
  members: MemberTable;
  experiencers: ExperiencerTable;
  qualifications: QualificationTable;
  tokens: TokenTable;
  audit_log: AuditTable;
  events: EventTable;
  counters: CounterTable;
}

export interface AppTable {
  app_id: string;
  name: string;
  brand: string;
  category: string;
  description: string;
  visibility: AppVisibility;
  experience_version: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VersionTable {
  app_id: string;
  version: string;
  /** Numeric parts, so versions sort as semver in SQL. */
  major: number;
  minor: number;
  patch: number;
  status: VersionStatus;
  gray_basis_points: number | null;
  sha256: string;
  size: number;
  description: string;
  report: string;
  report_ok: number;
  materials: string | null;
  review: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
}

export interface MemberTable {
  app_id: string;
  principal: string;
  role: AppRole;
}

export interface ExperiencerTable {
  app_id: string;
  user_id: string;
}

export interface QualificationTable {
  id: string;
  app_id: string;
  type: string;
  number: string;
  expires_at: string;
  file_sha256: string | null;
  created_at: string;
}

export interface TokenTable {
  id: string;
  principal: string;
  /** JSON array of platform roles. */
  roles: string;
  hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** ISO time after which the token is refused (`TOKEN_EXPIRED`); null: never. */
  expires_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  app_id: string;
  version: string | null;
  action: AuditAction;
  actor: string;
  /** A version's status; the app's visibility (offline, online); the experience version (experience). */
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  details: string | null;
  at: string;
}

export interface EventTable {
  seq: number;
  app_id: string;
  type: string;
  /** JSON: the app's release state after the change (AppRelease), or null when the app is gone. */
  payload: string;
  at: string;
}

export interface CounterTable {
  name: string;
  value: number;
}
