import { z } from 'zod';
import { commonErrors, pageOf } from '../http/schemas.js';
import type { Services } from '../services/services.js';
import { versionStore } from '../storage/version-store.js';
import type { Api } from './route-types.js';

const QueueItem = z.object({
  appId: z.string(),
  appName: z.string(),
  version: z.string(),
  description: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  reportOk: z.boolean(),
  materials: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('with the test password: reviewers log in with it'),
});

export function reviewRoutes(api: Api, s: Services): void {
  api.get(
    '/v1/review-queue',
    {
      schema: {
        tags: ['review'],
        summary: 'Versions waiting for review, oldest first (reviewer)',
        response: { 200: pageOf(QueueItem), ...commonErrors },
      },
    },
    async () => {
      const rows = await versionStore.inReview(s.db);
      return {
        items: rows.map((r) => ({
          appId: r.app_id,
          appName: r.app_name,
          version: r.version,
          description: r.description,
          submittedAt: r.submitted_at ?? r.updated_at,
          submittedBy: r.submitted_by ?? r.created_by,
          reportOk: r.report_ok === 1,
          materials: r.materials ? (JSON.parse(r.materials) as Record<string, unknown>) : null,
        })),
      };
    },
  );
}
