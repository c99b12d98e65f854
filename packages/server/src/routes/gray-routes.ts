import { z } from 'zod';
import {
  CreatedHostKeySchema,
  commonErrors,
  HealthQuery,
  HealthSchema,
  HostKeyBody,
  HostKeySchema,
  pageOf,
  VersionParams,
} from '../http/schemas.js';
import { readApp } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import type { HostKeyRow } from '../storage/host-key-store.js';
import type { Api } from './route-types.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** The window may reach back as far as minutes are kept (docs/gray-health.md). */
const MAX_WINDOW_MS = 30 * 86_400_000;

function hostKeyToWire(row: HostKeyRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Host keys (admin) and a version's health (DESIGN §10). */
export function grayRoutes(api: Api, s: Services): void {
  api.post(
    '/v1/host-keys',
    {
      schema: {
        tags: ['gray'],
        summary: 'Make a host key for a host app to report events with (admin); the key is shown once',
        body: HostKeyBody,
        response: { 201: CreatedHostKeySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { row, key } = await s.hostKeys.create(request.body.name);
      return reply.code(201).send({ ...hostKeyToWire(row), key });
    },
  );

  api.get(
    '/v1/host-keys',
    {
      schema: {
        tags: ['gray'],
        summary: 'List host keys (admin)',
        response: { 200: pageOf(HostKeySchema), ...commonErrors },
      },
    },
    async () => ({ items: (await s.hostKeys.list()).map(hostKeyToWire) }),
  );

  api.delete(
    '/v1/host-keys/:id',
    {
      schema: {
        tags: ['gray'],
        summary: 'Revoke a host key (admin)',
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await s.hostKeys.revoke(request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/v1/apps/:app/versions/:v/health',
    {
      schema: {
        tags: ['gray'],
        summary: 'Gray against stable over the same minutes, per signal, with the verdict and its numbers',
        params: VersionParams,
        querystring: HealthQuery,
        response: { 200: HealthSchema, ...commonErrors },
      },
    },
    async (request) => {
      await readApp(s.db, request.params.app);
      const { window, badRatio, minLaunches } = request.query;
      const windowMs = window
        ? Math.min(
            MAX_WINDOW_MS,
            Number(window.slice(0, -1)) * UNIT_MS[window.at(-1) as keyof typeof UNIT_MS],
          )
        : undefined;
      return s.health.health({
        appId: request.params.app,
        version: request.params.v,
        ...(windowMs === undefined ? {} : { from: s.now().getTime() - windowMs }),
        ...(badRatio === undefined ? {} : { badRatio }),
        ...(minLaunches === undefined ? {} : { minLaunches }),
      });
    },
  );
}
