import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { answerBodies } from '../embedded/answer-bodies.js';
import { fastResolve, withFastResolve } from '../embedded/fast-resolve.js';
import { packageCacheRoutes } from '../embedded/package-routes.js';
import { resolverRoutes } from '../embedded/resolve-routes.js';
import { ResolverState } from '../embedded/resolver-state.js';
import { keepTickShapes } from '../embedded/tick-shapes.js';
import { frameworkErrors, installErrorHandling } from '../http/error-handler.js';
import { redactedLogger, requestLogController } from '../http/request-log.js';
import { createTimedServer, type ServerTimeouts } from '../http/server-timeouts.js';
import type { BackoffOptions } from './backoff.js';
import { PackageCache } from './package-cache.js';
import { resolverOpsRoutes } from './resolver-ops-routes.js';
import { SnapshotFile } from './snapshot-file.js';
import { StreamClient } from './stream-client.js';

export interface ResolverServerOptions {
  /** The API whose change stream and packages the resolver follows. */
  readonly upstream: string;
  /** A token with the platform role `resolver`. */
  readonly token?: string | undefined;
  /** Where the disk snapshot and the package cache live. */
  readonly dataDir: string;
  readonly logger?: FastifyServerOptions['logger'];
  readonly maxBatch?: number;
  readonly snapshotDebounceMs?: number;
  readonly stream?: { readonly idleTimeoutMs?: number; readonly backoff?: BackoffOptions };
  /** What clients may take to send a request (http/server-timeouts.ts); small in tests. */
  readonly timeouts?: Partial<ServerTimeouts>;
}

export interface ResolverServer {
  readonly app: FastifyInstance;
  readonly state: ResolverState;
  readonly client: StreamClient;
  readonly snapshotFile: SnapshotFile;
  /** Whether it has a snapshot to answer from (disk or upstream). */
  readonly ready: boolean;
}

/**
 * A resolver process (`serve --role resolver`): the data plane's routes on an in-memory snapshot, started from the
 * disk snapshot when there is one and kept current by the API's change stream. Call `client.start()` to follow.
 */
export async function createResolverServer(options: ResolverServerOptions): Promise<ResolverServer> {
  keepTickShapes();
  const state = new ResolverState();
  const packageUrl = (sha256: string) => `/v1/packages/${sha256}`;
  const bodies = answerBodies(packageUrl);
  const fast = fastResolve(state, bodies);
  const app = Fastify({
    logger: redactedLogger(options.logger ?? false),
    // The hot path: a log line per resolve would cost more than the answer.
    logController: requestLogController(false),
    serverFactory: (handler) => createTimedServer(withFastResolve(fast, handler), options.timeouts),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors,
  });
  const log = { info: (m: string) => app.log.info(m), warn: (m: string) => app.log.warn(m) };
  const snapshotFile = new SnapshotFile(options.dataDir, () => state.snapshot, {
    debounceMs: options.snapshotDebounceMs,
    onError: (e) => app.log.warn({ err: e }, 'the disk snapshot'),
  });
  const fromDisk = await snapshotFile.load();
  if (fromDisk) {
    state.replace(fromDisk.snapshot);
    app.log.info(
      `answering from ${snapshotFile.path} at seq ${fromDisk.snapshot.seq} until upstream answers`,
    );
  }
  const client = new StreamClient({
    upstream: options.upstream,
    token: options.token,
    state,
    resume: fromDisk !== null,
    onUpdate: () => {
      snapshotFile.schedule();
    },
    log,
    ...options.stream,
  });

  installErrorHandling(app);
  await app.register(async (scope) => {
    await resolverRoutes(scope, {
      state,
      packageUrl,
      bodies,
      maxBatch: options.maxBatch,
    });
    const cache = new PackageCache(join(options.dataDir, 'packages'), options.upstream, {
      token: options.token,
    });
    packageCacheRoutes(scope, cache);
  });
  resolverOpsRoutes(app, {
    ready: () => state.ready,
    seq: () => state.snapshot.seq,
    apps: () => state.snapshot.apps.size,
    snapshotAgeMs: () =>
      client.connected
        ? 0
        : Math.max(0, Date.now() - (client.lastMessageAt || fromDisk?.savedAt || Date.now())),
    upstream: () => (client.connected ? 'connected' : 'disconnected'),
    stats: () => client.stats,
  });
  app.addHook('onClose', async () => {
    await client.stop();
    await snapshotFile.flush();
  });
  await app.ready();
  return {
    app,
    state,
    client,
    snapshotFile,
    get ready() {
      return state.ready;
    },
  };
}

export interface RunningResolver {
  readonly url: string;
  readonly server: ResolverServer;
  close(): Promise<void>;
}

/** Creates a resolver, starts following upstream and listens; `close()` stops all three and saves the snapshot. */
export async function startResolverServer(
  options: ResolverServerOptions & { readonly port?: number; readonly host?: string },
): Promise<RunningResolver> {
  const server = await createResolverServer(options);
  server.client.start();
  try {
    const url = await server.app.listen({ port: options.port ?? 8081, host: options.host ?? '127.0.0.1' });
    return { url, server, close: () => server.app.close() };
  } catch (e) {
    await server.app.close();
    throw e;
  }
}
