/**
 * Who may do what (docs/architecture.md, "Roles"). Platform roles belong to a token; app roles to a member of
 * one app. These arrays are the only place the role names are written: types, validation and the database
 * check constraints all come from them.
 *
 * `resolver`: tokens of resolver processes and local-mode SDKs, which read the change stream and nothing else.
 */
export const PLATFORM_ROLES = ['admin', 'reviewer', 'resolver'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const APP_ROLES = ['owner', 'developer', 'viewer'] as const;
export type AppRole = (typeof APP_ROLES)[number];
