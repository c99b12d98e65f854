/**
 * Ours: composed as `serve --role resolver` composes it — tick shapes kept first (as the CLI does before it loads
 * the server), then the raw fast path for GET /v1/resolve in front of a Fastify instance with the resolver's
 * routes — over a snapshot of 100 apps in gray at 50 %.
 */
import { keepTickShapes } from '../../../packages/resolver/dist/embedded/tick-shapes.js';

keepTickShapes();

const { createServer } = await import('node:http');
const { createRequire } = await import('node:module');
const { buildReleaseState } = await import('../../../packages/core/dist/index.js');
const { answerBodies, fastResolve, ResolverState, resolverRoutes, withFastResolve } = await import(
  '../../../packages/resolver/dist/index.js'
);
const { apps } = await import('../fixture.mjs');

// Fastify as the resolver package itself resolves it.
const require = createRequire(new URL('../../../packages/resolver/package.json', import.meta.url));
const { default: Fastify } = await import(require.resolve('fastify'));

const state = new ResolverState(buildReleaseState(1, apps()));
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
