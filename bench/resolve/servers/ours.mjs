/** Ours: a Fastify instance with the built resolver's routes over a snapshot of 100 apps in gray at 50 %. */
import { createRequire } from 'node:module';
import { buildSnapshot } from '../../../packages/core/dist/index.js';
import { ResolverState, resolverRoutes } from '../../../packages/resolver/dist/index.js';
import { apps } from '../fixture.mjs';

// Fastify as the resolver package itself resolves it.
const require = createRequire(new URL('../../../packages/resolver/package.json', import.meta.url));
const { default: Fastify } = await import(require.resolve('fastify'));

const app = Fastify({ logger: false });
const state = new ResolverState(buildSnapshot(1, apps()));
await app.register(resolverRoutes, { state, packageUrl: (sha256) => `/v1/packages/${sha256}` });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send({ port: app.server.address().port });
