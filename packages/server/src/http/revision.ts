import { DomainError } from '@minirelease/core';
import type { FastifyRequest } from 'fastify';

/** The expected revision from `If-Match: "7"` (or `7`, or `W/"7"`); undefined when not sent. */
export function expectedRevision(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(String(header).trim());
  if (!m) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `If-Match must be an app revision such as "7", got ${header}`,
      {
        field: 'If-Match',
      },
    );
  }
  return Number(m[1]);
}
