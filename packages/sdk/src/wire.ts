/**
 * The JSON the API speaks (DESIGN §5), shared by the server's response mapping, this SDK and the CLI.
 * camelCase everywhere; percentages are numbers with at most two decimals; times are ISO-8601 strings.
 */
import type { Action, AppVisibility, Channel, ErrorCode, VersionStatus } from '@minirelease/core';

export type AppRole = 'owner' | 'developer' | 'viewer';
export type PlatformRole = 'admin' | 'reviewer' | 'resolver';

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export interface Qualification {
  id: string;
  type: string;
  number: string;
  expiresAt: string;
  fileSha256: string | null;
  createdAt: string;
}

export interface App {
  appId: string;
  name: string;
  brand: string;
  category: string;
  description: string;
  visibility: AppVisibility;
  revision: number;
  experienceVersion: string | null;
  liveVersion: string | null;
  grayVersion: string | null;
  grayPercentage: number | null;
  experiencers: string[];
  qualifications: Qualification[];
  members: Member[];
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  principal: string;
  role: AppRole;
}

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: { zh: string; en: string };
  hint?: { zh: string; en: string };
  file?: string;
  line?: number;
}

export interface ReportStats {
  files: number;
  totalSize: number;
  mainSize: number;
  subpackages: Array<{ root: string; size: number }>;
  compressedSize?: number;
  layout: 'alipay' | 'wechat';
  usesLogin?: boolean;
}

export interface Report {
  ok: boolean;
  findings: Finding[];
  stats: ReportStats;
}

export interface Materials {
  testAccount?: string;
  testPassword?: string;
  screenshots?: string[];
  recording?: string;
  notes?: string;
}

export interface Review {
  decision: 'approve' | 'reject';
  reasons: string[];
  comment: string;
  reviewer: string;
  at: string;
}

export interface Version {
  appId: string;
  version: string;
  status: VersionStatus;
  sha256: string;
  size: number;
  description: string;
  grayPercentage: number | null;
  reportOk: boolean;
  /** Materials as submitted; the test password is never echoed back. */
  materials: Omit<Materials, 'testPassword'> | null;
  review: Review | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An uploaded version comes back with its pre-review report. */
export interface UploadedVersion extends Version {
  report: Report;
}

export interface AuditRecord {
  id: number;
  appId: string;
  version: string | null;
  action: Action | 'create' | 'update' | 'members' | 'experiencers' | 'qualifications';
  actor: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

export interface Token {
  id: string;
  principal: string;
  roles: PlatformRole[];
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken extends Token {
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface WhoAmI {
  principal: string;
  roles: PlatformRole[];
  tokenId: string;
}

export interface ResolveAnswer {
  appId: string;
  version: string;
  channel: Channel;
  packageUrl: string;
  sha256: string;
  size: number;
}

export type BatchResolveItem = ResolveAnswer | ApiErrorBody;

export interface SearchHit {
  appId: string;
  name: string;
  brand: string;
  version: string;
  channel: Channel;
}

export interface ReviewQueueItem {
  appId: string;
  appName: string;
  version: string;
  description: string;
  submittedAt: string;
  submittedBy: string;
  reportOk: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
