import type { Kysely } from 'kysely';
import { ChangeFeed } from '../changes/change-feed.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Database } from '../storage/schema.js';
import { SecretBox } from '../storage/secret-box.js';
import { AppService } from './app-service.js';
import { GrayPlanService } from './gray-plan-service.js';
import { HealthService } from './health-service.js';
import { HostEventService } from './host-event-service.js';
import { HostKeyService } from './host-key-service.js';
import { PipelineService } from './pipeline-service.js';
import { TokenService } from './token-service.js';
import { type CheckTuning, VersionService } from './version-service.js';

/** Everything the routes call, built once in the composition root. */
export interface Services {
  readonly db: Kysely<Database>;
  readonly blobs: BlobStore;
  readonly feed: ChangeFeed;
  readonly now: () => Date;
  readonly apps: AppService;
  readonly pipeline: PipelineService;
  readonly versions: VersionService;
  readonly tokens: TokenService;
  /** The platform's checker tuning, for routes that run rules without a package. */
  readonly check: CheckTuning;
  readonly hostKeys: HostKeyService;
  readonly hostEvents: HostEventService;
  readonly health: HealthService;
  readonly grayPlans: GrayPlanService;
  /** Seals and opens the secrets kept at rest (test passwords). */
  readonly secrets: SecretBox;
}

export function createServices(options: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  blobs: BlobStore;
  now?: (() => Date) | undefined;
  check?: CheckTuning | undefined;
  /** Days of per-minute event counts kept (DESIGN §10: default 30). */
  eventRetentionDays?: number | undefined;
  secrets?: SecretBox | undefined;
}): Services {
  const secrets = options.secrets ?? SecretBox.ephemeral();
  const now = options.now ?? (() => new Date());
  const feed = new ChangeFeed();
  const deps = { db: options.db, dialect: options.dialect, feed, now };
  const pipeline = new PipelineService(deps);
  return {
    db: options.db,
    blobs: options.blobs,
    feed,
    now,
    apps: new AppService(deps),
    pipeline,
    versions: new VersionService(deps, pipeline, options.blobs, options.check, secrets),
    tokens: new TokenService(options.db, now),
    check: options.check ?? {},
    hostKeys: new HostKeyService(options.db, now),
    hostEvents: new HostEventService(options.db, now, options.eventRetentionDays),
    health: new HealthService(options.db, now),
    grayPlans: new GrayPlanService(deps),
    secrets,
  };
}
