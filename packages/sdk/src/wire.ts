/** The wire contract lives in core (docs/architecture.md, "The wire contract"); the SDK hands it on. */

export { APP_ROLES, type AppRole, PLATFORM_ROLES, type PlatformRole } from '@minirelease/core';
export type * from '@minirelease/core/wire';
