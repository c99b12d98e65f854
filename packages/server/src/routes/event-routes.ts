import {
  ErrorSchema,
  HostEventBatchBody,
  HostEventsAnswerSchema,
  IdempotencyHeaders,
} from '../http/schemas.js';
import type { Services } from '../services/services.js';
import type { Api } from './route-types.js';

/**
 * `POST /v1/events` (DESIGN §10): host apps report launches, errors, crashes and feedback with a host key. The
 * body is capped at 1 MB by the app's body limit (413 BODY_TOO_LARGE, read after the guard); the batch answer
 * is 202 even when every event was refused, since each refusal is the event's, not the batch's.
 */
export function eventRoutes(api: Api, s: Services): void {
  api.post(
    '/v1/events',
    {
      schema: {
        tags: ['gray'],
        summary: 'Report host events with a host key; a replayed Idempotency-Key is counted once',
        headers: IdempotencyHeaders,
        body: HostEventBatchBody,
        response: {
          202: HostEventsAnswerSchema,
          400: ErrorSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { answer } = await s.hostEvents.ingest(
        request.hostKeyId as string,
        request.headers['idempotency-key'],
        request.body.events,
      );
      return reply.code(202).send(answer);
    },
  );
}
