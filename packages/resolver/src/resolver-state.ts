import { type AppRelease, buildSnapshot, type ReleaseSnapshot, withApp } from '@minirelease/core';

/** A committed change as resolvers receive it: the app's whole release state after it. */
export interface ReleaseChange {
  readonly seq: number;
  readonly appId: string;
  readonly release: AppRelease | null;
}

/**
 * The resolver's current snapshot. Requests read `snapshot` once and answer from it; changes build a new one and
 * swap the reference, so a request never sees half a change.
 */
export class ResolverState {
  #snapshot: ReleaseSnapshot;

  constructor(initial: ReleaseSnapshot = buildSnapshot(0, [])) {
    this.#snapshot = initial;
  }

  get snapshot(): ReleaseSnapshot {
    return this.#snapshot;
  }

  replace(snapshot: ReleaseSnapshot): void {
    this.#snapshot = snapshot;
  }

  /** Applies a change; an old or repeated one (seq not newer) is ignored. */
  apply(change: ReleaseChange): boolean {
    if (change.seq <= this.#snapshot.seq) return false;
    this.#snapshot = withApp(this.#snapshot, change.seq, change.appId, change.release);
    return true;
  }
}
