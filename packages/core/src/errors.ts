/**
 * Every refusal the platform gives, by stable code. The HTTP status is mapped only at the transport
 * (server `http/error-status.ts`); the domain speaks in codes.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'VERSION_INVALID',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'APP_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'TOKEN_NOT_FOUND',
  'MEMBER_NOT_FOUND',
  'QUALIFICATION_NOT_FOUND',
  'PACKAGE_NOT_FOUND',
  'APP_OFFLINE',
  'APP_NOT_RELEASED',
  'APP_EXISTS',
  'INVALID_STATUS',
  'VERSION_IN_FLIGHT',
  'VERSION_NOT_GREATER',
  'GRAY_PERCENTAGE_NOT_INCREASING',
  'GRAY_IN_PROGRESS',
  'NO_ROLLBACK_TARGET',
  'CONFLICT',
  'BODY_TOO_LARGE',
  'PACKAGE_TOO_LARGE',
  'PACKAGE_INVALID',
  'PRECHECK_FAILED',
  'EVENT_OUT_OF_WINDOW',
  'HOST_KEY_REQUIRED',
  'GRAY_PLAN_NOT_FOUND',
  'GRAY_PLAN_INVALID_STATE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'UPSTREAM_UNAVAILABLE',
  'RESOLVER_NOT_READY',
  'DATABASE_UNAVAILABLE',
  'SELF_REVIEW',
  'LAST_ADMIN_TOKEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Readonly<Record<string, unknown>>;

/** An illegal request or a broken invariant. Expected outcomes (a failed check, a user not in gray) are values. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
