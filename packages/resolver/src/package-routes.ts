import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { contentRange, matchesEtag, rangeFor } from './byte-range.js';
import type { PackageCache } from './package-cache.js';
import { sendError } from './resolver-errors.js';

/** `GET /v1/packages/:sha256` from the resolver's own cache: immutable, ETag, one byte range per request. */
export function packageCacheRoutes(app: FastifyInstance, cache: PackageCache): void {
  app.get<{ Params: { sha256: string } }>(
    '/v1/packages/:sha256',
    {
      schema: {
        params: {
          type: 'object',
          required: ['sha256'],
          properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        },
      },
    },
    async (request, reply) => {
      const { sha256 } = request.params;
      const etag = `"${sha256}"`;
      const immutable = () =>
        reply
          .header('etag', etag)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('accept-ranges', 'bytes');
      if (matchesEtag(request.headers['if-none-match'], etag)) return immutable().code(304).send();
      const cached = await cache.get(sha256);
      if (!cached) return sendError(reply, 'PACKAGE_NOT_FOUND', `no package ${sha256}`, { sha256 });
      immutable();
      const range = rangeFor(request.headers, cached.size, etag);
      if (range.kind === 'unsatisfiable') {
        reply.header('content-range', contentRange(null, cached.size));
        return sendError(reply, 'RANGE_NOT_SATISFIABLE', `package ${sha256} has ${cached.size} bytes`, {
          size: cached.size,
        });
      }
      reply.type('application/zip');
      if (range.kind === 'whole') {
        return reply.header('content-length', cached.size).send(createReadStream(cached.path));
      }
      return reply
        .code(206)
        .header('content-range', contentRange(range, cached.size))
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(cached.path, { start: range.start, end: range.end }));
    },
  );
}
