import type { AppVisibility } from '../version/version.js';

/**
 * The change stream's data (docs/architecture.md, "The change pipeline"): what `/v1/stream` sends, what the
 * event log stores, what a resolver's disk snapshot holds and what a host's local mode reads. The release
 * state of one app is an `AppRelease`; every app's at one seq, written down, is a `Snapshot`; one committed
 * write is a `Change`.
 */

/** A package a host can launch: the version and its content address. */
export interface PackageRef {
  readonly version: string;
  readonly sha256: string;
  readonly size: number;
}

/** One app's release state as the data plane needs it: serialisable, and what a change carries. */
export interface AppRelease {
  readonly appId: string;
  readonly name: string;
  readonly brand: string;
  readonly visibility: AppVisibility;
  readonly revision: number;
  /** The version everyone gets (status `RELEASE`), if any. */
  readonly live: PackageRef | null;
  readonly gray: (PackageRef & { readonly basisPoints: number }) | null;
  readonly experience: PackageRef | null;
  /** Experiencers and members: always in gray, and the only users of the experience version. */
  readonly insiders: readonly string[];
}

/**
 * Every app's release state at one position of the event log, as JSON: the `snapshot` event of the stream (and
 * each `snapshot-part` before it, a slice of the apps with the same `seq`), the body a host bootstraps from.
 */
export interface Snapshot {
  readonly seq: number;
  readonly apps: readonly AppRelease[];
}

/**
 * An app's release state as a change carries it: `insiders` only when the change changed them (members,
 * experiencers, a new app), since an app with 1,000 members would otherwise send them all with every gray step
 * (docs/adr/0008). Absent: the follower keeps the insiders it has (core's `AppIndex.set` does).
 */
export type ChangedApp = Omit<AppRelease, 'insiders'> & { readonly insiders?: readonly string[] };

/** One committed write (`event: change`, `id: <seq>`): the app's release state after it, null once gone. */
export interface Change {
  readonly seq: number;
  readonly appId: string;
  /** The audit action that made it (`publish`, `gray`, …): for logs and metrics, not needed to apply it. */
  readonly type: string;
  readonly app: ChangedApp | null;
}
