import type { VersionStatus } from './version.js';

/** Every action on a version or app, as the API and the audit log name it. */
export const ACTIONS = [
  'upload',
  'delete',
  'submit',
  'cancel-review',
  'review',
  'gray',
  'cancel-gray',
  'publish',
  'rollback',
  'offline',
  'online',
  'experience',
  'edit',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * The version-level transition table, as data: which statuses an action starts from and where it leads.
 * `review` leads to AUDIT_REJECT or WAIT_RELEASE by decision; `publish` also supersedes the live version;
 * `rollback` and `offline` work on the app and are checked in the machine.
 */
export const VERSION_TRANSITIONS = {
  delete: { from: ['INIT'], to: null },
  submit: { from: ['INIT'], to: 'AUDITING' },
  'cancel-review': { from: ['AUDITING', 'AUDIT_REJECT', 'WAIT_RELEASE'], to: 'INIT' },
  review: { from: ['AUDITING'], to: 'WAIT_RELEASE' },
  gray: { from: ['WAIT_RELEASE', 'GRAY'], to: 'GRAY' },
  'cancel-gray': { from: ['GRAY'], to: 'WAIT_RELEASE' },
  publish: { from: ['WAIT_RELEASE', 'GRAY'], to: 'RELEASE' },
  experience: {
    from: ['INIT', 'AUDITING', 'AUDIT_REJECT', 'WAIT_RELEASE', 'GRAY', 'RELEASE'],
    to: undefined,
  },
  /** Release notes change only in development: what a reviewer read is what ships. */
  edit: { from: ['INIT'], to: undefined },
} as const satisfies Record<string, { from: readonly VersionStatus[]; to: VersionStatus | null | undefined }>;

export type VersionAction = keyof typeof VERSION_TRANSITIONS;

/** What a user may do with a version in this status; INVALID_STATUS answers with it. */
export function allowedActions(status: VersionStatus): Action[] {
  const allowed: Action[] = [];
  for (const [action, t] of Object.entries(VERSION_TRANSITIONS)) {
    // Choosing the experience version is a side action, not a step of the pipeline.
    if (action !== 'experience' && (t.from as readonly VersionStatus[]).includes(status))
      allowed.push(action as Action);
  }
  if (status === 'RELEASE' || status === 'SUPERSEDED') allowed.push('rollback');
  return allowed;
}
