import type { FastifyInstance } from 'fastify';

/** What the probes and metrics of a resolver process read. */
export interface ResolverHealth {
  /** It has a snapshot to answer from: from disk or from upstream. */
  ready(): boolean;
  seq(): number;
  apps(): number;
  /** How long since the snapshot was last known current: 0 while following upstream. */
  snapshotAgeMs(): number;
  upstream(): 'connected' | 'disconnected';
  stats(): { readonly connects: number; readonly snapshots: number; readonly changes: number };
}

const hidden = { schema: { hide: true } as object };

/** `/healthz` (the process lives), `/readyz` (it can answer), `/metrics` (Prometheus text). */
export function resolverOpsRoutes(app: FastifyInstance, health: ResolverHealth): void {
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));

  app.get('/readyz', hidden, async (_request, reply) => {
    const upstream = health.upstream();
    if (!health.ready()) return reply.code(503).send({ status: 'waiting for a snapshot', upstream });
    return { status: 'ready', seq: health.seq(), snapshotAgeMs: health.snapshotAgeMs(), upstream };
  });

  app.get('/metrics', hidden, async (_request, reply) => {
    const stats = health.stats();
    const lines = [
      gauge('minirelease_resolver_seq', 'The change-stream position the resolver answers from', health.seq()),
      gauge('minirelease_resolver_apps', 'Apps in the snapshot', health.apps()),
      gauge('minirelease_resolver_ready', 'Whether there is a snapshot to answer from', +health.ready()),
      gauge(
        'minirelease_resolver_upstream_connected',
        'Whether the change stream is connected',
        +(health.upstream() === 'connected'),
      ),
      gauge(
        'minirelease_resolver_snapshot_age_seconds',
        'Time since the snapshot was last known current',
        health.snapshotAgeMs() / 1000,
      ),
      counter('minirelease_resolver_stream_connects_total', 'Change-stream connections made', stats.connects),
      counter('minirelease_resolver_snapshots_total', 'Snapshots received', stats.snapshots),
      counter('minirelease_resolver_changes_total', 'Changes applied', stats.changes),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}

const gauge = (name: string, help: string, value: number) =>
  `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`;
const counter = (name: string, help: string, value: number) =>
  `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`;
