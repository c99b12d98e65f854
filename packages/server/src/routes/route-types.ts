import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/principal.js';

export function asApi(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** A Fastify scope typed by our zod schemas. */
export type Api = ReturnType<typeof asApi>;

/** The caller of a guarded route; the guard has set it or refused the request. */
export function callerOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('guarded route without a principal');
  return request.principal;
}
