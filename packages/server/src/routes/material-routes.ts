import { DomainError, IMAGE_TYPES, imageTypeOf, MAX_MATERIAL_BYTES } from '@minirelease/core';
import { z } from 'zod';
import { AppParams, commonErrors, ErrorSchema, MaterialParams, MaterialSchema } from '../http/schemas.js';
import type { Services } from '../services/services.js';
import { materialStore } from '../storage/material-store.js';
import { type Api, callerOf } from './route-types.js';

const tags = ['materials'];

/**
 * Screenshots for review (docs/architecture.md, "Materials"): an image of at most 2 MB, its type told by its
 * bytes, stored once by SHA-256 and bound to the app. Submit's `materials.screenshots` names them by that hash.
 */
export function materialRoutes(api: Api, s: Services): void {
  api.post(
    '/v1/apps/:app/materials',
    {
      bodyLimit: MAX_MATERIAL_BYTES,
      schema: {
        tags,
        summary: 'Upload a screenshot (PNG, JPEG or WebP, ≤ 2 MB), raw in the body',
        params: AppParams,
        response: { 201: MaterialSchema, ...commonErrors, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new DomainError('VALIDATION_FAILED', 'send the image bytes as the body', { field: 'body' });
      }
      const mediaType = imageTypeOf(body);
      if (mediaType === undefined) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          `the body is not an image of a type allowed: ${IMAGE_TYPES.join(', ')}`,
          { allowed: [...IMAGE_TYPES] },
        );
      }
      await readableApp(s, request.params.app);
      const sha256 = await s.blobs.put(body);
      await materialStore.put(s.db, {
        app_id: request.params.app,
        sha256,
        media_type: mediaType,
        size: body.length,
        created_by: callerOf(request).principal,
        created_at: s.now().toISOString(),
      });
      return reply.code(201).send({ sha256, mediaType, size: body.length });
    },
  );

  api.get(
    '/v1/apps/:app/materials/:sha256',
    {
      schema: {
        tags,
        summary: "One of the app's uploaded screenshots (members and reviewers)",
        params: MaterialParams,
        // A Buffer answer is sent as it is: Fastify never runs a serializer on one.
        response: { 200: z.unknown().describe('the image bytes, of its media type'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { app, sha256 } = request.params;
      const row = await materialStore.get(s.db, app, sha256);
      const bytes = row && (await s.blobs.get(sha256));
      if (!row || !bytes) throw new DomainError('NOT_FOUND', `no material ${sha256} in ${app}`, { sha256 });
      return (
        reply
          .header('content-type', row.media_type)
          .header('x-content-type-options', 'nosniff')
          // Private: only members may read it; immutable: the address is the content.
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(bytes)
      );
    },
  );
}

async function readableApp(s: Services, appId: string): Promise<void> {
  const row = await s.db.selectFrom('apps').select('app_id').where('app_id', '=', appId).executeTakeFirst();
  if (!row) throw new DomainError('APP_NOT_FOUND', `no app ${appId}`, { appId });
}
