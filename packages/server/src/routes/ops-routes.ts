import { DATABASE_UNAVAILABLE_MESSAGE, sendError } from '@minirelease/resolver';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Services } from '../services/services.js';

/** Probes, metrics and the OpenAPI document. */
export function opsRoutes(
  app: FastifyInstance,
  s: Services,
  registry: Registry,
  snapshotSeq: () => number,
): void {
  app.get('/healthz', { schema: { hide: true } as object }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } as object }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(s.db);
    } catch (e) {
      // The public body names no address: a probe sees "unavailable", the operator reads the log.
      app.log.error({ err: e }, 'readyz: the database cannot be reached');
      return sendError(reply, 'DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
    }
    return { status: 'ready', snapshotSeq: snapshotSeq() };
  });

  app.get('/metrics', { schema: { hide: true } as object }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  app.get('/openapi.json', { schema: { hide: true } as object }, async () => app.swagger());
}
