import { DomainError } from '@minirelease/core';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ChangeStreams } from './change-streams.js';

const DESCRIPTION = `Server-Sent Events (\`text/event-stream\`) for resolvers and SDKs in local mode. Needs a token with
the platform role \`resolver\` (or \`admin\`): the release state carries experiencer ids.

Without \`after\` (or with 0) and without \`Last-Event-ID\`, the stream opens with the whole release state at one
seq. Up to 1000 apps it is one event:

    event: snapshot
    id: <seq>
    data: {"seq": <seq>, "apps": [AppRelease, …]}

A larger state comes in parts: \`snapshot-part\` events (no \`id\`, same \`data\` shape, 1000 apps each), then the
\`snapshot\` event with the last apps. The snapshot is all of them together; a client cut off before the \`snapshot\`
event drops the parts and asks again without \`Last-Event-ID\`.

Then every later change, in seq order, each with the app's whole release state after it (null when removed):

    event: change
    id: <seq>
    data: {"seq": <seq>, "appId": "…", "type": "gray", "release": AppRelease | null}

With \`after\` or \`Last-Event-ID\` (the header wins) it sends only the changes after that seq. Comment lines
(\`: hb\`) come every 15 s. A subscriber that falls too far behind is disconnected and resumes with
\`Last-Event-ID\`; a position the log never reached gets a fresh snapshot.`;

const schema = {
  tags: ['data plane'],
  summary: 'The release state and its changes, as Server-Sent Events (resolvers)',
  description: DESCRIPTION,
  querystring: {
    type: 'object',
    properties: {
      after: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
      follow: { type: 'boolean', default: true, description: 'false: end once caught up' },
    },
  },
  headers: {
    type: 'object',
    properties: { 'last-event-id': { type: 'string', maxLength: 16 } },
  },
  response: {
    200: {
      description: 'An event stream: `snapshot`, then `change` events, and `: hb` comments',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    },
  },
} as FastifySchema;

/** `GET /v1/stream`: parse where to start, then hand the raw response to the stream hub. */
export function streamRoutes(app: FastifyInstance, streams: ChangeStreams): void {
  app.get<{ Querystring: { after?: number; follow: boolean } }>(
    '/v1/stream',
    { schema },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      let after = request.query.after ?? null;
      if (typeof header === 'string' && header.trim() !== '') {
        if (!/^\d{1,15}$/.test(header.trim())) {
          throw new DomainError('VALIDATION_FAILED', 'Last-Event-ID must be a seq from this stream', {
            field: 'headers.last-event-id',
          });
        }
        after = Number(header.trim());
      }
      reply.hijack();
      await streams.open(reply.raw, {
        after,
        follow: request.query.follow,
        tokenId: request.principal?.tokenId,
      });
    },
  );
}
