import type { AppVisibility } from '../version/version.js';
import type { NothingToLaunchCode } from './nothing-to-launch.js';
import { ReleaseStore, type ReleaseStoreOptions } from './release-store.js';

/** A package a host can launch: the version and its content address. */
export interface PackageRef {
  readonly version: string;
  readonly sha256: string;
  readonly size: number;
}

/** One app's release state as the data plane needs it: serialisable, and what the change stream carries. */
export interface AppRelease {
  readonly appId: string;
  readonly name: string;
  readonly brand: string;
  readonly visibility: AppVisibility;
  readonly revision: number;
  readonly release: PackageRef | null;
  readonly gray: (PackageRef & { readonly basisPoints: number }) | null;
  readonly experience: PackageRef | null;
  /** Experiencers and members: always in gray, and the only users of the experience version. */
  readonly insiders: readonly string[];
}

export type Channel = 'stable' | 'gray' | 'experience';

/** Why a user got what they got (GrowthBook's `source`): the answer explains itself instead of throwing. */
export type ResolveReason = 'experience' | 'insider' | 'bucket' | 'stable';

export interface Resolved {
  readonly ok: true;
  readonly appId: string;
  readonly version: string;
  readonly channel: Channel;
  readonly sha256: string;
  readonly size: number;
  readonly reason: ResolveReason;
}

export interface NotResolved {
  readonly ok: false;
  readonly appId: string;
  readonly code: NothingToLaunchCode;
}

export type ResolveResult = Resolved | NotResolved;

/**
 * The release state at one change-stream position: the position and the store of every app. A resolver changes
 * its store in place (one app per change, O(1)) and then moves to a new snapshot object with the new `seq`;
 * answers are synchronous, so none sees half a change. `withApp` leaves its input untouched, at O(N).
 */
export interface ReleaseSnapshot {
  readonly seq: number;
  readonly apps: ReleaseStore;
}

/** A snapshot of these apps; each is packed now and compiled on its first `get`. */
export function buildSnapshot(
  seq: number,
  apps: Iterable<AppRelease>,
  options?: ReleaseStoreOptions,
): ReleaseSnapshot {
  const store = new ReleaseStore(options);
  for (const app of apps) store.set(app.appId, app);
  return { seq, apps: store };
}

/**
 * A new snapshot with one app replaced (or removed when `app` is null); the old one is untouched. It copies the
 * store (O(N)): for small states such as a host's; a resolver changes its store in place (`ResolverState`).
 */
export function withApp(
  snapshot: ReleaseSnapshot,
  seq: number,
  appId: string,
  app: AppRelease | null,
): ReleaseSnapshot {
  const apps = snapshot.apps.clone();
  apps.set(appId, app);
  return { seq, apps };
}
