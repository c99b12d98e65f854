import { expectedRevision } from '../http/revision.js';
import { AppParams, AppSchema, commonErrors, RollbackBody } from '../http/schemas.js';
import { readApp } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import { type Api, callerOf } from './route-types.js';

const tags = ['release'];

/** App-level steps: rollback, offline, online. */
export function releaseRoutes(api: Api, s: Services): void {
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
      const { app } = request.params;
      await s.release.apply(
        callerOf(request).principal,
        app,
        { type: 'rollback', toVersion: request.body.toVersion },
        { expectedRevision: expectedRevision(request) },
      );
      return readApp(s.db, app);
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
        const { app } = request.params;
        await s.release.apply(
          callerOf(request).principal,
          app,
          { type: action },
          { expectedRevision: expectedRevision(request) },
        );
        return readApp(s.db, app);
      },
    );
  }
}
