import { ACTIONS } from '../version/actions.js';

/** What the audit log records besides the pipeline's actions: changes to the app itself. */
export const APP_ACTIONS = ['create', 'update', 'members', 'experiencers', 'qualifications'] as const;
export type AppAction = (typeof APP_ACTIONS)[number];

/**
 * What a gray plan records (DESIGN §10): set, paused, resumed, halted by its health, ended by a person's move
 * or by its last step. Its automatic widen, cancel-gray and publish are recorded as those actions, by the plan.
 */
export const GRAY_PLAN_ACTIONS = [
  'gray-plan',
  'gray-plan-pause',
  'gray-plan-resume',
  'gray-plan-halt',
  'gray-plan-end',
] as const;
export type GrayPlanAction = (typeof GRAY_PLAN_ACTIONS)[number];

/** Every action an audit record may name: a pipeline action, an app change or a gray plan's. */
export const AUDIT_ACTIONS = [...ACTIONS, ...APP_ACTIONS, ...GRAY_PLAN_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
