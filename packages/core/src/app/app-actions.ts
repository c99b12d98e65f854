import { ACTIONS } from '../version/actions.js';

/** What the audit log records besides the pipeline's actions: changes to the app itself. */
export const APP_ACTIONS = ['create', 'update', 'members', 'experiencers', 'qualifications'] as const;
export type AppAction = (typeof APP_ACTIONS)[number];

/** Every action an audit record may name: a pipeline action or an app change. */
export const AUDIT_ACTIONS = [...ACTIONS, ...APP_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
