import type { Action } from '../version/actions.js';

/** What an audit record says was done besides the version transitions. */
export type AppAction = 'create' | 'update' | 'members' | 'experiencers' | 'qualifications';

export interface AuditRecord {
  id: number;
  appId: string;
  version: string | null;
  action: Action | AppAction;
  actor: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}
