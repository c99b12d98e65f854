import { packageRoutes as servePackages } from '@minirelease/resolver';
import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../storage/blob-store.js';

/** The API serves packages from its blob store, with the resolver's route (ETag, ranges, immutable). */
export function packageRoutes(app: FastifyInstance, blobs: BlobStore): void {
  servePackages(app, async (sha256) => {
    const bytes = await blobs.get(sha256);
    if (!bytes) return undefined;
    return {
      size: bytes.length,
      read: (start, end) =>
        start === undefined ? bytes : bytes.subarray(start, (end ?? bytes.length - 1) + 1),
    };
  });
}
