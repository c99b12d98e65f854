/** `resolver`: tokens of resolver processes and local-mode SDKs, which read the change stream and nothing else. */
export const PLATFORM_ROLES = ['admin', 'reviewer', 'resolver'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const APP_ROLES = ['owner', 'developer', 'viewer'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Who is calling: the principal a token was made for, with its platform roles. */
export interface Principal {
  readonly principal: string;
  readonly roles: readonly PlatformRole[];
  readonly tokenId: string;
}

const APP_ROLE_RANK: Record<AppRole, number> = { viewer: 1, developer: 2, owner: 3 };

export function appRoleAtLeast(role: string | undefined, needed: AppRole): boolean {
  if (role === undefined || !(role in APP_ROLE_RANK)) return false;
  return APP_ROLE_RANK[role as AppRole] >= APP_ROLE_RANK[needed];
}
