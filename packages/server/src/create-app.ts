import type { Limits } from '@minirelease/checks';
import { DEFAULT_LIMITS } from '@minirelease/checks';
import { buildReleaseState, IMAGE_TYPES } from '@minirelease/core';
import {
  answerBodies,
  createTimedServer,
  fastResolve,
  frameworkErrors,
  installErrorHandling,
  keepTickShapes,
  ResolverState,
  redactedLogger,
  requestLogController,
  resolverRoutes,
  type ServerTimeouts,
  withFastResolve,
} from '@minirelease/resolver';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createGuard, permissionOf } from './auth/guard.js';
import { type ChangeStreamOptions, ChangeStreams } from './changes/change-streams.js';
import { EventFollower } from './changes/event-follower.js';
import { loadSnapshot } from './changes/load-snapshot.js';
import { streamRoutes } from './changes/stream-routes.js';
import { streamSnapshotRoute } from './changes/stream-snapshot-route.js';
import { GrayTicker } from './gray/gray-ticker.js';
import { consoleStatic, defaultConsoleDir } from './http/console-static.js';
import { installOpenApi } from './http/openapi.js';
import { rejectNul } from './http/reject-nul.js';
import { closeSpareConnectionsOnClose } from './http/spare-connections.js';
import { installMetrics } from './metrics.js';
import { appRoutes } from './routes/app-routes.js';
import { checkRoutes } from './routes/check-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { grayPlanRoutes } from './routes/gray-plan-routes.js';
import { grayRoutes } from './routes/gray-routes.js';
import { materialRoutes } from './routes/material-routes.js';
import { opsRoutes } from './routes/ops-routes.js';
import { packageRoutes } from './routes/package-routes.js';
import { pipelineRoutes } from './routes/pipeline-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { asApi } from './routes/route-types.js';
import { tokenRoutes } from './routes/token-routes.js';
import { versionRoutes } from './routes/version-routes.js';
import { createServices, type Services } from './services/services.js';
import type { CheckTuning } from './services/version-service.js';
import type { BlobStore } from './storage/blob-store.js';
import type { OpenDatabase } from './storage/database.js';
import { isDatabaseUnavailable } from './storage/database-unavailable.js';
import { sealStoredPasswords } from './storage/sealed-materials.js';
import type { SecretBox } from './storage/secret-box.js';

export const API_VERSION = '0.1.0';

/** JSON bodies are small; only package uploads are large, and they have their own limit. */
const JSON_BODY_LIMIT = 1024 * 1024;
/** DESIGN §10: a plan is looked at every few seconds; the halt latency budget is 2 min. */
const DEFAULT_GRAY_TICK_MS = 15_000;

export interface CreateAppOptions {
  readonly database: OpenDatabase;
  readonly blobs: BlobStore;
  readonly logger?: FastifyServerOptions['logger'] | undefined;
  readonly now?: (() => Date) | undefined;
  readonly limits?: Partial<Limits> | undefined;
  /** A platform's checker tuning (its config file); `limits` above wins over its limits. */
  readonly check?: CheckTuning | undefined;
  /** How often to look for events committed elsewhere when no NOTIFY came (ms). */
  readonly eventPollMs?: number | undefined;
  /** The change stream's heartbeat and slow-consumer limit. */
  readonly stream?:
    | Pick<ChangeStreamOptions, 'heartbeatMs' | 'maxBufferedBytes' | 'snapshotPartApps' | 'keepEvents'>
    | undefined;
  /** Seals the test passwords at rest; a key for this process only when not given (tests). */
  readonly secretBox?: SecretBox | undefined;
  /** One log line per request at `info` (URLs with end-user ids redacted); off by default. */
  readonly requestLog?: boolean | undefined;
  /** What clients may take to send a request (the resolver's http/server-timeouts.ts); small in tests. */
  readonly timeouts?: Partial<ServerTimeouts> | undefined;
  /** The built console served at `/`; the workspace's `@minirelease/console/dist` by default, `null` for none. */
  readonly consoleDir?: string | null | undefined;
  /** Days of per-minute host event counts kept (DESIGN §10; default 30), pruned by the server. */
  readonly eventRetentionDays?: number | undefined;
  /**
   * How often the gray ticker reconciles the active plans (ms; default 15 s); `null` builds it without its loop,
   * for tests that drive `ticker.tick()` with an injected clock.
   */
  readonly grayTickMs?: number | null | undefined;
  /** This instance's name in the ticker's lease row (random by default). */
  readonly grayTickerHolder?: string | undefined;
}

export interface MiniReleaseApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly resolver: ResolverState;
  readonly streams: ChangeStreams;
  readonly ticker: GrayTicker;
}

