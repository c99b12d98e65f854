import type { Limits } from '@minirelease/checks';
import { DEFAULT_LIMITS } from '@minirelease/checks';
import { buildSnapshot } from '@minirelease/core';
import { ResolverState, resolverRoutes } from '@minirelease/resolver';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createGuard, permissionOf } from './auth/guard.js';
import { installErrorHandling } from './http/error-handler.js';
import { installOpenApi } from './http/openapi.js';
import { installMetrics } from './metrics.js';
import { appRoutes } from './routes/app-routes.js';
import { opsRoutes } from './routes/ops-routes.js';
import { packageRoutes } from './routes/package-routes.js';
import { releaseRoutes } from './routes/release-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { asApi } from './routes/route-types.js';
import { tokenRoutes } from './routes/token-routes.js';
import { versionRoutes } from './routes/version-routes.js';
import { loadRelease } from './services/release-state.js';
import { createServices, type Services } from './services/services.js';
import { appStore } from './storage/app-store.js';
import type { BlobStore } from './storage/blob-store.js';
import type { OpenDatabase } from './storage/database.js';
import { eventStore } from './storage/event-store.js';

export const API_VERSION = '0.1.0';

/** JSON bodies are small; only package uploads are large, and they have their own limit. */
const JSON_BODY_LIMIT = 1024 * 1024;

export interface CreateAppOptions {
  readonly database: OpenDatabase;
  readonly blobs: BlobStore;
  readonly logger?: FastifyServerOptions['logger'];
  readonly now?: () => Date;
  readonly limits?: Partial<Limits>;
}

export interface MiniReleaseApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly resolver: ResolverState;
}

/** The composition root: storage → services → routes, API and data plane in one Fastify instance. */
export async function createApp(options: CreateAppOptions): Promise<MiniReleaseApp> {
  const { db } = options.database;
  const services = createServices({ db, blobs: options.blobs, now: options.now, limits: options.limits });
  const resolver = new ResolverState();
  services.feed.subscribe((e) => resolver.apply({ seq: e.seq, appId: e.appId, release: e.release }));
  resolver.replace(await loadSnapshot(services));

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: JSON_BODY_LIMIT });
  installErrorHandling(app);
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  // No route ships without a line in the permission table.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && permissionOf(method, route.url) === undefined) {
        throw new Error(`route ${method} ${route.url} has no permission in auth/permissions.ts`);
      }
    }
  });
  // onRequest: a caller without the right is refused before a large body is read.
  app.addHook('onRequest', createGuard(db, services.now));
  const registry = installMetrics(app, services.feed);
  await installOpenApi(app, API_VERSION);

  const uploadLimit = options.limits?.totalUploadBytes ?? DEFAULT_LIMITS.totalUploadBytes;
  await app.register(async (scope) => {
    scope.setValidatorCompiler(validatorCompiler);
    scope.setSerializerCompiler(serializerCompiler);
    const api = asApi(scope);
    tokenRoutes(api, services);
    appRoutes(api, services);
    versionRoutes(api, services, uploadLimit);
    releaseRoutes(api, services);
    reviewRoutes(api, services);
  });
  await app.register(async (scope) => {
    await resolverRoutes(scope, { state: resolver, packageUrl: (sha256) => `/v1/packages/${sha256}` });
    packageRoutes(scope, services.blobs);
  });
  opsRoutes(app, services, registry, () => resolver.snapshot.seq);
  await app.ready();
  return { app, services, resolver };
}

/** The release state of every app, at the current end of the event log. */
async function loadSnapshot(services: Services) {
  return services.db.transaction().execute(async (tx) => {
    const seq = await eventStore.lastSeq(tx);
    const releases = await Promise.all((await appStore.allIds(tx)).map((id) => loadRelease(tx, id)));
    return buildSnapshot(
      seq,
      releases.filter((r) => r !== null),
    );
  });
}
