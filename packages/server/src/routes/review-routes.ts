import { page, readCursor } from '../http/page.js';
import {
  commonErrors,
  PageQuery,
  pageOf,
  ReviewQueueItemSchema,
  ReviewReasonsSchema,
} from '../http/schemas.js';
import { platformReviewReasons } from '../services/review-reasons.js';
import type { Services } from '../services/services.js';
import { openMaterials } from '../storage/sealed-materials.js';
import { versionStore } from '../storage/version-store.js';
import type { Api } from './route-types.js';

export function reviewRoutes(api: Api, s: Services): void {
  api.get(
    '/v1/review-queue',
    {
      schema: {
        tags: ['review'],
        summary: 'Versions waiting for review, oldest first (reviewer)',
        description: '`nextCursor` is opaque; pass it as `cursor` for the next page.',
        querystring: PageQuery,
        response: { 200: pageOf(ReviewQueueItemSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const rows = await versionStore.inReview(s.db, {
        after: readCursor(cursor, queueCursor.decode),
        limit: limit + 1,
      });
      return page(
        rows,
        limit,
        (last) => queueCursor.encode(last.submitted_at!, last.app_id),
        (kept) =>
          kept.map((r) => ({
            appId: r.app_id,
            appName: r.app_name,
            version: r.version,
            description: r.description,
            submittedAt: r.submitted_at ?? r.updated_at,
            submittedBy: r.submitted_by ?? r.created_by,
            reportOk: r.report_ok === 1,
            // Reviewers (and admins) alone read the queue: the test password is opened for them.
            materials: r.materials
              ? openMaterials(JSON.parse(r.materials) as { testPassword?: string }, s.secrets)
              : null,
          })),
      );
    },
  );

  api.get(
    '/v1/review-reasons',
    {
      schema: {
        tags: ['review'],
        summary: 'The rejection catalog: the checker codes and the reviewer-only codes, zh/en',
        description: '`POST …/review` with `decision: reject` takes `reasons` from these codes only.',
        response: { 200: ReviewReasonsSchema, ...commonErrors },
      },
    },
    async () => ({ reasons: platformReviewReasons(s.check) }),
  );
}

/** A position in the queue: the submission time and app id of the last item seen, as base64url JSON. */
const queueCursor = {
  encode: (submittedAt: string, appId: string) =>
    Buffer.from(JSON.stringify([submittedAt, appId])).toString('base64url'),
  decode(cursor: string): { submittedAt: string; appId: string } | undefined {
    try {
      const [submittedAt, appId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      if (typeof submittedAt === 'string' && typeof appId === 'string') return { submittedAt, appId };
    } catch {
      // not ours
    }
    return undefined;
  },
};
