import { expectedRevision } from '../http/revision.js';
import { commonErrors, GrayPlanBody, GrayPlanSchema, VersionParams } from '../http/schemas.js';
import type { Services } from '../services/services.js';
import { type Api, callerOf } from './route-types.js';

const tags = ['gray'];

/** A version's gray plan (DESIGN §10): set it, read it with its progress, pause and resume it. */
export function grayPlanRoutes(api: Api, s: Services): void {
  api.put(
    '/v1/apps/:app/versions/:v/gray-plan',
    {
      schema: {
        tags,
        summary:
          'Set the gray plan of an approved or gray version (owner): widen through the steps while healthy',
        params: VersionParams,
        body: GrayPlanBody,
        response: { 200: GrayPlanSchema, ...commonErrors },
      },
    },
    async (request) =>
      s.grayPlans.set(
        callerOf(request).principal,
        request.params.app,
        request.params.v,
        request.body,
        expectedRevision(request),
      ),
  );

  api.get(
    '/v1/apps/:app/versions/:v/gray-plan',
    {
      schema: {
        tags,
        summary: 'The gray plan of a version and where it stands',
        params: VersionParams,
        response: { 200: GrayPlanSchema, ...commonErrors },
      },
    },
    async (request) => s.grayPlans.get(request.params.app, request.params.v),
  );

  for (const action of ['pause', 'resume'] as const) {
    api.post(
      `/v1/apps/:app/versions/:v/gray-plan/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'pause'
              ? 'Pause the gray plan (owner): the version keeps its share, the plan stops acting'
              : 'Resume a paused or halted gray plan (owner); a halted one starts a fresh test',
          params: VersionParams,
          response: { 200: GrayPlanSchema, ...commonErrors },
        },
      },
      async (request) =>
        s.grayPlans[action](
          callerOf(request).principal,
          request.params.app,
          request.params.v,
          expectedRevision(request),
        ),
    );
  }
}
