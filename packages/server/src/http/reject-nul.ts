import { DomainError } from '@minirelease/core';
import type { FastifyRequest } from 'fastify';

/**
 * PostgreSQL text cannot hold U+0000, and no name, id or note of ours needs it: refuse it up front as bad input,
 * naming the field, instead of letting the database fail the request.
 */
export async function rejectNul(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', Buffer.isBuffer(request.body) ? undefined : request.body],
  ] as const) {
    const field = findNul(value, part, 0);
    if (field !== undefined) {
      throw new DomainError('VALIDATION_FAILED', `invalid ${field}: it contains a NUL character`, { field });
    }
  }
}

function findNul(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key}`;
    const found = findNul(child, `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