/** The composition root: storage → services → routes, API and data plane in one Fastify instance. */
export async function createApp(options: CreateAppOptions): Promise<MiniReleaseApp> {
  // Late when the server was loaded already (the CLI calls it earlier), harmless when it has no effect.
  keepTickShapes();
  const { db, dialect } = options.database;
  const services = createServices({
    db,
    dialect,
    blobs: options.blobs,
    now: options.now,
    check: { ...options.check, limits: { ...options.check?.limits, ...options.limits } },
    eventRetentionDays: options.eventRetentionDays,
    secrets: options.secretBox,
  });
  await sealStoredPasswords(db, services.secrets);
  // The resolver starts from the release state at the log's end, then follows the log in seq order.
  const loaded = await loadSnapshot(db);
  const initial = buildReleaseState(loaded.seq, loaded.apps);
  const resolver = new ResolverState(initial);
  const packageUrl = (sha256: string) => `/v1/packages/${sha256}`;
  const bodies = answerBodies(packageUrl);
  const fast = fastResolve(resolver, bodies);
  const app = Fastify({
    logger: redactedLogger(options.logger ?? false),
    // Off unless asked for, and never with end-user ids in clear (issue 10).
    logController: requestLogController(options.requestLog === true),
    bodyLimit: JSON_BODY_LIMIT,
    // `GET /v1/resolve` is answered before Fastify's pipeline: the data plane's hottest request.
    serverFactory: (handler) => createTimedServer(withFastResolve(fast, handler), options.timeouts),
    // Long enough for any id the schemas accept, so an over-long one gets the schemas' 400, not the router's 414.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors,
  });

  const follower = new EventFollower(
    db,
    initial.seq,
    (change) => resolver.apply(change),
    (error) => app.log.warn({ err: error }, 'following the event log failed; retrying'),
  );
  // A write answers only once the resolver has it: a client reads its own write.
  services.feed.subscribe((e) => follower.catchUp(e.seq));
  await follower.start({ pollMs: options.eventPollMs ?? 1000, postgresUrl: options.database.url });
  app.addHook('onClose', () => follower.stop());
  const streams = new ChangeStreams(db, follower, resolver, {
    ...options.stream,
    onError: (error) => app.log.warn({ err: error }, 'change stream'),
  });
  // Before the server waits for its connections to end: open streams never would.
  app.addHook('preClose', async () => streams.closeAll());
  closeSpareConnectionsOnClose(app);
  // Routes whose body is a package: too large there is PACKAGE_TOO_LARGE, not BODY_TOO_LARGE.
  installErrorHandling(app, {
    packageRoutes: new Set(['/v1/apps/:app/versions']),
    databaseUnavailable: isDatabaseUnavailable,
  });
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream', ...IMAGE_TYPES],
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
  app.addHook('preValidation', rejectNul);
  const registry = installMetrics(app, services.feed);
  await installOpenApi(app, API_VERSION);

  const uploadLimit =
    options.limits?.totalUploadBytes ??
    options.check?.limits?.totalUploadBytes ??
    DEFAULT_LIMITS.totalUploadBytes;
  await app.register(async (scope) => {
    scope.setValidatorCompiler(validatorCompiler);
    scope.setSerializerCompiler(serializerCompiler);
    const api = asApi(scope);
    tokenRoutes(api, services);
    appRoutes(api, services);
    versionRoutes(api, services, uploadLimit);
    pipelineRoutes(api, services);
    reviewRoutes(api, services);
    checkRoutes(api, services);
    materialRoutes(api, services);
    grayRoutes(api, services);
    eventRoutes(api, services);
    grayPlanRoutes(api, services);
  });
  await app.register(async (scope) => {
    await resolverRoutes(scope, { state: resolver, packageUrl, bodies });
    packageRoutes(scope, services.blobs, db);
    streamRoutes(scope, streams);
    streamSnapshotRoute(scope, resolver);
  });
  opsRoutes(app, services, registry, () => resolver.snapshot.seq);
  const ticker = new GrayTicker(
    { ...services, dialect },
    {
      intervalMs: options.grayTickMs ?? DEFAULT_GRAY_TICK_MS,
      holder: options.grayTickerHolder,
      onError: (error) => app.log.warn({ err: error }, 'gray ticker'),
    },
  );
  if (options.grayTickMs !== null) ticker.start();
  app.addHook('onClose', () => ticker.stop());
  consoleStatic(app, options.consoleDir === null ? undefined : (options.consoleDir ?? defaultConsoleDir()));
  await app.ready();
  return { app, services, resolver, streams, ticker };
}
