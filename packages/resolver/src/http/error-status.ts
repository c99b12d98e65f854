import type { ErrorCode } from '@minirelease/core';

/** The one place a code meets HTTP. Exhaustive: a new code does not compile until it has a status. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  VERSION_INVALID: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  // Separation of duties: whoever uploaded or submitted a version never reviews it (docs/architecture.md, "Roles").
  SELF_REVIEW: 403,
  // An operator token on POST /v1/events: the route takes a host key (hk_…), and says so (DESIGN §10).
  HOST_KEY_REQUIRED: 403,
  NOT_FOUND: 404,
  APP_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  QUALIFICATION_NOT_FOUND: 404,
  PACKAGE_NOT_FOUND: 404,
  GRAY_PLAN_NOT_FOUND: 404,
  // The host app only needs "nothing to launch"; the code says why.
  APP_OFFLINE: 404,
  APP_NOT_RELEASED: 404,
  APP_EXISTS: 409,
  INVALID_STATUS: 409,
  VERSION_IN_FLIGHT: 409,
  VERSION_NOT_GREATER: 409,
  GRAY_PERCENTAGE_NOT_INCREASING: 409,
  GRAY_IN_PROGRESS: 409,
  NO_ROLLBACK_TARGET: 409,
  CONFLICT: 409,
  // Pause, resume or replace a gray plan in a state that does not allow it; details name the state.
  GRAY_PLAN_INVALID_STATE: 409,
  // The platform would be left without an admin: revoke it after another admin token exists.
  LAST_ADMIN_TOKEN: 409,
  BODY_TOO_LARGE: 413,
  PACKAGE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PACKAGE_INVALID: 422,
  PRECHECK_FAILED: 422,
  // Per event in a 202 batch answer (DESIGN §10); never the status of a whole request.
  EVENT_OUT_OF_WINDOW: 422,
  RANGE_NOT_SATISFIABLE: 416,
  INTERNAL: 500,
  // A resolver process whose upstream cannot give it a package it does not have yet.
  UPSTREAM_UNAVAILABLE: 502,
  // No snapshot loaded yet: "not ready" must never read as "no such app" (docs/architecture.md, "The data plane").
  RESOLVER_NOT_READY: 503,
  // The database cannot be reached: a fault of the moment, details in the log only.
  DATABASE_UNAVAILABLE: 503,
};
