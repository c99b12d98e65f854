import { DomainError, type ErrorCode } from '@minirelease/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS } from './error-status.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

/** Routes whose body is a package: too large there is PACKAGE_TOO_LARGE, not BODY_TOO_LARGE. */
const PACKAGE_ROUTES = new Set(['/v1/apps/:app/versions']);

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, message, details } = toError(error, request);
    if (ERROR_STATUS[code] >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(reply, code, message, details);
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return reply.code(ERROR_STATUS[code]).send(body);
}

/** Any error thrown on the way to an answer, as the code, message and details `sendError` sends. */
function toError(error: FastifyError, request: FastifyRequest): ErrorBody['error'] {
  const make = (code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody['error'] =>
    details === undefined ? { code, message } : { code, message, details };
  if (error instanceof DomainError)
    return make(error.code, error.message, error.details as Record<string, unknown>);
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    // Zod (API routes) and Ajv (data plane) both report an instancePath; Ajv names a missing property apart.
    const validation = error.validation ?? [];
    const first = validation[0];
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [...(first?.instancePath ?? '').split('/').filter(Boolean), ...(missing ? [missing] : [])];
    const field = [error.validationContext, ...path].filter(Boolean).join('.');
    const issues = validation.map((v) => ({ path: v.instancePath, message: v.message }));
    return make('VALIDATION_FAILED', `invalid ${field || 'request'}: ${first?.message ?? error.message}`, {
      field,
      issues,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return PACKAGE_ROUTES.has(request.routeOptions.url ?? '')
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
