import type { AppRole, PlatformRole } from '@minirelease/core';

export { APP_ROLES, type AppRole, PLATFORM_ROLES, type PlatformRole } from '@minirelease/core';

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
