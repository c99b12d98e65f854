import type { AuditAction } from '../app/app-actions.js';

export interface AuditRecord {
  id: number;
  appId: string;
  version: string | null;
  action: AuditAction;
  actor: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}
