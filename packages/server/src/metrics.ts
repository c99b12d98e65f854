import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { ChangeFeed } from './changes/change-feed.js';

/** Process metrics, HTTP by route and status, and pipeline transitions by action. */
export function installMetrics(app: FastifyInstance, feed: ChangeFeed): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'minirelease_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  const changes = new Counter({
    name: 'minirelease_changes_total',
    help: 'Committed app changes by type (upload, submit, gray, publish, …)',
    labelNames: ['type'],
    registers: [registry],
  });
  feed.subscribe((e) => changes.inc({ type: e.type }));
  app.addHook('onResponse', async (request, reply) => {
    requests.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  return registry;
}
