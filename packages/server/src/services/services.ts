import type { Kysely } from 'kysely';
import type { BlobStore } from '../storage/blob-store.js';
import type { Database } from '../storage/schema.js';
import { AppService } from './app-service.js';
import { ChangeFeed } from './change-feed.js';
import { HealthService } from './health-service.js';
import { HostEventService } from './host-event-service.js';
import { HostKeyService } from './host-key-service.js';
import { ReleaseService } from './release-service.js';
import { TokenService } from './token-service.js';
import { type CheckTuning, VersionService } from './version-service.js';

/** Everything the routes call, built once in the composition root. */
export interface Services {
  readonly db: Kysely<Database>;
  readonly blobs: BlobStore;
  readonly feed: ChangeFeed;
  readonly now: () => Date;
  readonly apps: AppService;
  readonly release: ReleaseService;
  readonly versions: VersionService;
  readonly tokens: TokenService;
  readonly hostKeys: HostKeyService;
  readonly hostEvents: HostEventService;
  readonly health: HealthService;
}

export function createServices(options: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  blobs: BlobStore;
  now?: (() => Date) | undefined;
  check?: CheckTuning | undefined;
}): Services {
  const now = options.now ?? (() => new Date());
  const feed = new ChangeFeed();
  const deps = { db: options.db, dialect: options.dialect, feed, now };
  const release = new ReleaseService(deps);
  return {
    db: options.db,
    blobs: options.blobs,
    feed,
    now,
    apps: new AppService(deps),
    release,
    versions: new VersionService(deps, release, options.blobs, options.check),
    tokens: new TokenService(options.db, now),
    hostKeys: new HostKeyService(options.db, now),
    hostEvents: new HostEventService(options.db, now),
    health: new HealthService(options.db, now),
  };
}
