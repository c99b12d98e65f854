import { packageRoutes as servePackages } from '@minirelease/resolver';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { packageAccess } from '../services/package-access.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Database } from '../storage/schema.js';

/**
 * The API serves packages from its blob store, with the resolver's route (ETag, ranges, immutable), to whom
 * `packageAccess` allows: anyone for what a resolve could hand out, members and reviewers for the rest.
 */
export function packageRoutes(app: FastifyInstance, blobs: BlobStore, db: Kysely<Database>): void {
  servePackages(
    app,
    async (sha256) => {
      const bytes = await blobs.get(sha256);
      if (!bytes) return undefined;
      return {
        size: bytes.length,
        read: (start, end) =>
          start === undefined ? bytes : bytes.subarray(start, (end ?? bytes.length - 1) + 1),
      };
    },
    (sha256, request) => packageAccess(db, sha256, request.principal),
  );
}
