import { contentRange, matchesEtag, rangeFor } from '@minirelease/resolver';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http/error-handler.js';
import type { BlobStore } from '../storage/blob-store.js';

/**
 * Packages by content address: immutable, so cached forever and revalidated by ETag; one byte range per request,
 * so a host on a bad network resumes a download instead of starting over.
 */
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
      const immutable = () =>
        reply
          .header('etag', etag)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('accept-ranges', 'bytes');
      // The address is the content: a client holding this ETag holds these bytes.
      if (matchesEtag(request.headers['if-none-match'], etag)) return immutable().code(304).send();
      const bytes = await blobs.get(sha256);
      if (!bytes) return sendError(reply, 'PACKAGE_NOT_FOUND', `no package ${sha256}`, { sha256 });
      immutable();
      const range = rangeFor(request.headers, bytes.length, etag);
      if (range.kind === 'unsatisfiable') {
        reply.header('content-range', contentRange(null, bytes.length));
        return sendError(reply, 'RANGE_NOT_SATISFIABLE', `package ${sha256} has ${bytes.length} bytes`, {
          size: bytes.length,
        });
      }
      reply.type('application/zip');
      if (range.kind === 'whole') return reply.send(bytes);
      return reply
        .code(206)
        .header('content-range', contentRange(range, bytes.length))
        .send(bytes.subarray(range.start, range.end + 1));
    },
  );
}
