import { z } from 'zod';
import {
  CreatedTokenSchema,
  commonErrors,
  pageOf,
  TokenBody,
  TokenSchema,
  WhoAmISchema,
} from '../http/schemas.js';
import { tokenToWire } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import { type Api, callerOf } from './route-types.js';

export function tokenRoutes(api: Api, s: Services): void {
  api.get(
    '/v1/whoami',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Who the token belongs to',
        response: {
          200: WhoAmISchema,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const p = callerOf(request);
      return { principal: p.principal, roles: [...p.roles], tokenId: p.tokenId };
    },
  );

  api.post(
    '/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Make a token for a principal (admin)',
        body: TokenBody,
        response: { 201: CreatedTokenSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { row, secret } = await s.tokens.create(request.body);
      return reply.code(201).send({ ...tokenToWire(row), token: secret });
    },
  );

  api.get(
    '/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List tokens (admin)',
        response: { 200: pageOf(TokenSchema), ...commonErrors },
      },
    },
    async () => ({ items: (await s.tokens.list()).map(tokenToWire) }),
  );

  api.delete(
    '/v1/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token (admin)',
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await s.tokens.revoke(request.params.id);
      return reply.code(204).send(null);
    },
  );
}
