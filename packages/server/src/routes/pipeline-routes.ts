import { AppParams, AppSchema, commonErrors, RollbackBody } from '../http/schemas.js';
import type { Services } from '../services/services.js';
import type { Api } from './route-types.js';
import { steps } from './step.js';

const tags = ['release'];

/** App-level steps: rollback, offline, online. */
export function pipelineRoutes(api: Api, s: Services): void {
  const step = steps(s);
  api.post(
    '/v1/apps/:app/rollback',
    {
      schema: {
        tags,
        summary: 'Roll back to the newest SUPERSEDED version, or a named one of the last 5',
        params: AppParams,
        body: RollbackBody,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      return step.app(request, { type: 'rollback', toVersion: request.body.toVersion });
    },
  );

  for (const action of ['offline', 'online'] as const) {
    api.post(
      `/v1/apps/:app/${action}`,
      {
        schema: {
          tags,
          summary: action === 'offline' ? 'Take the app offline (下架)' : 'Bring the app back online',
          params: AppParams,
          response: { 200: AppSchema, ...commonErrors },
        },
      },
      async (request) => {
        return step.app(request, { type: action });
      },
    );
  }
}
