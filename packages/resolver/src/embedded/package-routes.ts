import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../http/error-handler.js';
import type { PackageCache } from '../process/package-cache.js';
import { contentRange, matchesEtag, rangeFor } from './byte-range.js';

/** A stored package: its size, and its bytes whole or in part (inclusive byte offsets). */
export interface PackageBody {
  readonly size: number;
  read(start?: number, end?: number): Buffer | Readable;
}

/** Where the packages come from: the API's blob store, or a resolver's cache of upstream. */
export type PackageSource = (sha256: string) => Promise<PackageBody | undefined>;

/**
 * Who may read a package, asked before anything is said about it: `public` (shared caches too), `private` (this
 * caller only), null (404, as for a package that does not exist). A resolver asks no one: its cache holds only
 * what upstream served it without a member's token.
 */
export type PackageAccessCheck = (
  sha256: string,
  request: FastifyRequest,
) => Promise<'public' | 'private' | null>;

/**
 * `GET /v1/packages/:sha256`: immutable, so cached forever and revalidated by ETag (the address is the content:
 * a client holding this ETag holds these bytes); one byte range per request, so a host on a bad network resumes
 * a download instead of starting over. The API and resolver processes serve packages with this one route.
 */
export function packageRoutes(
  app: FastifyInstance,
  source: PackageSource,
  access?: PackageAccessCheck,
): void {
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
      const notFound = () => sendError(reply, 'PACKAGE_NOT_FOUND', `no package ${sha256}`, { sha256 });
      // Before the ETag: even a 304 would tell a stranger that the package exists.
      const allowed = access ? await access(sha256, request) : 'public';
      if (allowed === null) return notFound();
      const immutable = () =>
        reply
          .header('etag', etag)
          .header('cache-control', `${allowed}, max-age=31536000, immutable`)
          .header('accept-ranges', 'bytes');
      if (matchesEtag(request.headers['if-none-match'], etag)) return immutable().code(304).send();
      const body = await source(sha256);
      if (!body) return notFound();
      immutable();
      const range = rangeFor(request.headers, body.size, etag);
      if (range.kind === 'unsatisfiable') {
        reply.header('content-range', contentRange(null, body.size));
        return sendError(reply, 'RANGE_NOT_SATISFIABLE', `package ${sha256} has ${body.size} bytes`, {
          size: body.size,
        });
      }
      reply.type('application/zip');
      if (range.kind === 'whole') return reply.header('content-length', body.size).send(body.read());
      return reply
        .code(206)
        .header('content-range', contentRange(range, body.size))
        .header('content-length', range.end - range.start + 1)
        .send(body.read(range.start, range.end));
    },
  );
}

/** The resolver's packages: its own disk cache, filled from upstream on a miss. */
export function packageCacheRoutes(app: FastifyInstance, cache: PackageCache): void {
  packageRoutes(app, async (sha256) => {
    const cached = await cache.get(sha256);
    if (!cached) return undefined;
    return {
      size: cached.size,
      read: (start, end) => createReadStream(cached.path, start === undefined ? {} : { start, end }),
    };
  });
}
