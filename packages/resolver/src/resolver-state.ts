import { type AppRelease, buildSnapshot, type ReleaseSnapshot } from '@minirelease/core';

/** A committed change as resolvers receive it: the app's whole release state after it. */
export interface ReleaseChange {
  readonly seq: number;
  readonly appId: string;
  readonly release: AppRelease | null;
}

/**
 * The resolver's current snapshot. A change replaces its one app in the store in place (O(1), however many apps)
 * and only then moves `seq`, by a new snapshot object over the same store; a whole snapshot swaps the store.
 * Requests answer synchronously, so none sees half a change. Each change gives a new `snapshot` object, which is
 * how the disk snapshot knows there is something to write.
 */
export class ResolverState {
  #snapshot: ReleaseSnapshot;

  constructor(initial: ReleaseSnapshot = buildSnapshot(0, [])) {
    this.#snapshot = initial;
  }

  get snapshot(): ReleaseSnapshot {
    return this.#snapshot;
  }

  /**
   * The current snapshot, copied: the store's maps (O(N)), the packed apps being immutable and shared. It stays
   * at its seq while changes go on, for a writer that sends it in parts.
   */
  copy(): ReleaseSnapshot {
    const { seq, apps } = this.#snapshot;
    return { seq, apps: apps.clone() };
  }

  replace(snapshot: ReleaseSnapshot): void {
    this.#snapshot = snapshot;
  }

  /** Applies a change; an old or repeated one (seq not newer) is ignored. */
  apply(change: ReleaseChange): boolean {
    const { seq, apps } = this.#snapshot;
    if (change.seq <= seq) return false;
    apps.set(change.appId, change.release);
    this.#snapshot = { seq: change.seq, apps };
    return true;
  }
}
