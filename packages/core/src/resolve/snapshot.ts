import { type GrayBucketer, grayBucketer } from '../gray/bucket.js';
import type { Murmur3Prefix } from '../gray/murmur3.js';
import type { AppVisibility } from '../version/version.js';

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
  readonly code: 'APP_NOT_FOUND' | 'APP_OFFLINE' | 'APP_NOT_RELEASED';
}

export type ResolveResult = Resolved | NotResolved;

/**
 * An app compiled for deciding: the gray key prefix pre-hashed, insiders in a Set, and every possible answer
 * built once, so a decision allocates nothing. The flat fields (`offline`, `hasInsiders`, `grayPrefix`) are
 * what `decide` reads: one object shape for every app, and no Set lookup (which hashes the id) when empty.
 */
export interface CompiledApp {
  readonly source: AppRelease;
  readonly offline: boolean;
  readonly insiders: ReadonlySet<string>;
  readonly hasInsiders: boolean;
  readonly bucketer: GrayBucketer | null;
  readonly grayPrefix: Murmur3Prefix | null;
  readonly grayBasisPoints: number;
  readonly answers: {
    readonly stable: ResolveResult;
    readonly grayByBucket: ResolveResult | null;
    readonly grayInsider: ResolveResult | null;
    readonly experience: ResolveResult | null;
    readonly offline: NotResolved;
  };
}

/** The whole release state at one change-stream position; immutable, swapped whole. */
export interface ReleaseSnapshot {
  readonly seq: number;
  readonly apps: ReadonlyMap<string, CompiledApp>;
}

export function compileApp(app: AppRelease): CompiledApp {
  const answer = (ref: PackageRef, channel: Channel, reason: ResolveReason): Resolved =>
    Object.freeze({
      ok: true,
      appId: app.appId,
      version: ref.version,
      channel,
      sha256: ref.sha256,
      size: ref.size,
      reason,
    });
  const notReleased: NotResolved = Object.freeze({ ok: false, appId: app.appId, code: 'APP_NOT_RELEASED' });
  const bucketer = app.gray ? grayBucketer(app.appId, app.gray.version) : null;
  return {
    source: app,
    offline: app.visibility === 'offline',
    insiders: new Set(app.insiders),
    hasInsiders: app.insiders.length > 0,
    bucketer,
    grayPrefix: bucketer?.prefix ?? null,
    grayBasisPoints: app.gray?.basisPoints ?? 0,
    answers: {
      offline: Object.freeze({ ok: false, appId: app.appId, code: 'APP_OFFLINE' }),
      stable: app.release ? answer(app.release, 'stable', 'stable') : notReleased,
      grayByBucket: app.gray ? answer(app.gray, 'gray', 'bucket') : null,
      grayInsider: app.gray ? answer(app.gray, 'gray', 'insider') : null,
      experience: app.experience ? answer(app.experience, 'experience', 'experience') : null,
    },
  };
}

export function buildSnapshot(seq: number, apps: Iterable<AppRelease>): ReleaseSnapshot {
  const compiled = new Map<string, CompiledApp>();
  for (const app of apps) compiled.set(app.appId, compileApp(app));
  return { seq, apps: compiled };
}

/** A new snapshot with one app replaced (or removed when `app` is null); the old one is untouched. */
export function withApp(
  snapshot: ReleaseSnapshot,
  seq: number,
  appId: string,
  app: AppRelease | null,
): ReleaseSnapshot {
  const apps = new Map(snapshot.apps);
  if (app) apps.set(appId, compileApp(app));
  else apps.delete(appId);
  return { seq, apps };
}
