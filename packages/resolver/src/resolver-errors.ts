import { DomainError, type ErrorCode } from '@minirelease/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The statuses of the codes a resolver process gives; the API server keeps the full table. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  PACKAGE_NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  UPSTREAM_UNAVAILABLE: 502,
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
) {
  return reply.code(STATUS[code] ?? 500).send({ error: { code, message, ...(details ? { details } : {}) } });
}

/**
 * Errors in the API's shape `{ error: { code, message, details? } }`, so a host cannot tell a resolver process
 * from the API by its refusals; bad input is a 4xx with a code, never a 5xx.
 */
export function installResolverErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendError(reply, error.code, error.message, error.details);
    if (error.validation) return sendError(reply, 'VALIDATION_FAILED', ...validationMessage(error));
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 'BODY_TOO_LARGE', 'the request body is too large', {
          limit: request.routeOptions.bodyLimit,
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', error.message);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 'VALIDATION_FAILED', error.message, { field: 'request' });
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'INTERNAL', 'an internal error occurred; it has been logged');
  });
  app.setNotFoundHandler((request: FastifyRequest, reply) =>
    sendError(reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}

function validationMessage(error: FastifyError): [string, Record<string, unknown>] {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const path = [...(first?.instancePath ?? '').split('/').filter(Boolean), ...(missing ? [missing] : [])];
  const field = [error.validationContext, ...path].filter(Boolean).join('.');
  return [`invalid ${field || 'request'}: ${first?.message ?? error.message}`, { field }];
}
