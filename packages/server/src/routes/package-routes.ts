import type { FastifyInstance } from 'fastify';
import { sendError } from '../http/error-handler.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Packages by content address: immutable, so cached forever and revalidated by ETag. */
export function packageRoutes(app: FastifyInstance, blobs: BlobStore): void {
  app.get<{ Params: { sha256: string } }>(
    '/v1/packages/:sha256',
    {
      schema: {
        params: { type: 'object', properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
      },
    },
    async (request, reply) => {
      const { sha256 } = request.params;
      const etag = `"${sha256}"`;
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const bytes = await blobs.get(sha256);
      if (!bytes) return sendError(reply, 'PACKAGE_NOT_FOUND', `no package ${sha256}`, { sha256 });
      return reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('application/zip')
        .send(bytes);
    },
  );
}
