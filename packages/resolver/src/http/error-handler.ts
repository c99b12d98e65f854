import { DomainError, type ErrorCode } from '@minirelease/core';
import type { ApiErrorBody } from '@minirelease/core/wire';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { ERROR_STATUS } from './error-status.js';

/**
 * The one error handler of every process (docs/architecture.md, "Errors"): the API and a resolver process
 * refuse alike, `{ error: { code, message, details? } }` with the status of `ERROR_STATUS`, so a host cannot
 * tell them apart by their refusals. Bad input is a 4xx with a code, never a 5xx; only a real fault is logged.
 */
export interface ErrorHandlingOptions {
  /** Routes whose body is a package: too large there is PACKAGE_TOO_LARGE (nothing stored), not BODY_TOO_LARGE. */
  readonly packageRoutes?: ReadonlySet<string> | undefined;
  /** Whether an error says the database cannot be reached: 503 DATABASE_UNAVAILABLE, details only in the log. */
  readonly databaseUnavailable?: ((error: unknown) => boolean) | undefined;
}

export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}): void {
  const packageRoutes = options.packageRoutes ?? new Set<string>();
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, message, details } = options.databaseUnavailable?.(error)
      ? { code: 'DATABASE_UNAVAILABLE' as const, message: DATABASE_UNAVAILABLE_MESSAGE, details: undefined }
      : toError(error, request, packageRoutes);
    if (ERROR_STATUS[code] >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(reply, code, message, details);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply) =>
    sendError(reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}

/** The one message of an outage: no address, no driver text (those go to the log). */
export const DATABASE_UNAVAILABLE_MESSAGE = 'the database cannot be reached; retry later';

/** For Fastify's `frameworkErrors` option: a URL the router cannot even read is bad input too. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  _request,
  reply,
) => {
  sendError(reply, 'VALIDATION_FAILED', `the request URL is malformed: ${error.message}`, { field: 'url' });
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
) {
  const body: ApiErrorBody = {
    error: details ? { code, message, details: { ...details } } : { code, message },
  };
  return reply.code(ERROR_STATUS[code]).send(body);
}

type ErrorFields = ApiErrorBody['error'];

/** Any error thrown on the way to an answer, as the code, message and details `sendError` sends. */
function toError(
  error: FastifyError,
  request: FastifyRequest,
  packageRoutes: ReadonlySet<string>,
): ErrorFields {
  const make = (
    code: ErrorCode,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ): ErrorFields => (details === undefined ? { code, message } : { code, message, details: { ...details } });
  if (error instanceof DomainError) return make(error.code, error.message, error.details);
  if (error.validation) {
    // Zod (API routes) and Ajv (data plane) both report an instancePath; Ajv names a missing property apart.
    const first = error.validation[0];
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [...(first?.instancePath ?? '').split('/').filter(Boolean), ...(missing ? [missing] : [])];
    const field = [error.validationContext, ...path].filter(Boolean).join('.');
    const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
    return make('VALIDATION_FAILED', `invalid ${field || 'request'}: ${first?.message ?? error.message}`, {
      field,
      issues,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return packageRoutes.has(request.routeOptions.url ?? '')
        ? make('PACKAGE_TOO_LARGE', 'the package is over the upload limit; nothing was stored', {
            limit: request.routeOptions.bodyLimit,
          })
        : make('BODY_TOO_LARGE', 'the request body is too large', { limit: request.routeOptions.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return make('UNSUPPORTED_MEDIA_TYPE', error.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return make('VALIDATION_FAILED', `the body is not valid JSON: ${error.message}`, { field: 'body' });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return make('VALIDATION_FAILED', error.message, { field: 'request' });
  }
  return make('INTERNAL', 'an internal error occurred; it has been logged');
}
