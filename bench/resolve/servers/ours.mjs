/**
 * Ours: composed as `serve --role resolver` composes it — the raw fast path for GET /v1/resolve in front of a
 * Fastify instance with the resolver's routes — over a snapshot of 100 apps in gray at 50 %.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { buildSnapshot } from '../../../packages/core/dist/index.js';
import {
  answerBodies,
  fastResolve,
  ResolverState,
  resolverRoutes,
  withFastResolve,
} from '../../../packages/resolver/dist/index.js';
import { apps } from '../fixture.mjs';

// Fastify as the resolver package itself resolves it.
const require = createRequire(new URL('../../../packages/resolver/package.json', import.meta.url));
const { default: Fastify } = await import(require.resolve('fastify'));

const state = new ResolverState(buildSnapshot(1, apps()));
const packageUrl = (sha256) => `/v1/packages/${sha256}`;
const bodies = answerBodies(packageUrl);
const fast = fastResolve(state, bodies);
const app = Fastify({
  logger: false,
  serverFactory: (handler) => createServer(withFastResolve(fast, handler)),
});
await app.register(resolverRoutes, { state, packageUrl, bodies });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send({ port: app.server.address().port });
