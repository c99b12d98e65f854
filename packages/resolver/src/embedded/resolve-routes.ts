import { decide, type ResolveResult, resolve } from '@minirelease/core';
import type { FastifyInstance, FastifyReply, FastifySchema } from 'fastify';
import { sendError } from '../http/error-handler.js';
import { type AnswerBodies, answerBodies } from './answer-bodies.js';
import type { ResolverState } from './resolver-state.js';

export interface ResolverRouteOptions {
  readonly state: ResolverState;
  /** Where a host downloads a package, e.g. `/v1/packages/<sha256>`. */
  readonly packageUrl: (sha256: string) => string;
  readonly maxBatch?: number | undefined;
  /** The answers' serialized bodies, shared with the raw fast path (`fastResolve`) when there is one. */
  readonly bodies?: AnswerBodies;
}

/** Route schemas carry OpenAPI's tags and summary, which the swagger plugin (on the server) reads. */
const doc = (schema: FastifySchema & { tags?: string[]; summary?: string }): FastifySchema => schema;

const appId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const userId = { type: 'string', minLength: 1, maxLength: 128 } as const;
const channel = { type: 'string', enum: ['experience', 'stable'] } as const;

const answerSchema = {
  type: 'object',
  required: ['appId', 'version', 'channel', 'packageUrl', 'sha256', 'size'],
  properties: {
    appId: { type: 'string' },
    version: { type: 'string' },
    channel: { type: 'string' },
    packageUrl: { type: 'string' },
    sha256: { type: 'string' },
    size: { type: 'integer' },
  },
} as const;

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

/** How long a host waits before asking a resolver that is not ready again, in seconds. */
export const NOT_READY_RETRY_AFTER_S = 1;

/**
 * Until its first whole snapshot a resolver knows no app: answering APP_NOT_FOUND would tell a host there is
 * nothing to launch, and a host caches that. 503 with Retry-After is "ask again", which a host treats as an
 * outage (docs/architecture.md, "The data plane").
 */
function refuseUntilReady(state: ResolverState, reply: FastifyReply): boolean {
  if (state.ready) return false;
  void sendError(
    reply.header('retry-after', String(NOT_READY_RETRY_AFTER_S)),
    'RESOLVER_NOT_READY',
    'the resolver has not loaded the release state yet; retry shortly',
  );
  return true;
}

/**
 * The data plane's routes, on plain JSON schema (the fast serializer) rather than zod: this is the hot path.
 * Every answer comes from the current in-memory snapshot; no database, no await.
 */
export async function resolverRoutes(app: FastifyInstance, options: ResolverRouteOptions): Promise<void> {
  const { state, packageUrl } = options;
  const maxBatch = options.maxBatch ?? 1000;
  const { toWire, bodyOf } = options.bodies ?? answerBodies(packageUrl);
  const sendResolved = (reply: FastifyReply, r: ResolveResult) =>
    reply
      .code(r.ok ? 200 : 404)
      .header('content-type', 'application/json; charset=utf-8')
      .send(bodyOf(r));

  app.get<{ Querystring: { app: string; user: string; channel?: string } }>(
    '/v1/resolve',
    {
      schema: doc({
        tags: ['data plane'],
        summary: 'Which package a user gets',
        querystring: {
          type: 'object',
          required: ['app', 'user'],
          properties: { app: appId, user: userId, channel },
        },
        response: { 200: answerSchema, 404: errorSchema, 503: errorSchema },
      }),
    },
    (request, reply) => {
      if (refuseUntilReady(state, reply)) return reply;
      const q = request.query;
      return sendResolved(
        reply,
        resolve(state.snapshot, q.app, q.user, q.channel === 'experience' ? 'experience' : undefined),
      );
    },
  );

  app.post<{ Body: Array<{ app: string; user: string; channel?: string }> }>(
    '/v1/resolve/batch',
    {
      schema: doc({
        tags: ['data plane'],
        summary: `Resolve up to ${maxBatch} (app, user) pairs; answers in order`,
        body: {
          type: 'array',
          maxItems: maxBatch,
          items: {
            type: 'object',
            required: ['app', 'user'],
            properties: { app: appId, user: userId, channel },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: { anyOf: [answerSchema, errorSchema] } } },
          },
          503: errorSchema,
        },
      }),
    },
    (request, reply) => {
      if (refuseUntilReady(state, reply)) return reply;
      const snapshot = state.snapshot;
      const items = request.body.map((q) =>
        toWire(resolve(snapshot, q.app, q.user, q.channel === 'experience' ? 'experience' : undefined)),
      );
      return { items };
    },
  );

  app.get<{ Querystring: { q?: string; user: string; limit?: number } }>(
    '/v1/search',
    {
      schema: doc({
        tags: ['data plane'],
        summary: 'Apps a user can find: exactly those resolve gives them a version of',
        querystring: {
          type: 'object',
          required: ['user'],
          properties: {
            q: { type: 'string', maxLength: 64 },
            user: userId,
            limit: { type: 'integer', minimum: 1, maximum: 50 },
          },
        },
        response: { 503: errorSchema },
      }),
    },
    (request, reply) => {
      if (refuseUntilReady(state, reply)) return reply;
      const needle = (request.query.q ?? '').trim().toLowerCase();
      const limit = request.query.limit ?? 20;
      const items = [];
      const apps = state.snapshot.apps;
      // Matched on the packed forms; only a match is compiled (and cached: a found app is opened next).
      for (const [id, { name, brand }] of apps.entries()) {
        if (needle && !`${id}\n${name}\n${brand}`.toLowerCase().includes(needle)) continue;
        const r = decide(apps.get(id)!, request.query.user);
        if (!r.ok) continue;
        items.push({ appId: id, name, brand, version: r.version, channel: r.channel });
        if (items.length >= limit) break;
      }
      return { items };
    },
  );
}
